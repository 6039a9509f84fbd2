import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../src-shared/api/packages';
import type { CapacityReport, PlanRooms, RoomCopyReport, RoomPlanRow, RoomRow, SiteDetail } from '../../src-shared/api/sites';
import type { AppCore } from '../../src-main/core/app-core';
import { approveQuota as approve, completeProfile } from '../fixtures/declaration-fixtures';
import { approvedSite, approvedSiteApp, siteInput } from '../fixtures/site-fixtures';
import { readOutbound } from '../tools/platform/answer-package';
import type { Platform } from '../tools/platform/platform';
import { call, callError, callJob, callJobError } from '../helpers/app';

// The default scenario issued on 2026-06-15: 物流管理 第1次 (初级/中级/高级, two exam days) and 第2次 (初级/中级).
const FIRST = 'K202631000002';
const SECOND = 'K202631000004';
const PYTHON = 'K202631000001';

const room = (over: Record<string, unknown> = {}) => ({
  planCode: FIRST,
  name: '13号机房',
  type: '机考',
  seats: 60,
  region: { province: '山东省', city: '烟台市', district: '莱山区' },
  address: '滨海中路2018号实训楼 3 层',
  certificates: [],
  ...over,
});

async function roomsApp() {
  const { app, principal, platform, site } = await approvedSiteApp();
  expect(site.status).toBe('approved');
  return { app, principal, platform, site };
}

/** The year's quota for 物流管理 初级, approved through the real declaration round trip. */
async function approveQuota(app: AppCore, principal: string, platform: Platform, count: number): Promise<void> {
  await completeProfile(app, principal);
  await approve(app, principal, platform, { planCode: 'SB37202601', certificateCode: 'ZS2019003', level: '初级', count }, new Date('2026-06-15T02:00:00Z'));
}

