import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { exportsDir } from '../../src-main/core/paths';
import { describe, expect, it } from 'vitest';
import type { RoomPlan, SchedulePlans, ScheduleSummary, StaffList } from '../../src-shared/api/schedule';
import { addDemoSchedule, type IssueSchedule } from '../../src-main/core/demo/demo-schedule';
import { readOutbound } from '../tools/platform/answer-package';
import { issueSchedulePackage } from '../tools/platform/answer-schedule';
import type { Platform } from '../tools/platform/platform';
import { PLAN, scheduleApp } from '../fixtures/schedule-fixtures';
import { siteApp, TODAY } from '../fixtures/site-fixtures';
import { call } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';
import type { RoomsPayload } from '../../src-shared/domain/site-kinds';

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
  it('imports the platform’s schedule of the enrolled plan, lists the staff with the invigilator accounts linked, and staffs every room and site sitting', async () => {
    const { app, principal, platform } = await scheduleApp({ candidates: 90 });
    for (const [username, displayName, phone] of [
      ['wangfang', '王芳', '13705353456'],
      ['liuyang', '刘洋', '13605354567'],
      ['nophone', '无手机', undefined],
    ] as const)
      await call(app, 'users.create', { username, displayName, role: 'invigilator', password: 'initial-pass-1', ...(phone ? { phone } : {}) }, principal);
    const said: string[] = [];
    const report = await addDemoSchedule(app, issuer(platform), (m) => said.push(m));
    expect(said.slice(0, 2)).toEqual(['平台排考（物流管理2026年6月第1次考核），导入排考数据包…', '登记监考人员，安排监考和巡考…']);
    const firstDay = (await call<RoomPlan>(app, 'schedule.rooms', { planCode: PLAN }, principal)).rows.map((r) => r.date).sort()[0]!;
    expect(said[2]).toBe(`打印 ${firstDay} 的考场签到表和门贴…`);
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
    expect(plan.shortRooms).toBe(0);
    expect(plan.rows.every((r) => r.invigilators.length === 2 && r.patrol.length === 1)).toBe(true);
    // Nobody in two places: each sitting's people are all different.
    for (const sitting of new Set(plan.rows.map((r) => `${r.date} ${r.start}`))) {
      const here = plan.rows.filter((r) => `${r.date} ${r.start}` === sitting);
      const ids = [...here.flatMap((r) => r.invigilators.map((p) => p.staffId)), ...new Set(here.flatMap((r) => r.patrol.map((p) => p.staffId)))];
      expect(new Set(ids).size, sitting).toBe(ids.length);
    }
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
