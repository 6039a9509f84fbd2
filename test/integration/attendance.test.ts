import { describe, expect, it } from 'vitest';
import type { AttendanceChange, ExamDay, IdentifyOutcome, Roster } from '../../src-shared/api/attendance';
import type { ExportResult } from '../../src-shared/api/packages';
import type { AttendancePayload } from '../../src-shared/domain/attendance-kinds';
import { formatTicketQr } from '../../src-shared/domain/ticket-qr';
import { readOutbound } from '../tools/platform/answer-package';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { call, callError, callJob, callJobError, LOGIN } from '../helpers/app';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { examDayApp, INVIGILATOR, qrOf, seatsOf } from '../fixtures/attendance-fixtures';
import { scheduleFile } from '../fixtures/exam-day-store';

type Setup = Awaited<ReturnType<typeof examDayApp>>;

/** Moves the app's clock to `HH:MM` Beijing time on the first exam day and logs both accounts in again (a session locks after days idle). */
async function at(s: Setup, hhmm: string, day = s.examDays[0]) {
  s.clock.now = new Date(`${day}T${hhmm}:00+08:00`);
  const coordinator = (await call<{ sessionToken: string }>(s.app, 'auth.login', LOGIN)).sessionToken;
  const invigilator = (await call<{ sessionToken: string }>(s.app, 'auth.login', { username: INVIGILATOR.username, password: INVIGILATOR.password })).sessionToken;
  return { coordinator, invigilator };
}

/** The first exam day's rooms of one sitting, 基础考核 08:30–10:00: 13号机房, and 14号机房 when more than its 60 seats sit then. */
function morning(s: Setup) {
  const rows = s.rooms.filter((r) => r.date === s.examDays[0] && r.start === '08:30');
  return { here: rows.find((r) => r.roomName === '13号机房')!, there: rows.find((r) => r.roomName === '14号机房') };
}

const identify = (s: Setup, session: string, scheduleRoomId: number, text: string) => call<IdentifyOutcome>(s.app, 'attendance.identify', { scheduleRoomId, text }, session);

