import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { exportsDir } from '../../src-main/core/paths';
import { describe, expect, it } from 'vitest';
import type { Roster } from '../../src-shared/api/attendance';
import type { ExportResult } from '../../src-shared/api/packages';
import type { RoomPlan, SchedulePlans, ScheduleSummary, StaffList } from '../../src-shared/api/schedule';
import type { AttendancePayload } from '../../src-shared/domain/attendance-kinds';
import { DEMO_IRREGULAR_NOTE } from '../../src-main/core/demo/demo-attendance';
import { addDemoSchedule, type IssueSchedule } from '../../src-main/core/demo/demo-schedule';
import { readOutbound } from '../tools/platform/answer-package';
import { issueSchedulePackage } from '../tools/platform/answer-schedule';
import type { Platform } from '../tools/platform/platform';
import { enroll, PLAN, scheduleApp } from '../fixtures/schedule-fixtures';
import { siteApp, TODAY } from '../fixtures/site-fixtures';
import { call, callJob } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';
import type { RoomsPayload } from '../../src-shared/domain/site-kinds';

/** 物流管理 第2次 of the default scenario issued on TODAY: examined on 05-08 and 05-09, its scores being entered. */
const HELD = 'K202631000004';

/** The simulator as the demo's platform, on the tests' day. */
function issuer(platform: Platform): IssueSchedule {
  return async (roomsPackage, planCode, enrollments) => {
    const incoming = await readOutbound(roomsPackage, 'rooms.zip');
    const out = join(tempDir(), 'schedule.zip');
    const rooms = (incoming.payloads.rooms as RoomsPayload).rooms;
    await issueSchedulePackage(platform, { institutionCode: incoming.manifest.institutionCode, planCode, rooms, enrollments, out, now: TODAY });
    return out;
  };
}

