import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult, PackagePreview } from '../../src-shared/api/packages';
import type { DraftResult, OverviewDate, RoomPlan, ScheduleSummary, SeatRow } from '../../src-shared/api/schedule';
import type { Page } from '../../src-shared/api/contract';
import type { SchedulePayload } from '../../src-shared/domain/schedule-kinds';
import { issuePackage } from '../tools/platform/issue-package';
import { readPackage } from '../../src-main/pipelines/packages/read-package';
import type { Platform } from '../tools/platform/platform';
import { call, callError, callJob, callJobError, LOGIN } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';
import { INSTITUTION_CODE, TODAY } from '../fixtures/site-fixtures';
import { importFile, PLAN, platformSchedule, scheduleApp } from '../fixtures/schedule-fixtures';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };

async function payloadOf(path: string, platform: Platform): Promise<SchedulePayload> {
  const pkg = await readPackage(path, 'schedule.zip', { institutionCode: INSTITUTION_CODE, trustedKeys: [platform.keys.publicPem], allowUnsigned: false, direction: 'in' });
  return pkg.payloads.schedule as SchedulePayload;
}

const seatsOf = (p: SchedulePayload) => p.schedules[0]!.sessions.reduce((n, s) => n + s.rooms.reduce((m, r) => m + r.seats.length, 0), 0);

function tables(app: { store: { db: { prepare(sql: string): { get(): unknown } } } }) {
  return app.store.db
    .prepare(
      `SELECT (SELECT count(*) FROM schedule_plans) AS plans, (SELECT count(*) FROM schedule_sessions) AS sessions, (SELECT count(*) FROM schedule_rooms) AS rooms,
              (SELECT count(*) FROM schedule_seats) AS seats, (SELECT group_concat(source) FROM schedule_plans) AS source`,
    )
    .get() as { plans: number; sessions: number; rooms: number; seats: number; source: string | null };
}