// The site round trip and the schedule import run jobs in worker threads: slow on a loaded 2-core machine.
describe('考试当天: check-in', { timeout: 240_000 }, () => {
  it('tells every outcome of the check-in field apart, confirms once, and keeps the totals', async () => {
    const s = await examDayApp({ candidates: 130, photos: 130 });
    const { here, there: second14 } = morning(s);
    const there = second14!;
    const { coordinator } = await at(s, '08:05');
    const seats = seatsOf(s.app, here.scheduleRoomId);
    const [first, second, third] = seats as [(typeof seats)[0], (typeof seats)[0], (typeof seats)[0]];

    const found = await identify(s, coordinator, here.scheduleRoomId, qrOf(s.app, first.ticket));
    expect(found).toMatchObject({
      outcome: 'found',
      candidate: { seatId: first.id, seat: first.seat, name: first.name, ticketNumber: first.ticket, status: 'pending', hasPhoto: true },
    });
    expect(found.outcome === 'found' && found.candidate.photo?.dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    expect(found.outcome === 'found' && found.candidate.idNumber).toBe(`${first.idNumber.slice(0, 6)}*****${first.idNumber.slice(-4)}`);
    // A scanner left in full-width mode, or lower case, reads the same.
    const lower = qrOf(s.app, first.ticket).toLowerCase();
    expect((await identify(s, coordinator, here.scheduleRoomId, ` ${lower}\n`)).outcome).toBe('found');

    const confirmed = await call<AttendanceChange>(s.app, 'attendance.confirm', { scheduleRoomId: here.scheduleRoomId, seatId: first.id }, coordinator);
    expect(confirmed.row).toMatchObject({ status: 'present', statusLabel: '已到', checkedInAt: s.clock.now.toISOString(), recordedBy: '赵校长' });
    expect(confirmed.totals).toEqual({ expected: seats.length, present: 1, absent: 0, irregular: 0, pending: seats.length - 1 });

    const again = await identify(s, coordinator, here.scheduleRoomId, qrOf(s.app, first.ticket));
    expect(again.outcome).toBe('already');
    expect(again.message).toBe(`${first.name}（${first.seat} 号座位）已于 08:05 签到（赵校长 确认），不要重复签到。`);
    expect((await callError(s.app, 'attendance.confirm', { scheduleRoomId: here.scheduleRoomId, seatId: first.id }, coordinator)).message).toContain('已经签到，不要重复确认');

    const real = qrOf(s.app, second.ticket);
    const forgedCode = real.endsWith('2222') ? 'ABCDEFGH' : 'ABCD2222';
    const forged = await identify(s, coordinator, here.scheduleRoomId, formatTicketQr(second.ticket, forgedCode));
    expect(forged).toEqual({ outcome: 'forged', message: `准考证 ${second.ticket} 的校验码不符：这张准考证不是本考点打印的，或已被改动。请核对考生身份证件。` });
    expect(await identify(s, coordinator, here.scheduleRoomId, 'https://weixin.qq.com/r/abc')).toMatchObject({
      outcome: 'foreign',
      message: expect.stringContaining('这不是本考点打印的准考证二维码'),
    });
    expect((await identify(s, coordinator, here.scheduleRoomId, real.slice(0, 20))).outcome).toBe('malformed');
    expect((await identify(s, coordinator, here.scheduleRoomId, real.replace(/^1X1/, '1X2'))).outcome).toBe('version');

    const elsewhere = seatsOf(s.app, there.scheduleRoomId)[0]!;
    const otherRoom = await identify(s, coordinator, here.scheduleRoomId, qrOf(s.app, elsewhere.ticket));
    expect(otherRoom).toEqual({ outcome: 'other-room', message: `${elsewhere.name}本场在 14号机房 ${elsewhere.seat} 号座位，不在本考场：请引导考生去 14号机房。` });

    // A candidate whose 基础考核 is on the second day: their ticket is not for this sitting.
    const seatedHereOrThere = new Set([...seats, ...seatsOf(s.app, there.scheduleRoomId)].map((x) => x.idNumber));
    const nextDay = s.rooms.filter((r) => r.date === s.examDays[1] && r.start === '08:30').flatMap((r) => seatsOf(s.app, r.scheduleRoomId));
    const later = nextDay.find((x) => !seatedHereOrThere.has(x.idNumber))!;
    const otherSession = await identify(s, coordinator, here.scheduleRoomId, qrOf(s.app, later.ticket));
    expect(otherSession.outcome).toBe('other-session');
    expect(otherSession.message).toContain(`这张准考证是 ${s.examDays[1]} 08:30–10:00 基础考核`);

    expect(await identify(s, coordinator, here.scheduleRoomId, qrOf(s.app, '2'.repeat(20)))).toEqual({
      outcome: 'not-found',
      message: `准考证 ${'2'.repeat(20)} 不在本考点的排考中：请核对准考证，或手动输入座位号。`,
    });

    // The keyboard: a seat number, the last four of an ID number.
    expect(await identify(s, coordinator, here.scheduleRoomId, String(third.seat))).toMatchObject({ outcome: 'found', candidate: { seatId: third.id } });
    expect(await identify(s, coordinator, here.scheduleRoomId, `00${third.seat}`.slice(-3))).toMatchObject({ outcome: 'found', candidate: { seatId: third.id } });
    expect(await identify(s, coordinator, here.scheduleRoomId, '999')).toEqual({ outcome: 'not-found', message: '本考场没有 999 号座位的考生。' });
    expect(await identify(s, coordinator, here.scheduleRoomId, second.idNumber.slice(-4))).toMatchObject({ outcome: 'found', candidate: { seatId: second.id } });
    // Two candidates of the room with the same last four: both named, the seat number asked for.
    const tail = second.idNumber.slice(-4);
    const twin = third.idNumber.slice(0, 14) + tail;
    s.app.store.db.prepare('UPDATE candidates SET id_number = ? WHERE id_number = ?').run(twin, third.idNumber);
    const ambiguous = await identify(s, coordinator, here.scheduleRoomId, tail);
    expect(ambiguous).toMatchObject({ outcome: 'ambiguous', matches: [{ seatId: second.id }, { seatId: third.id }].sort((a, b) => a.seatId - b.seatId) });
    expect(ambiguous.message).toContain(`${second.seat} 号 ${second.name}、${third.seat} 号 ${third.name}。请输入座位号`);
    expect(await identify(s, coordinator, here.scheduleRoomId, '0000')).toEqual({ outcome: 'not-found', message: '本考场没有身份证号后四位为 0000 的考生。' });

    // 缺考, 违纪 with its note, 人证不符 logged: the totals follow.
    await call(s.app, 'attendance.markAbsent', { scheduleRoomId: here.scheduleRoomId, seatId: second.id }, coordinator);
    const flagged = await call<AttendanceChange>(s.app, 'attendance.flagMismatch', { scheduleRoomId: here.scheduleRoomId, seatId: third.id, note: '照片与本人不像' }, coordinator);
    expect(flagged.row).toMatchObject({ status: 'pending', flags: 1 });
    await call(s.app, 'attendance.confirm', { scheduleRoomId: here.scheduleRoomId, seatId: third.id }, coordinator);
    const irregular = await call<AttendanceChange>(
      s.app,
      'attendance.markIrregular',
      { scheduleRoomId: here.scheduleRoomId, seatId: third.id, note: '携带手机进入考场' },
      coordinator,
    );
    expect(irregular.row).toMatchObject({ status: 'irregular', statusLabel: '违纪', note: '携带手机进入考场' });
    expect(irregular.totals).toEqual({ expected: seats.length, present: 1, absent: 1, irregular: 1, pending: seats.length - 3 });
    expect((await callError(s.app, 'attendance.markIrregular', { scheduleRoomId: here.scheduleRoomId, seatId: third.id, note: '  ' }, coordinator)).message).toContain(
      '请填写违纪说明',
    );
    expect((await callError(s.app, 'attendance.markIrregular', { scheduleRoomId: here.scheduleRoomId, seatId: third.id, note: '违'.repeat(201) }, coordinator)).message).toContain(
      '违纪说明不能超过 200 个字符',
    );
    expect((await callError(s.app, 'attendance.identify', { scheduleRoomId: here.scheduleRoomId, text: '1'.repeat(65) }, coordinator)).message).toContain('输入不能超过 64 个字符');
    expect((await callError(s.app, 'attendance.confirm', { scheduleRoomId: here.scheduleRoomId, seatId: elsewhere.id }, coordinator)).code).toBe('NOT_FOUND');

    const roster = await call<Roster>(s.app, 'attendance.roster', { scheduleRoomId: here.scheduleRoomId }, coordinator);
    expect(roster.room.totals).toEqual(irregular.totals);
    expect(roster.rows.map((r) => r.seat)).toEqual(seats.map((x) => x.seat));
    expect(roster.rows.filter((r) => r.status !== 'pending').map((r) => [r.seat, r.statusLabel])).toEqual(
      [
        [first.seat, '已到'],
        [second.seat, '缺考'],
        [third.seat, '违纪'],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    const day = await call<ExamDay>(s.app, 'attendance.today', {}, coordinator);
    expect(day.date).toBe(s.examDays[0]);
    expect(day.rooms.map((r) => [r.start, r.roomName])).toEqual(s.rooms.filter((r) => r.date === s.examDays[0]).map((r) => [r.start, r.roomName]));
    expect(day.rooms.find((r) => r.scheduleRoomId === here.scheduleRoomId)?.totals).toEqual(irregular.totals);
    const audit = s.app.store.db.prepare("SELECT operation FROM audit_log WHERE entity_type = 'attendance' ORDER BY id").pluck().all();
    expect(audit).toEqual(['attendance.confirm', 'attendance.markAbsent', 'attendance.flagMismatch', 'attendance.confirm', 'attendance.markIrregular']);
  });

  it('lets an invigilator see and record only its own rooms, until its session ends; after that only coordinators correct, audited as late', async () => {
    const s = await examDayApp({ candidates: 130 });
    const { here, there: second14 } = morning(s);
    const there = second14!;
    await call(s.app, 'invigilation.setRoom', { scheduleRoomId: here.scheduleRoomId, staffIds: [s.staff.id] }, s.principal);
    const seat = seatsOf(s.app, here.scheduleRoomId)[0]!;
    const input = { scheduleRoomId: here.scheduleRoomId, seatId: seat.id };

    // Days before: nothing to record yet, and the day's page is empty for the invigilator.
    const early = await at(s, '10:00', '2026-06-16');
    expect((await call<ExamDay>(s.app, 'attendance.today', {}, early.invigilator)).rooms).toEqual([]);
    expect((await callError(s.app, 'attendance.confirm', input, early.coordinator)).message).toBe(`本场考试在 ${s.examDays[0]} 08:30–10:00，考试当天才能签到。`);

    const { coordinator, invigilator } = await at(s, '08:10');
    const mine = await call<ExamDay>(s.app, 'attendance.today', {}, invigilator);
    expect(mine).toMatchObject({ assignedOnly: true, staffName: '王芳' });
    expect(mine.rooms.map((r) => r.scheduleRoomId)).toEqual([here.scheduleRoomId]);
    expect(mine.rooms[0]).toMatchObject({ state: 'open', invigilators: ['王芳'], subjectName: '基础考核' });
    expect((await callError(s.app, 'attendance.today', { date: s.examDays[1] }, invigilator)).message).toBe('监考老师只能查看当天的考场。');
    const refused = await callError(s.app, 'attendance.roster', { scheduleRoomId: there.scheduleRoomId }, invigilator);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: `您没有被安排在 14号机房（${s.examDays[0]} 08:30–10:00）监考，不能查看或记录它的签到。` });
    expect((await callError(s.app, 'attendance.identify', { scheduleRoomId: there.scheduleRoomId, text: '1' }, invigilator)).code).toBe('FORBIDDEN');
    expect((await callError(s.app, 'attendance.photo', { scheduleRoomId: there.scheduleRoomId, seatId: seatsOf(s.app, there.scheduleRoomId)[0]!.id }, invigilator)).code).toBe(
      'FORBIDDEN',
    );
    expect((await callError(s.app, 'attendance.markAbsent', { scheduleRoomId: there.scheduleRoomId, seatId: seatsOf(s.app, there.scheduleRoomId)[0]!.id }, invigilator)).code).toBe(
      'FORBIDDEN',
    );
    const change = await call<AttendanceChange>(s.app, 'attendance.confirm', input, invigilator);
    expect(change.row).toMatchObject({ status: 'present', recordedBy: INVIGILATOR.name });
    expect((await call<ExamDay>(s.app, 'attendance.today', {}, coordinator)).rooms.length).toBeGreaterThan(1);

    // 10:00: the session is over.
    const after = await at(s, '10:00');
    const roster = await call<Roster>(s.app, 'attendance.roster', { scheduleRoomId: here.scheduleRoomId }, after.invigilator);
    expect(roster).toMatchObject({ canEdit: false, editBlocked: `本场考试已于 ${s.examDays[0]} 10:00 结束，签到记录只能由业务管理员修改。`, room: { state: 'ended' } });
    expect(await callError(s.app, 'attendance.markAbsent', input, after.invigilator)).toMatchObject({ code: 'FORBIDDEN', message: roster.editBlocked });
    const late = await call<AttendanceChange>(s.app, 'attendance.markAbsent', input, after.coordinator);
    expect(late.message).toContain('（考后更正，已记入审计日志）');
    expect((await call<Roster>(s.app, 'attendance.roster', { scheduleRoomId: here.scheduleRoomId }, after.coordinator)).canEdit).toBe(true);
    const entry = s.app.store.db.prepare("SELECT actor, before_json, after_json FROM audit_log WHERE operation = 'attendance.markAbsent'").get() as {
      actor: string;
      before_json: string;
      after_json: string;
    };
    expect(entry.actor).toBe('principal');
    expect(JSON.parse(entry.before_json)).toMatchObject({ status: '已到' });
    expect(JSON.parse(entry.after_json)).toMatchObject({ status: '缺考', late: true, place: `13号机房 ${s.examDays[0]} 08:30–10:00 ${seat.seat} 号座位` });
    expect(s.app.store.db.prepare('SELECT late FROM attendance WHERE seat_id = ?').pluck().get(seat.id)).toBe(1);
  });

  it('records nothing on a draft, and keeps recorded attendance from being thrown away by the store', async () => {
    const s = await examDayApp({ candidates: 20 });
    const { here } = morning(s);
    const seat = seatsOf(s.app, here.scheduleRoomId)[0]!;
    const { coordinator } = await at(s, '08:10');
    await call(s.app, 'attendance.confirm', { scheduleRoomId: here.scheduleRoomId, seatId: seat.id }, coordinator);
    expect(() => s.app.store.db.prepare('DELETE FROM schedule_seats WHERE id = ?').run(seat.id)).toThrow('the seat has attendance recorded');
    // The platform's schedule made a draft in the store's eyes: the trigger refuses a record there.
    s.app.store.db.exec("DROP TRIGGER schedule_plans_no_draft_over_platform; UPDATE schedule_plans SET source = 'draft', issued_at = NULL");
    const other = seatsOf(s.app, here.scheduleRoomId)[1]!;
    expect(() =>
      s.app.store.db.prepare("INSERT INTO attendance (seat_id, status, recorded_at, recorded_by_name, checked_in_at) VALUES (?, 'present', 'x', 'x', 'x')").run(other.id),
    ).toThrow('attendance is recorded on the platform schedule only');
    expect(await callError(s.app, 'attendance.roster', { scheduleRoomId: here.scheduleRoomId }, coordinator)).toMatchObject({
      code: 'STATE',
      message: '这个考场的排考还是本考点的草稿：收到平台的排考（有准考证号）后才能签到。',
    });
    expect((await call<ExamDay>(s.app, 'attendance.today', {}, coordinator)).rooms).toEqual([]);
  });
});

describe('考试当天: the schedule stays', { timeout: 240_000 }, () => {
  it('refuses a newer schedule from the platform once a room has recorded attendance, before the first sitting too', async () => {
    const s = await examDayApp({ candidates: 20 });
    const { here } = morning(s);
    const { coordinator } = await at(s, '07:50');
    const newer = await scheduleFile(s.app, coordinator, {
      platform: s.platform,
      planCode: s.planCode,
      issueDay: '2026-06-15',
      workDir: tempDir(),
      issuedAt: s.clock.now,
      seed: 7,
    });
    await call(s.app, 'attendance.confirm', { scheduleRoomId: here.scheduleRoomId, seatId: seatsOf(s.app, here.scheduleRoomId)[0]!.id }, coordinator);
    const fileId = s.app.files.register(newer, 'in.zip', { name: 'principal', id: 1, role: 'principal' }).fileId;
    const refusal = await callJobError(s.app, 'packages.inspect', { fileId }, coordinator);
    expect(refusal.message).toContain(`考试计划 ${s.planCode} 已经开始签到（已有考勤记录），不能再替换排考`);
    expect(s.app.store.db.prepare('SELECT count(*) FROM attendance').pluck().get()).toBe(1);
  });
});

describe('考勤数据包', { timeout: 300_000 }, () => {
  it('carries every seat of the plan with its status, and is refused before anything is recorded', async () => {
    const s = await examDayApp({ candidates: 20 });
    const { here } = morning(s);
    const seats = seatsOf(s.app, here.scheduleRoomId);
    const { coordinator } = await at(s, '08:10');
    expect((await callJobError(s.app, 'packages.export', { kinds: ['attendance'] }, coordinator)).message).toContain('还没有考勤记录');
    await call(s.app, 'attendance.confirm', { scheduleRoomId: here.scheduleRoomId, seatId: seats[0]!.id }, coordinator);
    await call(s.app, 'attendance.markAbsent', { scheduleRoomId: here.scheduleRoomId, seatId: seats[1]!.id }, coordinator);
    await call(s.app, 'attendance.flagMismatch', { scheduleRoomId: here.scheduleRoomId, seatId: seats[2]!.id }, coordinator);
    const exported = await callJob<ExportResult>(s.app, 'packages.export', { kinds: ['attendance'] }, coordinator);
    const payload = (await readOutbound(exported.path, 'attendance.zip')).payloads.attendance as AttendancePayload;
    expect(payload.plans.map((p) => p.planCode)).toEqual([s.planCode]);
    const all = payload.plans[0]!.sessions.flatMap((x) => x.rooms.flatMap((r) => r.seats));
    expect(all).toHaveLength(s.app.store.db.prepare('SELECT count(*) FROM schedule_seats').pluck().get() as number);
    const room = payload.plans[0]!.sessions.find((x) => x.date === s.examDays[0] && x.start === '08:30')!.rooms.find((r) => r.roomName === '13号机房')!;
    expect(room.totals).toEqual({ expected: seats.length, present: 1, absent: 1, irregular: 0, pending: seats.length - 2 });
    expect(room.seats.slice(0, 3).map((x) => [x.seat, x.ticketNumber, x.idNumber, x.status, x.mismatchFlags])).toEqual([
      [seats[0]!.seat, seats[0]!.ticket, seats[0]!.idNumber, 'present', 0],
      [seats[1]!.seat, seats[1]!.ticket, seats[1]!.idNumber, 'absent', 0],
      [seats[2]!.seat, seats[2]!.ticket, seats[2]!.idNumber, 'pending', 1],
    ]);
    expect(room.seats[0]!.checkedInAt).toBe(s.clock.now.toISOString());
  });

  it('is written by the CLI for one plan, with its totals; an unknown plan or a plan without the platform’s schedule is refused', async () => {
    const data = tempDir();
    const s = await examDayApp({ candidates: 20, dataDir: data });
    const { here } = morning(s);
    const seats = seatsOf(s.app, here.scheduleRoomId);
    const { coordinator } = await at(s, '08:10');
    await call(s.app, 'attendance.confirm', { scheduleRoomId: here.scheduleRoomId, seatId: seats[0]!.id }, coordinator);
    await call(s.app, 'attendance.markIrregular', { scheduleRoomId: here.scheduleRoomId, seatId: seats[1]!.id, note: '提前交卷离场后返回' }, coordinator);
    const total = s.app.store.db.prepare('SELECT count(*) FROM schedule_seats').pluck().get() as number;
    const out = join(tempDir(), '考勤.zip');
    const run = cli(['attendance', 'export', '--plan', s.planCode, '--out', out, '--data-dir', data, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ file: out, plan: s.planCode, seats: total, totals: { expected: total, present: 1, absent: 0, irregular: 1, pending: total - 2 } });
    expect(run.stderr).toContain(`${total} 个座位，已到 1，缺考 0，违纪 1，未签到 ${total - 2}`);
    const payload = (await readOutbound(out, 'attendance.zip')).payloads.attendance as AttendancePayload;
    expect(payload.plans[0]!.sessions.flatMap((x) => x.rooms.flatMap((r) => r.seats)).find((x) => x.status === 'irregular')?.note).toBe('提前交卷离场后返回');
    expect(s.app.store.db.prepare("SELECT actor FROM audit_log WHERE operation = 'packages.export' ORDER BY id DESC LIMIT 1").pluck().get()).toBe('cli');

    const unknown = cli(['attendance', 'export', '--plan', 'K000', '--out', join(tempDir(), 'x.zip'), '--data-dir', data, '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toMatchObject({ refused: { message: '找不到考试计划 K000。' } });
    const refusedOut = join(tempDir(), 'y.zip');
    const unscheduled = cli(['attendance', 'export', '--plan', `K${s.examDays[0].slice(0, 4)}31000001`, '--out', refusedOut, '--data-dir', data]);
    expect(unscheduled.code).toBe(1);
    expect(unscheduled.stderr).toContain('还没有平台的排考，没有可报送的考勤');
    expect(existsSync(refusedOut)).toBe(false);
    expect(cli(['attendance', 'export', '--plan', s.planCode, '--data-dir', data]).code).toBe(2);
  });
});