// A package export and import (worker threads) and a site round trip on a loaded 2-core machine.
describe('the demo’s schedule step', { timeout: 240_000 }, () => {
  it('imports the platform’s schedule of the enrolled plans, lists the staff with the invigilator accounts linked, staffs every room and site sitting, and checks one room of the examined plan in', async () => {
    const { app, principal, platform } = await scheduleApp({ candidates: 90 });
    // The earlier plan, examined already: the rooms carried over, 40 of the candidates in its two 机考 subjects.
    await call(app, 'rooms.copy', { from: PLAN, to: HELD }, principal);
    const ids = (app.store.db.prepare('SELECT id FROM candidates ORDER BY id LIMIT 40').all() as { id: number }[]).map((r) => r.id);
    enroll(app.store, HELD, ['098694', '794690'], ids, '2026-03-20T02:00:00.000Z');
    await call(app, 'users.create', { username: 'zhangwei', displayName: '张伟', role: 'coordinator', password: 'initial-pass-1' }, principal);
    for (const [username, displayName, phone] of [
      ['wangfang', '王芳', '13705353456'],
      ['liuyang', '刘洋', '13605354567'],
      ['nophone', '无手机', undefined],
    ] as const)
      await call(app, 'users.create', { username, displayName, role: 'invigilator', password: 'initial-pass-1', ...(phone ? { phone } : {}) }, principal);
    const said: string[] = [];
    const report = await addDemoSchedule(app, issuer(platform), (m) => said.push(m));
    const held = (await call<SchedulePlans>(app, 'schedule.plans', {}, principal)).plans.find((p) => p.code === HELD)!;
    const heldPlan = await call<RoomPlan>(app, 'schedule.rooms', { planCode: HELD }, principal);
    const checked = heldPlan.rows[0]!;
    expect(said.slice(0, 3)).toEqual([
      '平台排考（物流管理2026年6月第1次考核），导入排考数据包…',
      `平台排考（${held.name}，考试于 2026-05-08 开始），导入排考数据包…`,
      '登记监考人员，安排监考和巡考…',
    ]);
    const firstDay = (await call<RoomPlan>(app, 'schedule.rooms', { planCode: PLAN }, principal)).rows.map((r) => r.date).sort()[0]!;
    expect(said[3]).toBe(`打印 ${firstDay} 的考场签到表和门贴…`);
    expect(said[4]).toBe(`补录 ${checked.roomName}（2026-05-08 ${checked.start}）的考勤：缺考 1 人，违纪 1 人，其余已到…`);
    const summary = await call<ScheduleSummary>(app, 'schedule.summary', { planCode: PLAN }, principal);
    expect(summary).toMatchObject({ source: 'platform', seated: 260 });
    expect(report).toMatchObject({ plan: PLAN, sessions: 6, rooms: 6, seats: 260, staff: 10, staffedRooms: 6, patrols: 6 });
    // The first exam day's sign-in sheets and door signs, printed into the exports folder.
    expect(report!.printed).toHaveLength(2);
    expect(report!.printed[0]).toMatch(new RegExp(`^考场签到表-${PLAN}-${firstDay}.*\\.pdf$`));
    expect(report!.printed[1]).toMatch(new RegExp(`^考场门贴-${PLAN}-${firstDay}.*\\.pdf$`));
    const exported = readdirSync(exportsDir(app.dataDir));
    for (const name of report!.printed) expect(exported.some((f) => f.endsWith(`-${name}`))).toBe(true);

    const staff = await call<StaffList>(app, 'staff.list', {}, principal);
    expect(
      staff.staff
        .filter((s) => s.account)
        .map((s) => s.account!.username)
        .sort(),
    ).toEqual(['liuyang', 'wangfang']);
    const plan = await call<RoomPlan>(app, 'schedule.rooms', { planCode: PLAN }, principal);
    for (const p of [plan, heldPlan]) {
      expect(p.shortRooms).toBe(0);
      expect(p.rows.every((r) => r.invigilators.length === 2 && r.patrol.length === 1)).toBe(true);
      // Nobody in two places: each sitting's people are all different.
      for (const sitting of new Set(p.rows.map((r) => `${r.date} ${r.start}`))) {
        const here = p.rows.filter((r) => `${r.date} ${r.start}` === sitting);
        const ids = [...here.flatMap((r) => r.invigilators.map((x) => x.staffId)), ...new Set(here.flatMap((r) => r.patrol.map((x) => x.staffId)))];
        expect(new Set(ids).size, sitting).toBe(ids.length);
      }
    }

    // One room sitting of the examined plan checked in by the coordinator after the session: a late edit, audited.
    expect(held.source).toBe('platform');
    const n = checked.expected;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(report!.attendance).toEqual({
      plan: HELD,
      roomName: checked.roomName,
      date: '2026-05-08',
      start: checked.start,
      totals: { expected: n, present: n - 2, absent: 1, irregular: 1, pending: 0 },
      late: true,
      recordedBy: '张伟',
    });
    const roster = await call<Roster>(app, 'attendance.roster', { scheduleRoomId: checked.scheduleRoomId }, principal);
    const withStatus = (status: string) => roster.rows.filter((r) => r.status === status);
    expect(withStatus('present')).toHaveLength(n - 2);
    expect(withStatus('absent')).toHaveLength(1);
    expect(withStatus('irregular')).toEqual([expect.objectContaining({ note: DEMO_IRREGULAR_NOTE, recordedBy: '张伟' })]);
    expect(roster.rows.every((r) => r.recordedBy === '张伟')).toBe(true);
    const audited = app.store.db.prepare("SELECT actor, actor_role, operation, after_json FROM audit_log WHERE entity_type = 'attendance'").all() as {
      actor: string;
      actor_role: string;
      operation: string;
      after_json: string;
    }[];
    expect(audited).toHaveLength(n + 1);
    expect(audited.every((a) => a.actor === 'zhangwei' && a.actor_role === 'coordinator' && (JSON.parse(a.after_json) as { late: boolean }).late)).toBe(true);
    expect(audited.filter((a) => a.operation === 'attendance.confirm')).toHaveLength(n - 1);
    // Every other room sitting is untouched.
    const others = heldPlan.rows.filter((r) => r.scheduleRoomId !== checked.scheduleRoomId);
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect((await call<Roster>(app, 'attendance.roster', { scheduleRoomId: r.scheduleRoomId }, principal)).room.totals.pending).toBe(r.expected);

    // The attendance package can go to the platform.
    const out = await callJob<ExportResult>(app, 'packages.export', { kinds: ['attendance'] }, principal);
    const payload = (await readOutbound(out.path, 'attendance.zip')).payloads.attendance as AttendancePayload;
    const sent = payload.plans.find((p) => p.planCode === HELD)!;
    const room = sent.sessions.find((s) => s.date === checked.date && s.start === checked.start)!.rooms.find((r) => r.roomName === checked.roomName)!;
    expect(room.totals).toEqual({ expected: n, present: n - 2, absent: 1, irregular: 1, pending: 0 });
    expect(room.seats.every((s) => s.late)).toBe(true);
    expect(room.seats.find((s) => s.status === 'irregular')?.note).toBe(DEMO_IRREGULAR_NOTE);
  });

  it('skips cleanly while no plan has enrollments', async () => {
    const { app, principal, platform } = await siteApp();
    const said: string[] = [];
    expect(await addDemoSchedule(app, issuer(platform), (m) => said.push(m))).toBeNull();
    expect(said).toEqual(['还没有报考记录，跳过排考和监考安排。']);
    expect((await call<SchedulePlans>(app, 'schedule.plans', {}, principal)).plans.every((p) => p.source === null)).toBe(true);
    expect((await call<StaffList>(app, 'staff.list', {}, principal)).staff).toEqual([]);
  });
});