// Each test runs the site round trip (export, answer, import jobs in worker threads): slow on a loaded 2-core machine.
describe('排考: draft, platform schedule, replacement', { timeout: 240_000 }, () => {
  it('drafts from the site’s rooms and enrollments (草稿, no ticket numbers, the engine’s shortfalls), then the platform’s schedule replaces it', async () => {
    const { app, principal, platform } = await scheduleApp();
    const before = await call<ScheduleSummary>(app, 'schedule.summary', { planCode: PLAN }, principal);
    expect(before).toMatchObject({ source: null, sourceLabel: '未排考', enrolled: 270, seated: 0, canDraft: true });

    const draft = await call<DraftResult>(app, 'schedule.draft', { planCode: PLAN }, principal);
    // 90 per subject over two exam days; the practice room holds 40 a sitting: 80 of 90.
    expect(draft).toEqual({ plan: PLAN, sessions: 6, rooms: 6, seats: 260, shortfalls: ['实操考核 （2 个场次）：实操考场座位 80，报考 90，缺 10'] });
    const summary = await call<ScheduleSummary>(app, 'schedule.summary', { planCode: PLAN }, principal);
    expect(summary).toMatchObject({ source: 'draft', sourceLabel: '草稿', seated: 260, stale: false, shortfalls: draft.shortfalls, minInvigilators: 2 });
    const seats = await call<Page<SeatRow>>(app, 'schedule.seats', { planCode: PLAN, pageSize: 500 }, principal);
    expect(seats.total).toBe(260);
    expect(seats.items.every((s) => s.ticketNumber === null && /^\d{6}\*{5}\d{3}[\dX]$/.test(s.idNumber) && s.institution === '烟台职业学院')).toBe(true);
    // Drafting again from the same inputs changes nothing; a new enrollment makes the draft stale.
    expect(await call<DraftResult>(app, 'schedule.draft', { planCode: PLAN }, principal)).toEqual(draft);

    const overview = await call<OverviewDate[]>(app, 'schedule.overview', { planCode: PLAN }, principal);
    expect(overview.map((d) => d.date)).toEqual(['2026-06-19', '2026-06-20']);
    expect(overview[0]!.sessions.filter((s) => s.enrolled > 0).map((s) => [s.subjectName, s.start, s.seated, s.status])).toEqual([
      ['基础考核', '08:30', 45, '草稿'],
      ['综合应用考核', '10:30', 45, '草稿'],
      ['实操考核', '14:00', 40, '草稿'],
    ]);
    expect(overview[0]!.status).toBe('草稿');

    const reply = await platformSchedule(app, principal, platform);
    const preview = await callJob<PackagePreview>(app, 'packages.inspect', { fileId: app.files.register(reply, 'in.zip', ACTOR).fileId }, principal);
    expect(preview.counts).toEqual({ schedule: { new: 0, changed: 1, unchanged: 0 } });
    expect(preview.changes[0]!.changes.find((c) => c.field === '来源')).toEqual({ field: '来源', old: '草稿', new: '平台排考' });
    await importFile(app, principal, reply);
    const platformSummary = await call<ScheduleSummary>(app, 'schedule.summary', { planCode: PLAN }, principal);
    expect(platformSummary).toMatchObject({ source: 'platform', sourceLabel: '平台排考', issuedAt: TODAY.toISOString(), shortfalls: [], canDraft: false });
    expect(platformSummary.draftBlocked).toContain('以平台排考为准，不再生成草稿');
    const tickets = await call<Page<SeatRow>>(app, 'schedule.seats', { planCode: PLAN, pageSize: 500 }, principal);
    expect(tickets.total).toBe(seatsOf(await payloadOf(reply, platform)));
    expect(tickets.items.every((s) => /^\d{20}$/.test(s.ticketNumber ?? '') && s.ticketNumber!.endsWith(String(s.seat).padStart(3, '0')))).toBe(true);
    expect(tickets.items.map((s) => s.index)).toEqual(tickets.items.map((_, i) => i + 1));

    expect((await callError(app, 'schedule.draft', { planCode: PLAN }, principal)).message).toContain('已收到平台的排考');
    const rooms = await call<RoomPlan>(app, 'schedule.rooms', { planCode: PLAN, date: '2026-06-19' }, principal);
    expect(rooms.rows[0]).toMatchObject({ subjectName: '基础考核', certificateName: '物流管理职业技能等级证书', level: '初级', date: '2026-06-19', start: '08:30', end: '10:00' });
    expect(rooms.shortRooms).toBe(rooms.rows.length);
    expect(rooms.rows.reduce((n, r) => n + r.expected, 0)).toBe((await call<Page<SeatRow>>(app, 'schedule.seats', { planCode: PLAN, pageSize: 1 }, principal)).total / 2);
  });

  it('takes the same schedule again as unchanged, a newer one in place of the older until the exam starts, and refuses an older one', async () => {
    const { app, principal, platform } = await scheduleApp({ candidates: 40 });
    const first = await platformSchedule(app, principal, platform);
    await importFile(app, principal, first);
    const staff = await call<{ id: number }>(app, 'staff.create', { name: '王芳', phone: '13705353456' }, principal);
    const row = (await call<RoomPlan>(app, 'schedule.rooms', { planCode: PLAN }, principal)).rows[0]!;
    await call(app, 'invigilation.setRoom', { scheduleRoomId: row.scheduleRoomId, staffIds: [staff.id] }, principal);

    // The same schedule in a new package: nothing to change.
    const again = await platformSchedule(app, principal, platform);
    const same = await importFile(app, principal, again);
    expect(same.counts).toEqual({ schedule: { new: 0, changed: 0, unchanged: 1 } });

    // A newer one with another arrangement replaces it; the duty stays where its room and sitting still are.
    const newer = await platformSchedule(app, principal, platform, { issuedAt: new Date(TODAY.getTime() + 3_600_000), seed: 99 });
    const replaced: ImportResult = await importFile(app, principal, newer);
    expect(replaced.counts).toEqual({ schedule: { new: 0, changed: 1, unchanged: 0 } });
    expect((await call<ScheduleSummary>(app, 'schedule.summary', { planCode: PLAN }, principal)).issuedAt).toBe(new Date(TODAY.getTime() + 3_600_000).toISOString());
    const kept = (await call<RoomPlan>(app, 'schedule.rooms', { planCode: PLAN }, principal)).rows.find(
      (r) => r.roomId === row.roomId && r.sessionId !== undefined && r.date === row.date && r.start === row.start,
    );
    expect(kept?.invigilators.map((p) => p.name)).toEqual(['王芳']);

    // An older one is refused, naming what is there.
    const older = await platformSchedule(app, principal, platform, { issuedAt: new Date(TODAY.getTime() - 3_600_000), seed: 7 });
    const refusal = await importError(app, principal, older);
    expect(refusal.message).toMatch(/^payload\/schedule\.json 的内容不符合格式：schedules\[0\]\.issuedAt：已导入考试计划 K202631000002 在 2026-06-15 11:00:00 发布的排考/);
  });

  it('refuses a new schedule once the plan’s first sitting has begun', async () => {
    let now = TODAY;
    const { app, principal, platform } = await scheduleApp({ candidates: 30, clock: () => now });
    await importFile(app, principal, await platformSchedule(app, principal, platform));
    const later = await platformSchedule(app, principal, platform, { issuedAt: new Date('2026-06-19T01:00:00Z'), seed: 5 });
    now = new Date('2026-06-19T00:30:00Z'); // 08:30 in Beijing: the exam begins.
    // Four days on, the old session has locked itself: log in again.
    const today = (await call<{ sessionToken: string }>(app, 'auth.login', LOGIN)).sessionToken;
    const refusal = await importError(app, today, later);
    expect(refusal.message).toContain('schedules[0]：考试计划 K202631000002 的考试已于 2026-06-19 08:30 开始，不能再替换排考');
    now = new Date('2026-06-19T00:29:00Z');
    expect((await importFile(app, today, later)).counts).toEqual({ schedule: { new: 0, changed: 1, unchanged: 0 } });
    expect(tables(app).source).toBe('platform');
  });
});

async function importError(app: Awaited<ReturnType<typeof scheduleApp>>['app'], principal: string, path: string) {
  const fileId = app.files.register(path, 'in.zip', ACTOR).fileId;
  return callJobError(app, 'packages.inspect', { fileId }, principal);
}

