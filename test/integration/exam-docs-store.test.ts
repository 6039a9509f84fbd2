import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExamDocFileResult } from '../../src-shared/api/exam-docs';
import { institutionDate } from '../../src-shared/domain/institution-time';
import { ticketSecret, verifyTicketQr } from '../../src-main/core/tickets/check-code';
import { call, callError, callJob, LOGIN } from '../helpers/app';
import { cli } from '../helpers/cli';
import { decodeQr, pagePng, pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/temp-dir';
import { examDayApp, INVIGILATOR, seatsOf } from '../fixtures/attendance-fixtures';
import { addCandidates } from '../fixtures/candidates';

type Setup = Awaited<ReturnType<typeof examDayApp>>;

const masked = (id: string) => `${id.slice(0, 6)}*****${id.slice(-4)}`;

async function login(s: Setup) {
  const coordinator = (await call<{ sessionToken: string }>(s.app, 'auth.login', LOGIN)).sessionToken;
  const invigilator = (await call<{ sessionToken: string }>(s.app, 'auth.login', { username: INVIGILATOR.username, password: INVIGILATOR.password })).sessionToken;
  return { coordinator, invigilator };
}

function docs(kind: string, data: string, args: string[]) {
  const out = join(tempDir(), `${kind}.${args.includes('zip') ? 'zip' : 'pdf'}`);
  const run = cli(['docs', kind, '--data-dir', data, '--out', out, '--json', ...args.filter((a) => a !== 'zip')]);
  return { run, out };
}

// The site round trip and the schedule import run jobs in worker threads, the CLI runs in child processes: slow on a loaded 2-core machine.
describe('考务文档 from the store', { timeout: 300_000 }, () => {
  // The CLI runs on the real clock: the simulator's plan is issued today, so its 准考证打印 window (today ±3 days) is open for it.
  const issueDay = institutionDate(new Date());

  it('prints each kind by CLI with the names, masked IDs, ticket numbers, seats, invigilators and recorded totals', async () => {
    const data = tempDir();
    const s = await examDayApp({ issueDay, candidates: 30, photos: 30, dataDir: data });
    const room = s.rooms.find((r) => r.date === s.examDays[0] && r.start === '08:30' && r.roomName === '13号机房')!;
    await call(s.app, 'invigilation.setRoom', { scheduleRoomId: room.scheduleRoomId, staffIds: [s.staff.id] }, s.principal);
    const seats = seatsOf(s.app, room.scheduleRoomId);
    expect(seats.length).toBeGreaterThan(5);

    // Check-in on exam day: two present, one absent.
    s.clock.now = new Date(`${s.examDays[0]}T08:10:00+08:00`);
    const { invigilator } = await login(s);
    const roster = await call<{ rows: { seatId: number }[] }>(s.app, 'attendance.roster', { scheduleRoomId: room.scheduleRoomId }, invigilator);
    await call(s.app, 'attendance.confirm', { scheduleRoomId: room.scheduleRoomId, seatId: roster.rows[0]!.seatId }, invigilator);
    await call(s.app, 'attendance.confirm', { scheduleRoomId: room.scheduleRoomId, seatId: roster.rows[1]!.seatId }, invigilator);
    await call(s.app, 'attendance.markAbsent', { scheduleRoomId: room.scheduleRoomId, seatId: roster.rows[2]!.seatId }, invigilator);

    const signin = docs('signin', data, ['--plan', s.planCode, '--room', '13号机房', '--session', `${s.examDays[0]} 08:30`]);
    expect(signin.run.code, signin.run.stderr).toBe(0);
    const report = signin.run.json();
    expect(Object.keys(report)).toEqual(['file', 'kind', 'plan', 'count', 'pages']);
    expect(report).toEqual({ file: signin.out, kind: 'signin', plan: s.planCode, count: 1, pages: expect.any(Number) });
    const sheet = pdfText(signin.out).flat;
    for (const seat of seats) {
      expect(sheet).toContain(seat.name);
      expect(sheet).toContain(masked(seat.idNumber));
      expect(sheet).toContain(seat.ticket);
      expect(sheet).not.toContain(seat.idNumber);
    }
    expect(sheet).toContain('13号机房');
    expect(sheet).toContain('王芳');
    expect(sheet).toContain('烟台职业学院');
    expect(sheet).toMatch(new RegExp(`应考人数[:：]?${seats.length}`));
    expect(sheet).toMatch(/实考人数[:：]?2/);
    expect(sheet).toMatch(/缺考人数[:：]?1/);
    pagePng(signin.out, 'store-signin');

    const desk = docs('desk', data, ['--plan', s.planCode, '--room', String(room.roomId), '--session', String(room.sessionId)]);
    expect(desk.run.code, desk.run.stderr).toBe(0);
    const labels = pdfText(desk.out).flat;
    for (const seat of seats) expect(labels).toContain(seat.ticket);
    expect(labels).toContain(seats[0]!.name);

    const door = docs('door', data, ['--plan', s.planCode, '--date', s.examDays[0]]);
    expect(door.run.code, door.run.stderr).toBe(0);
    expect(door.run.json<{ count: number }>().count).toBe(s.rooms.filter((r) => r.date === s.examDays[0]).length);
    expect(pdfText(door.out).flat).toContain('13号机房');

    const tickets = docs('tickets', data, ['--plan', s.planCode, '--room', '13号机房', '--session', `${s.examDays[0]} 08:30`]);
    expect(tickets.run.code, tickets.run.stderr).toBe(0);
    expect(tickets.run.json()).toMatchObject({ kind: 'tickets', count: seats.length });
    const ticketText = pdfText(tickets.out).flat;
    expect(ticketText).toContain(seats[0]!.name);
    expect(ticketText).toContain(masked(seats[0]!.idNumber));
    expect(ticketText).not.toContain(seats[0]!.idNumber);
    expect(ticketText).toContain('滨海中路2018号实训楼');

    // The QR of a ticket decodes to a ticket number of that candidate, its check code good under this store's secret.
    const qr = await decodeQr(pagePng(tickets.out, 'store-ticket', { dpi: 150 }));
    expect(qr).not.toBeNull();
    const scan = verifyTicketQr(ticketSecret(s.app.store), qr!);
    expect(scan.ok).toBe(true);
    const owner = s.app.store.db
      .prepare('SELECT c.name FROM schedule_seats t JOIN enrollments e ON e.id = t.enrollment_id JOIN candidates c ON c.id = e.candidate_id WHERE t.ticket_number = ?')
      .pluck()
      .get(scan.ok ? scan.ticketNumber : '');
    expect(ticketText).toContain(owner);
    // A QR code with another store's secret does not verify.
    expect(verifyTicketQr(Buffer.alloc(32, 7), qr!).ok).toBe(false);

    const zip = docs('tickets', data, ['--plan', s.planCode, '--room', '13号机房', '--session', `${s.examDays[0]} 08:30`, 'zip']);
    expect(zip.run.code, zip.run.stderr).toBe(0);
    expect(zip.run.json()).toEqual({ file: zip.out, kind: 'tickets', plan: s.planCode, count: seats.length, pages: null });

    // A room the plan does not have: exit 1, the reason in Chinese, the file never written.
    const missing = docs('door', data, ['--plan', s.planCode, '--room', '99号机房']);
    expect(missing.run.code).toBe(1);
    expect(missing.run.json()).toEqual({
      refused: { code: 'NOT_FOUND', message: `考试计划 ${s.planCode} 没有名为 99号机房 的考场（考场：13号机房、14号机房、物流实训室）。`, file: null },
    });
    expect(existsSync(missing.out)).toBe(false);

    // Outside the 准考证打印 window (the exam day is after it): refused with the window shown.
    const refused = await callError(s.app, 'examDocs.render', { planCode: s.planCode, kind: 'tickets' }, (await login(s)).coordinator);
    expect(refused.code).toBe('STATE');
    expect(refused.message).toMatch(/^准考证只能在本计划的准考证打印时间（\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}）内打印，今天是 /);
    await s.app.close();
  });

  it('lets an invigilator print only its own rooms, through the job', async () => {
    const s = await examDayApp({ issueDay, candidates: 130, photos: 0 });
    const morning = s.rooms.filter((r) => r.date === s.examDays[0] && r.start === '08:30');
    const mine = morning.find((r) => r.roomName === '13号机房')!;
    const other = morning.find((r) => r.roomName === '14号机房')!;
    await call(s.app, 'invigilation.setRoom', { scheduleRoomId: mine.scheduleRoomId, staffIds: [s.staff.id] }, s.principal);
    const { invigilator } = await login(s);

    const done = await callJob<ExamDocFileResult>(s.app, 'examDocs.render', { planCode: s.planCode, kind: 'signin', roomId: mine.roomId, sessionId: mine.sessionId }, invigilator);
    expect(done).toMatchObject({ kind: 'signin', count: 1, pdfFile: 'pdf' });
    expect(done.fileName).toBe(`考场签到表-${s.planCode}-${s.examDays[0]}-0830-13号机房.pdf`);

    const forbidden = await callError(s.app, 'examDocs.render', { planCode: s.planCode, kind: 'door', roomId: other.roomId, sessionId: other.sessionId }, invigilator);
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', message: '您没有被安排在所选的考场或场次监考或巡考，只能打印自己考场的文档。' });
    // The whole plan, asked by the invigilator, is its own rooms alone.
    const all = await callJob<ExamDocFileResult>(s.app, 'examDocs.render', { planCode: s.planCode, kind: 'desk' }, invigilator);
    expect(all.count).toBe(1);
    expect((await callError(s.app, 'examDocs.render', { planCode: s.planCode, kind: 'tickets' }, invigilator)).code).toBe('FORBIDDEN');
    await s.app.close();
  });

  it('refuses more than 1,000 tickets in one PDF, naming the way round, and still starts the ZIP', async () => {
    const s = await examDayApp({ issueDay, candidates: 30, photos: 0 });
    const room = s.rooms.find((r) => r.date === s.examDays[0] && r.start === '08:30' && r.roomName === '13号机房')!;
    const db = s.app.store.db;
    // One big session: 1,000 more candidates seated in it, in 13号机房 and 14号机房 (999 seats at most each), as a large site's schedule would.
    const subject = db.prepare('SELECT subject_code FROM schedule_sessions WHERE id = ?').pluck().get(room.sessionId) as string;
    const other = db.prepare("SELECT id FROM exam_rooms WHERE plan_code = ? AND name = '14号机房'").pluck().get(s.planCode) as number;
    db.prepare('UPDATE exam_rooms SET seats = 999 WHERE id IN (?, ?)').run(room.roomId, other);
    const second =
      (db.prepare('SELECT id FROM schedule_rooms WHERE session_id = ? AND room_id = ?').pluck().get(room.sessionId, other) as number | undefined) ??
      Number(db.prepare('INSERT INTO schedule_rooms (session_id, room_id) VALUES (?, ?)').run(room.sessionId, other).lastInsertRowid);
    const people = addCandidates(s.app.store, 1000, 77);
    const ids = db
      .prepare('SELECT id FROM candidates WHERE id_number IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(people.map((p) => p.idNumber))) as number[];
    const enroll = db.prepare('INSERT INTO enrollments (candidate_id, plan_code, subject_code, created_at) VALUES (?, ?, ?, ?)');
    const seat = db.prepare('INSERT INTO schedule_seats (schedule_room_id, enrollment_id, seat, ticket_number) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      ids.forEach((id, i) => {
        const enrollment = Number(enroll.run(id, s.planCode, subject, new Date().toISOString()).lastInsertRowid);
        seat.run(i % 2 ? room.scheduleRoomId : second, enrollment, 300 + Math.floor(i / 2), `99${String(i).padStart(18, '0')}`);
      });
    })();
    const seated = db
      .prepare(
        'SELECT count(DISTINCT e.candidate_id) FROM schedule_seats t JOIN schedule_rooms r ON r.id = t.schedule_room_id JOIN enrollments e ON e.id = t.enrollment_id WHERE r.session_id = ?',
      )
      .pluck()
      .get(room.sessionId) as number;
    expect(seated).toBeGreaterThan(1000);

    const refused = await callError(s.app, 'examDocs.render', { planCode: s.planCode, kind: 'tickets', sessionId: room.sessionId }, s.principal);
    expect(refused).toMatchObject({
      code: 'TOO_LARGE',
      message: `所选范围有 ${seated} 位考生，一个 PDF 最多打印 1000 张准考证：请按场次或考场分别打印，或导出准考证 ZIP（每位考生一个 PDF）。`,
    });
    const zip = await call<{ id: string; state: string }>(s.app, 'examDocs.ticketZip', { planCode: s.planCode, sessionId: room.sessionId }, s.principal);
    expect(['queued', 'running']).toContain(zip.state);
    await call(s.app, 'jobs.cancel', { id: zip.id }, s.principal);
    await s.app.jobs.wait(zip.id);
    await s.app.close();
  });
});
