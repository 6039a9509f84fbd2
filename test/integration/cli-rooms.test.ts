import { describe, expect, it } from 'vitest';
import type { PlanRooms } from '../../src-shared/api/sites';
import { approvedSiteApp } from '../fixtures/site-fixtures';
import { call } from '../helpers/app';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

const FIRST = 'K202631000002';
const SECOND = 'K202631000004';

// The platform round trip (export, answer, import jobs in worker threads) and six CLI processes: slow on a loaded 2-core machine.
describe('CLI: rooms copy and capacity', { timeout: 300_000 }, () => {
  it('copies rooms (dry run first), reports capacity in the documented shape, and refuses an unknown plan', async () => {
    const data = tempDir();
    const { app, principal, site } = await approvedSiteApp({ dataDir: data });
    const room = { planCode: FIRST, siteId: site.id, region: { province: '山东省', city: '烟台市', district: '莱山区' }, address: '实训楼', certificates: [] };
    await call(app, 'rooms.create', { ...room, name: '13号机房', type: '机考', seats: 60 }, principal);
    await call(app, 'rooms.create', { ...room, name: '物流实训室', type: '实操', seats: 30 }, principal);
    await call(app, 'rooms.create', { ...room, planCode: SECOND, name: '物流实训室', type: '实操', seats: 25 }, principal);
    await call(app, 'capacity.setExpected', { planCode: FIRST, subjectCode: '098694', expected: 157 }, principal);

    const dry = cli(['rooms', 'copy', '--from', FIRST, '--to', SECOND, '--dry-run', '--data-dir', data, '--json']);
    expect(dry.code).toBe(0);
    const expected = {
      plan: SECOND,
      copied: [{ name: '13号机房', site: site.name, type: '机考', seats: 60 }],
      skipped: [{ name: '物流实训室', site: site.name, reason: '本计划已有同名考场' }],
    };
    expect(dry.json()).toEqual(expected);
    expect(dry.stderr).toContain('试运行（未写入）：将沿用 1 个考场，跳过 1 个。');
    expect((await call<PlanRooms>(app, 'rooms.list', { planCode: SECOND }, principal)).rooms).toHaveLength(1);

    const real = cli(['rooms', 'copy', '--from', FIRST, '--to', SECOND, '--data-dir', data, '--json']);
    expect(real.json()).toEqual(expected);
    expect((await call<PlanRooms>(app, 'rooms.list', { planCode: SECOND }, principal)).rooms.map((r) => r.name)).toEqual(['13号机房', '物流实训室']);
    const audit = app.store.db.prepare("SELECT actor FROM audit_log WHERE operation = 'rooms.copy'").all();
    expect(audit).toEqual([{ actor: 'cli' }]);

    const capacity = cli(['capacity', '--plan', FIRST, '--data-dir', data, '--json']);
    expect(capacity.code).toBe(0);
    const report = capacity.json<{ plan: string; subjects: Record<string, unknown>[] }>();
    expect(Object.keys(report)).toEqual(['plan', 'subjects']);
    expect(report.plan).toBe(FIRST);
    expect(report.subjects.map((s) => Object.keys(s))).toEqual(report.subjects.map(() => ['code', 'method', 'candidates', 'seats', 'shortfall']));
    expect(report.subjects.slice(0, 3)).toEqual([
      { code: '098694', method: '机考', candidates: 157, seats: 120, shortfall: 37 },
      { code: '794690', method: '机考', candidates: 0, seats: 120, shortfall: 0 },
      { code: '609371', method: '实操', candidates: 0, seats: 60, shortfall: 0 },
    ]);
    expect(capacity.stderr).toContain('注意：物流管理职业技能等级证书（初级）基础考核（098694）：机考考场还缺 37 个座位');
    expect(cli(['capacity', '--plan', FIRST, '--data-dir', data]).stdout).toContain('098694  机考  考生 157  座位 120  缺 37');

    const unknown = cli(['capacity', '--plan', 'K000', '--data-dir', data, '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toEqual({ refused: { code: 'NOT_FOUND', message: '找不到考试计划 K000。', file: null } });
    expect(cli(['rooms', 'copy', '--from', FIRST, '--data-dir', data]).code).toBe(2);
  });
});