describe('排考: what crosses in is checked', { timeout: 240_000 }, () => {
  it('refuses a schedule naming the row, for each way it can be wrong, and leaves the store as it was', async () => {
    const { app, principal, platform, site } = await scheduleApp({ candidates: 20 });
    const good = await payloadOf(await platformSchedule(app, principal, platform), platform);
    const draft = await call<DraftResult>(app, 'schedule.draft', { planCode: PLAN }, principal);
    const stored = tables(app);
    expect(stored).toMatchObject({ source: 'draft', seats: draft.seats });
    const s0 = 'schedules[0].sessions[0]';
    const cases: [string, (p: SchedulePayload) => void, string][] = [
      ['an unknown plan', (p) => (p.schedules[0]!.planCode = 'K000'), 'schedules[0].planCode：考试计划 K000 不存在'],
      ['a subject the plan lacks', (p) => (p.schedules[0]!.sessions[0]!.subjectCode = '512801'), `${s0}.subjectCode：科目 512801 不是考试计划“物流管理2026年6月第1次考核”的科目`],
      [
        'a sitting the plan lacks',
        (p) => (p.schedules[0]!.sessions[0]!.start = '07:30'),
        `${s0}：考试计划“物流管理2026年6月第1次考核”中科目 基础考核（098694）没有 2026-06-19 07:30–10:00 的场次`,
      ],
      [
        'a room the site does not have',
        (p) => (p.schedules[0]!.sessions[0]!.rooms[0]!.roomName = '99号机房'),
        `${s0}.rooms[0].roomName：本院校在站点 ${site.id} 没有为考试计划“物流管理2026年6月第1次考核”设置名为“99号机房”的考场`,
      ],
      [
        'a 机考 subject in the practice room',
        (p) => (p.schedules[0]!.sessions[0]!.rooms[0]!.roomName = '物流实训室'),
        `${s0}.rooms[0].roomName：科目 基础考核 为机考，考场“物流实训室”是实操考场`,
      ],
      [
        'a seat past the room’s seats',
        (p) => (p.schedules[0]!.sessions[0]!.rooms[0]!.seats[0]!.seat = 61),
        `${s0}.rooms[0].seats[0].seat：座位号 61 超出考场“13号机房”的 60 个座位`,
      ],
      [
        'someone not enrolled',
        (p) => (p.schedules[0]!.sessions[0]!.rooms[0]!.seats[0]!.idNumber = '37028520060101123X'),
        `${s0}.rooms[0].seats[0].idNumber：身份证号 370285*****123X 的考生没有报考`,
      ],
      [
        'a seat number twice',
        (p) => (p.schedules[0]!.sessions[0]!.rooms[0]!.seats[1]!.seat = p.schedules[0]!.sessions[0]!.rooms[0]!.seats[0]!.seat),
        `${s0}.rooms[0].seats[1].seat：座位号 1 在考场“13号机房”中出现了两次`,
      ],
      ['a ticket number twice', (p) => (p.schedules[0]!.sessions[0]!.rooms[0]!.seats[1]!.ticketNumber = p.schedules[0]!.sessions[0]!.rooms[0]!.seats[0]!.ticketNumber), '准考证号'],
      [
        'a ticket number of 19 digits',
        (p) => (p.schedules[0]!.sessions[0]!.rooms[0]!.seats[0]!.ticketNumber = '1234567890123456789'),
        `${s0}.rooms[0].seats[0].ticketNumber：准考证号应为 20 位数字`,
      ],
      ['a room in two sittings at once', (p) => p.schedules[0]!.sessions.push({ ...structuredClone(p.schedules[0]!.sessions[0]!), subjectCode: '043194' }), '同时安排了两个场次'],
      [
        'a candidate seated twice in a subject',
        (p) => p.schedules[0]!.sessions[1]!.rooms[0]!.seats.push({ ...p.schedules[0]!.sessions[0]!.rooms[0]!.seats[0]!, seat: 59, ticketNumber: '9'.repeat(20) }),
        '安排了两次',
      ],
      ['an end before the start', (p) => (p.schedules[0]!.sessions[0]!.end = '08:00'), `${s0}.end：考试结束时间应晚于开始时间`],
      ['a name of 41 characters', (p) => (p.schedules[0]!.sessions[0]!.rooms[0]!.roomName = '机'.repeat(41)), `${s0}.rooms[0].roomName：`],
      ['a field nobody asked for', (p) => Object.assign(p.schedules[0]!, { note: 'x' }), 'schedules[0]：'],
    ];
    for (const [what, change, message] of cases) {
      const payload = structuredClone(good);
      change(payload);
      const out = join(tempDir(), 'bad.zip');
      await issuePackage(platform, { schedule: payload }, { institutionCode: INSTITUTION_CODE, out, now: TODAY });
      const refusal = await importError(app, principal, out);
      expect(refusal.message, what).toContain(message);
      expect(refusal.message, what).toMatch(/^payload\/schedule\.json 的内容不符合(格式|规则)：/);
    }
    expect(tables(app)).toEqual(stored);
  });
});