// Each test runs the platform round trip (export, answer, import jobs in worker threads): slow on a loaded 2-core machine.
describe('考场管理', { timeout: 180_000 }, () => {
  it('sets rooms only at the school’s approved sites, with 1–999 seats (the schema and the CHECK), the plan’s certificates and unique names', async () => {
    const { app, principal, site, platform } = await roomsApp();
    const plans = await call<RoomPlanRow[]>(app, 'rooms.plans', {}, principal);
    expect(plans.map((p) => p.code)).toContain(FIRST);

    const list = await call<PlanRooms>(app, 'rooms.list', { planCode: FIRST }, principal);
    // The site pre-fills a room's address; only the plan's certificates it is approved for are offered (not 高级).
    expect(list.sites).toEqual([
      {
        id: site.id,
        name: site.name,
        province: '山东省',
        city: '烟台市',
        district: '莱山区',
        address: '滨海中路2018号实训楼',
        certificates: [
          { certificateCode: 'ZS2019003', certificateName: '物流管理职业技能等级证书', level: '初级' },
          { certificateCode: 'ZS2019003', certificateName: '物流管理职业技能等级证书', level: '中级' },
        ],
      },
    ]);

    expect((await callError(app, 'rooms.create', room({ siteId: site.id, seats: 0 }), principal)).message).toContain('考场座位数至少为 1');
    expect((await callError(app, 'rooms.create', room({ siteId: site.id, seats: 1000 }), principal)).message).toContain('考场座位数不能超过 999');
    expect((await callError(app, 'rooms.create', room({ siteId: site.id, seats: 12.5 }), principal)).message).toContain('考场座位数必须是整数');
    expect((await callError(app, 'rooms.create', room({ siteId: site.id, type: '面试' }), principal)).message).toContain('请选择考场类型');
    expect((await callError(app, 'rooms.create', room({ siteId: site.id, certificates: [{ certificateCode: 'ZS2019003', level: '高级' }] }), principal)).message).toBe(
      '“物流管理职业技能等级证书”高级不是考试计划“物流管理2026年6月第1次考核”中该站点获批的证书。',
    );
    const draft = await call<SiteDetail>(app, 'sites.create', siteInput({ name: '新校区考核站点' }), principal);
    expect((await callError(app, 'rooms.create', room({ siteId: draft.id }), principal)).message).toBe('“新校区考核站点”待提交，审核通过后才能设置考场。');
    expect((await callError(app, 'rooms.create', room({ siteId: site.id, planCode: PYTHON }), principal)).message).toBe(
      `“${site.name}”没有获批考试计划“Python程序开发2026年7月考核”中的任何证书。`,
    );

    const created = await call<RoomRow>(app, 'rooms.create', room({ siteId: site.id }), principal);
    expect(created).toMatchObject({ name: '13号机房', type: '机考', seats: 60, siteName: site.name, certificates: [] });
    expect((await callError(app, 'rooms.create', room({ siteId: site.id, seats: 30 }), principal)).message).toBe(`本考试计划中“${site.name}”已有名为“13号机房”的考场。`);
    const edited = await call<RoomRow>(
      app,
      'rooms.update',
      { id: created.id, ...room({ siteId: site.id, seats: 999, certificates: [{ certificateCode: 'ZS2019003', level: '中级' }] }) },
      principal,
    );
    expect([edited.seats, edited.certificates.map((c) => c.level)]).toEqual([999, ['中级']]);

    // The database's CHECK holds the same range, whatever writes.
    const raw = (seats: number) => () => app.store.db.prepare('UPDATE exam_rooms SET seats = ? WHERE id = ?').run(seats, created.id);
    expect(raw(0)).toThrow(/CHECK constraint failed/);
    expect(raw(1000)).toThrow(/CHECK constraint failed/);
    expect(raw(1)).not.toThrow();

    // A borrowed site cannot have rooms either.
    const car = await approvedSite(app, principal, platform, { name: '汽车站点', orgCode: 'PJ002', certificates: [{ certificateCode: 'ZS2019005', level: '初级' }] });
    expect(car.status).toBe('borrowed');
    expect((await callError(app, 'rooms.create', room({ siteId: car.id, planCode: 'K202631000005' }), principal)).message).toBe(
      '“汽车站点”由培训评价组织安排借考，不能设置本校考场。',
    );
    await call(app, 'rooms.delete', { id: created.id }, principal);
    expect((await call<PlanRooms>(app, 'rooms.list', { planCode: FIRST }, principal)).rooms).toEqual([]);
  });

  it('copies an earlier plan’s rooms in one step, previewing what is added and what is skipped', async () => {
    const { app, principal, site } = await roomsApp();
    await call(app, 'rooms.create', room({ siteId: site.id }), principal);
    await call(app, 'rooms.create', room({ siteId: site.id, name: '107室', type: '笔试', seats: 45 }), principal);
    await call(
      app,
      'rooms.create',
      room({ siteId: site.id, name: '物流实训室', type: '实操', seats: 30, certificates: [{ certificateCode: 'ZS2019003', level: '初级' }] }),
      principal,
    );
    // The next plan already has a 107室.
    await call(app, 'rooms.create', room({ siteId: site.id, planCode: SECOND, name: '107室', type: '笔试', seats: 50 }), principal);

    const preview = await call<RoomCopyReport>(app, 'rooms.copyPreview', { from: FIRST, to: SECOND }, principal);
    expect(preview).toEqual({
      from: FIRST,
      to: SECOND,
      copied: [
        { name: '13号机房', siteName: site.name, type: '机考', seats: 60 },
        { name: '物流实训室', siteName: site.name, type: '实操', seats: 30 },
      ],
      skipped: [{ name: '107室', siteName: site.name, reason: '本计划已有同名考场' }],
    });
    // A preview writes nothing.
    expect((await call<PlanRooms>(app, 'rooms.list', { planCode: SECOND }, principal)).rooms.map((r) => r.name)).toEqual(['107室']);
    expect(await call<RoomCopyReport>(app, 'rooms.copy', { from: FIRST, to: SECOND }, principal)).toEqual(preview);
    const second = await call<PlanRooms>(app, 'rooms.list', { planCode: SECOND }, principal);
    expect(second.rooms.map((r) => [r.name, r.type, r.seats, r.address, r.certificates.map((c) => c.level)])).toEqual([
      ['107室', '笔试', 50, '滨海中路2018号实训楼 3 层', []],
      ['13号机房', '机考', 60, '滨海中路2018号实训楼 3 层', []],
      ['物流实训室', '实操', 30, '滨海中路2018号实训楼 3 层', ['初级']],
    ]);
    // Again: everything is there already.
    const again = await call<RoomCopyReport>(app, 'rooms.copy', { from: FIRST, to: SECOND }, principal);
    expect([again.copied.length, again.skipped.map((s) => s.reason)]).toEqual([0, ['本计划已有同名考场', '本计划已有同名考场', '本计划已有同名考场']]);
    // A plan of certificates the site is not approved for takes none of them.
    const python = await call<RoomCopyReport>(app, 'rooms.copyPreview', { from: FIRST, to: PYTHON }, principal);
    expect([python.copied.length, [...new Set(python.skipped.map((s) => s.reason))]]).toEqual([0, ['站点没有获批本计划的证书']]);
    expect((await callError(app, 'rooms.copy', { from: FIRST, to: FIRST }, principal)).message).toBe('不能把考试计划的考场沿用到它自己，请选择另一个考试计划。');
    expect((await callError(app, 'rooms.copy', { from: PYTHON, to: FIRST }, principal)).message).toBe('考试计划“Python程序开发2026年7月考核”还没有考场，无法沿用。');
  });

  it('checks capacity per subject: expected numbers, else the approved quota, against the matching rooms times the sessions', async () => {
    const { app, principal, platform, site } = await roomsApp();
    const empty = await call<CapacityReport>(app, 'capacity.get', { planCode: FIRST }, principal);
    expect(empty.subjects.map((s) => [s.code, s.method, s.sessions, s.source, s.candidates, s.seats])).toEqual([
      ['098694', '机考', 2, 'none', 0, 0],
      ['794690', '机考', 2, 'none', 0, 0],
      ['609371', '实操', 2, 'none', 0, 0],
      ['043194', '机考', 2, 'none', 0, 0],
      ['338994', '机考', 2, 'none', 0, 0],
      ['577875', '实操', 2, 'none', 0, 0],
      ['780059', '机考', 2, 'none', 0, 0],
      ['697409', '机考', 2, 'none', 0, 0],
      ['462153', '实操', 2, 'none', 0, 0],
    ]);
    expect(empty.warnings).toEqual([]);

    await call(app, 'rooms.create', room({ siteId: site.id }), principal);
    await call(app, 'rooms.create', room({ siteId: site.id, name: '107室', type: '笔试', seats: 45 }), principal);
    await call(
      app,
      'rooms.create',
      room({ siteId: site.id, name: '物流实训室', type: '实操', seats: 20, certificates: [{ certificateCode: 'ZS2019003', level: '中级' }] }),
      principal,
    );

    // The approved quota counts for every subject of 初级 until an expected number is entered.
    await approveQuota(app, principal, platform, 157);
    let report = await call<CapacityReport>(app, 'capacity.get', { planCode: FIRST }, principal);
    const junior = report.subjects.find((s) => s.code === '098694')!;
    expect(junior).toMatchObject({ source: 'quota', sourceLabel: '本年度指标', quota: 157, candidates: 157, seatsPerSession: 60, seats: 120, shortfall: 37 });
    expect(junior.message).toBe('物流管理职业技能等级证书（初级）基础考核（098694）：机考考场还缺 37 个座位（考生 157 人，2 个场次共 120 个座位）');
    // The 实操 room lists 中级 only: 初级's 实操 subject has no seat at all.
    expect(report.subjects.find((s) => s.code === '609371')).toMatchObject({ candidates: 157, seats: 0, shortfall: 157 });
    expect(report.subjects.find((s) => s.code === '577875')).toMatchObject({ source: 'none', seats: 40, shortfall: 0 });
    // 高级 is not approved at the site, so the empty-listed 机房 does not serve it.
    expect(report.subjects.find((s) => s.code === '780059')).toMatchObject({ seats: 0 });
    // No subject of the plan is sat on paper.
    expect(report.flaggedRooms.map((r) => r.message)).toEqual([`考场“107室”（${site.name}）是笔试考场，本计划没有笔试科目`]);
    expect(report.warnings).toHaveLength(4);

    // An expected number wins over the quota; clearing it brings the quota back.
    report = await call<CapacityReport>(app, 'capacity.setExpected', { planCode: FIRST, subjectCode: '098694', expected: 100 }, principal);
    expect(report.subjects.find((s) => s.code === '098694')).toMatchObject({ source: 'expected', expected: 100, candidates: 100, shortfall: 0, message: null });
    report = await call<CapacityReport>(app, 'capacity.setExpected', { planCode: FIRST, subjectCode: '098694', expected: null }, principal);
    expect(report.subjects.find((s) => s.code === '098694')).toMatchObject({ source: 'quota', candidates: 157 });
    expect((await callError(app, 'capacity.setExpected', { planCode: FIRST, subjectCode: '512801', expected: 3 }, principal)).message).toBe(
      `科目 512801 不是考试计划 ${FIRST} 的科目。`,
    );
    expect((await callError(app, 'capacity.setExpected', { planCode: FIRST, subjectCode: '098694', expected: -1 }, principal)).message).toContain('预计人数不能为负数');
  });

  it('sends the rooms of the plans that have rooms', async () => {
    const { app, principal, site } = await roomsApp();
    expect((await callJobError(app, 'packages.export', { kinds: ['rooms'] }, principal)).message).toBe('还没有设置考场：请先在“考场管理”中为考试计划设置考场。');
    await call(app, 'rooms.create', room({ siteId: site.id }), principal);
    await call(app, 'rooms.create', room({ siteId: site.id, planCode: SECOND, name: '107室', type: '笔试', seats: 45 }), principal);
    const exported = await callJob<ExportResult>(app, 'packages.export', { kinds: ['rooms'] }, principal);
    expect(exported.counts).toEqual({ rooms: 2 });
    const incoming = await readOutbound(exported.path, 'out.zip');
    expect((incoming.payloads.rooms as { rooms: { planCode: string; name: string; siteId: number }[] }).rooms.map((r) => [r.planCode, r.name, r.siteId])).toEqual([
      [FIRST, '13号机房', site.id],
      [SECOND, '107室', site.id],
    ]);
  });
});
