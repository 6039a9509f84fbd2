import { describe, expect, it } from 'vitest';
import type { Page } from '../../src-shared/api/contract';
import type { ExportResult } from '../../src-shared/api/packages';
import type { DutyPerson, OverviewDate, RoomPlan, RoomSessionRow, SchedulePlans, ScheduleSummary, SeatRow, StaffList, StaffRow } from '../../src-shared/api/schedule';
import type { InvigilatorsPayload } from '../../src-shared/domain/schedule-kinds';
import { readOutbound } from '../tools/platform/answer-package';
import { addUser, call, callError, callJob } from '../helpers/app';
import { PLAN, scheduledApp } from '../fixtures/schedule-fixtures';

async function scheduled() {
  const ctx = await scheduledApp(150);
  const rows = (await call<RoomPlan>(ctx.app, 'schedule.rooms', { planCode: PLAN }, ctx.principal)).rows;
  return { ...ctx, rows };
}

const staff = (over: Record<string, unknown> = {}) => ({ name: '王芳', phone: '13705353456', department: '物流系', ...over });

// The site round trip and a platform schedule per test: slow on a loaded 2-core machine.
describe('监考安排', { timeout: 240_000 }, () => {
  it('keeps a staff list: a phone once, a linked account only an invigilator’s and only one person’s; a person with duties is not removed', async () => {
    const { app, principal, rows } = await scheduled();
    await addUser(app, principal, 'wangfang', 'invigilator');
    await addUser(app, principal, 'zhangwei', 'coordinator');
    const users = app.store.db.prepare('SELECT id, username FROM users').all() as { id: number; username: string }[];
    const id = (name: string) => users.find((u) => u.username === name)!.id;

    const created = await call<StaffRow>(app, 'staff.create', staff({ phone: '137 0535 3456', userId: id('wangfang') }), principal);
    expect(created).toMatchObject({ name: '王芳', phone: '13705353456', department: '物流系', account: { username: 'wangfang', displayName: 'wangfang' }, duties: 0 });
    expect((await callError(app, 'staff.create', staff({ name: '王芳2' }), principal)).message).toBe('手机号 13705353456 已登记为监考人员“王芳”。');
    expect((await callError(app, 'staff.create', staff({ phone: '13605354567', userId: id('zhangwei') }), principal)).message).toBe(
      '账号 zhangwei 不是监考/巡考账号，不能关联为监考人员。',
    );
    expect((await callError(app, 'staff.create', staff({ name: '刘洋', phone: '13605354567', userId: id('wangfang') }), principal)).message).toBe(
      '账号 wangfang 已关联监考人员“王芳”。',
    );
    expect((await callError(app, 'staff.create', staff({ phone: '0535-6927000' }), principal)).message).toContain('手机号“0535-6927000”不是 11 位中国大陆手机号');
    // The database refuses a coordinator's account as a staff member's too, whatever code path tries.
    expect(() => app.store.db.prepare("INSERT INTO staff (name, phone, user_id, created_at, updated_at) VALUES ('x', '13900000000', ?, 'now', 'now')").run(id('zhangwei'))).toThrow(
      /only an invigilator account/,
    );

    const list = await call<StaffList>(app, 'staff.list', {}, principal);
    expect(list.accounts.map((a) => [a.username, a.staffId])).toEqual([['wangfang', created.id]]);
    const edited = await call<StaffRow>(app, 'staff.update', { id: created.id, ...staff({ department: '信息工程系', userId: null }) }, principal);
    expect(edited).toMatchObject({ department: '信息工程系', account: null });

    await call(app, 'invigilation.setRoom', { scheduleRoomId: rows[0]!.scheduleRoomId, staffIds: [created.id] }, principal);
    expect((await callError(app, 'staff.delete', { id: created.id }, principal)).message).toBe('“王芳”还有 1 项监考或巡考安排，请先在考场编排中取消这些安排后再删除。');
    await call(app, 'invigilation.setRoom', { scheduleRoomId: rows[0]!.scheduleRoomId, staffIds: [] }, principal);
    expect(await call(app, 'staff.delete', { id: created.id }, principal)).toEqual({ ok: true });
  });

  it('assigns invigilators per room and session and patrol per site, shows rooms short of the minimum, and refuses one person in two places naming both', async () => {
    const { app, principal, rows, site } = await scheduled();
    const [a, b, c] = [
      await call<StaffRow>(app, 'staff.create', staff(), principal),
      await call<StaffRow>(app, 'staff.create', staff({ name: '刘洋', phone: '13605354567' }), principal),
      await call<StaffRow>(app, 'staff.create', staff({ name: '陈静', phone: '13505355678' }), principal),
    ];
    // Two rooms in the same sitting (75 for 基础考核 on 06-19: 60 in a room at most).
    const sitting = rows.filter((r) => r.subjectCode === '098694' && r.date === '2026-06-19');
    expect(sitting.map((r) => r.roomName).sort()).toEqual(['13号机房', '14号机房']);
    const [first, second] = sitting as [RoomSessionRow, RoomSessionRow];

    const assigned = await call<RoomSessionRow>(app, 'invigilation.setRoom', { scheduleRoomId: first.scheduleRoomId, staffIds: [a.id] }, principal);
    expect(assigned.invigilators.map((p) => p.name)).toEqual(['王芳']);
    expect(assigned.missing).toBe(1);
    const conflict = await callError(app, 'invigilation.setRoom', { scheduleRoomId: second.scheduleRoomId, staffIds: [b.id, a.id] }, principal);
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toBe(
      `王芳 在 2026-06-19 08:30–10:00 已安排在 ${first.roomName}（基础考核）监考，不能同时在 ${second.roomName}（基础考核）监考（2026-06-19 08:30–10:00）。`,
    );
    // Nothing of the refused call landed: 刘洋 was not put in alone.
    expect((await call<RoomPlan>(app, 'schedule.rooms', { planCode: PLAN }, principal)).rows.find((r) => r.scheduleRoomId === second.scheduleRoomId)!.invigilators).toEqual([]);

    await call(app, 'invigilation.setRoom', { scheduleRoomId: second.scheduleRoomId, staffIds: [b.id, c.id] }, principal);
    const patrolRefused = await callError(app, 'invigilation.setPatrol', { sessionId: first.sessionId, siteId: site.id, staffIds: [a.id] }, principal);
    expect(patrolRefused.message).toBe(
      `王芳 在 2026-06-19 08:30–10:00 已安排在 ${first.roomName}（基础考核）监考，不能同时在 ${site.name}（基础考核）巡考（2026-06-19 08:30–10:00）。`,
    );
    // Once 王芳 has left the room, she may patrol the site; the same person patrolling the site in a sitting of another subject at that time is one place.
    await call(app, 'invigilation.setRoom', { scheduleRoomId: first.scheduleRoomId, staffIds: [] }, principal);
    const patrol = await call<DutyPerson[]>(app, 'invigilation.setPatrol', { sessionId: first.sessionId, siteId: site.id, staffIds: [a.id] }, principal);
    expect(patrol.map((p) => p.name)).toEqual(['王芳']);
    // The next sitting (10:30) does not overlap: she may invigilate it.
    const later = rows.find((r) => r.subjectCode === '794690' && r.date === '2026-06-19')!;
    await call(app, 'invigilation.setRoom', { scheduleRoomId: later.scheduleRoomId, staffIds: [a.id, b.id] }, principal);

    const plan = await call<RoomPlan>(app, 'schedule.rooms', { planCode: PLAN, date: '2026-06-19' }, principal);
    const row = (id: number) => plan.rows.find((r) => r.scheduleRoomId === id)!;
    expect(row(first.scheduleRoomId)).toMatchObject({ invigilators: [], patrol: [{ name: '王芳' }], missing: 2 });
    expect(row(second.scheduleRoomId)).toMatchObject({ patrol: [{ name: '王芳' }], missing: 0 });
    expect(
      row(second.scheduleRoomId)
        .invigilators.map((p) => p.name)
        .sort(),
    ).toEqual(['刘洋', '陈静']);
    expect(plan.shortRooms).toBe(plan.rows.filter((r) => r.invigilators.length < 2).length);
    const three = await call<ScheduleSummary>(app, 'invigilation.setMinimum', { planCode: PLAN, minimum: 3 }, principal);
    expect(three.minInvigilators).toBe(3);
    expect(
      (await call<RoomPlan>(app, 'schedule.rooms', { planCode: PLAN, date: '2026-06-19' }, principal)).rows.find((r) => r.scheduleRoomId === second.scheduleRoomId)!.missing,
    ).toBe(1);
    expect((await callError(app, 'invigilation.setMinimum', { planCode: PLAN, minimum: 0 }, principal)).message).toContain('每个考场至少 1 名监考');

    // The database holds the rule too: a direct insert of 刘洋 into the first room at that time is refused.
    expect(() => app.store.db.prepare('INSERT INTO invigilator_assignments (schedule_room_id, staff_id) VALUES (?, ?)').run(first.scheduleRoomId, b.id)).toThrow(
      /on duty elsewhere/,
    );

    // 监考安排 for the platform: the rooms with invigilators, the site's patrol.
    const exported = await callJob<ExportResult>(app, 'packages.export', { kinds: ['invigilators'] }, principal);
    const sent = (await readOutbound(exported.path, 'out.zip')).payloads.invigilators as InvigilatorsPayload;
    expect(sent.plans.map((p) => p.planCode)).toEqual([PLAN]);
    expect(sent.plans[0]!.rooms.map((r) => [r.roomName, r.start, r.invigilators.map((p) => p.name).sort()])).toEqual([
      [second.roomName, '08:30', ['刘洋', '陈静']],
      [later.roomName, '10:30', ['刘洋', '王芳']],
    ]);
    expect(sent.plans[0]!.patrols).toEqual([
      {
        date: '2026-06-19',
        start: '08:30',
        end: '10:00',
        subjectCode: '098694',
        subjectName: '基础考核',
        siteId: site.id,
        siteName: site.name,
        staff: [{ name: '王芳', phone: '13705353456' }],
      },
    ]);
  });

  it('shows an invigilator account only the rooms and sittings it is assigned to, in the core', async () => {
    const { app, principal, rows, site } = await scheduled();
    const token = await addUser(app, principal, 'wangfang', 'invigilator');
    const userId = (app.store.db.prepare("SELECT id FROM users WHERE username = 'wangfang'").get() as { id: number }).id;

    // Not on the staff list: nothing to see.
    expect(await call<SchedulePlans>(app, 'schedule.plans', {}, token)).toEqual({ plans: [], assignedOnly: true, staffName: null });
    expect((await callError(app, 'schedule.rooms', { planCode: PLAN }, token)).message).toBe('您的账号还没有关联到监考人员名单，请联系业务管理员。');

    const me = await call<StaffRow>(app, 'staff.create', staff({ userId }), principal);
    const other = await call<StaffRow>(app, 'staff.create', staff({ name: '刘洋', phone: '13605354567' }), principal);
    const mine = rows.find((r) => r.subjectCode === '098694' && r.date === '2026-06-19')!;
    const notMine = rows.find((r) => r.scheduleRoomId !== mine.scheduleRoomId && r.sessionId !== mine.sessionId)!;
    await call(app, 'invigilation.setRoom', { scheduleRoomId: mine.scheduleRoomId, staffIds: [me.id, other.id] }, principal);
    await call(app, 'invigilation.setRoom', { scheduleRoomId: notMine.scheduleRoomId, staffIds: [other.id] }, principal);

    const plans = await call<SchedulePlans>(app, 'schedule.plans', {}, token);
    expect(plans).toMatchObject({ assignedOnly: true, staffName: '王芳' });
    expect(plans.plans.map((p) => [p.code, p.sessions, p.seats])).toEqual([[PLAN, 1, mine.expected]]);
    expect((await call<RoomPlan>(app, 'schedule.rooms', { planCode: PLAN }, token)).rows.map((r) => r.scheduleRoomId)).toEqual([mine.scheduleRoomId]);
    const seats = await call<Page<SeatRow>>(app, 'schedule.seats', { planCode: PLAN, pageSize: 500 }, token);
    expect(seats.total).toBe(mine.expected);
    expect(new Set(seats.items.map((s) => s.roomName))).toEqual(new Set([mine.roomName]));
    const overview = await call<OverviewDate[]>(app, 'schedule.overview', { planCode: PLAN }, token);
    expect(overview.flatMap((d) => d.sessions.map((s) => s.sessionId))).toEqual([mine.sessionId]);
    expect((await call<ScheduleSummary>(app, 'schedule.summary', { planCode: PLAN }, token)).enrolled).toBe(mine.expected);

    // Asking for another room's candidates, another sitting, or anything of the staff's is refused.
    expect((await callError(app, 'schedule.seats', { planCode: PLAN, scheduleRoomId: notMine.scheduleRoomId }, token)).message).toBe(
      '您没有被安排在这个考场监考或巡考，不能查看它的考生。',
    );
    expect((await callError(app, 'schedule.seats', { planCode: PLAN, sessionId: notMine.sessionId }, token)).code).toBe('FORBIDDEN');
    for (const [op, input] of [
      ['staff.list', {}],
      ['schedule.draft', { planCode: PLAN }],
      ['invigilation.setRoom', { scheduleRoomId: mine.scheduleRoomId, staffIds: [] }],
      ['invigilation.setPatrol', { sessionId: mine.sessionId, siteId: site.id, staffIds: [me.id] }],
    ] as const)
      expect((await callError(app, op, input, token)).code, op).toBe('FORBIDDEN');

    // Patrolling a site in a sitting shows that site's rooms of the sitting.
    const patrolled = rows.find((r) => r.subjectCode === '794690' && r.date === '2026-06-20')!;
    await call(app, 'invigilation.setPatrol', { sessionId: patrolled.sessionId, siteId: site.id, staffIds: [me.id] }, principal);
    const visible = (await call<RoomPlan>(app, 'schedule.rooms', { planCode: PLAN }, token)).rows.map((r) => r.scheduleRoomId).sort();
    expect(visible).toEqual([mine.scheduleRoomId, ...rows.filter((r) => r.sessionId === patrolled.sessionId).map((r) => r.scheduleRoomId)].sort());
  });
});
