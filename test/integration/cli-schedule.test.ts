import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../src-shared/api/packages';
import type { ScheduleSummary } from '../../src-shared/api/schedule';
import { call, callJob } from '../helpers/app';
import { cli, simulator } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { importFile, PLAN, platformEnrollments, scheduleApp } from '../fixtures/schedule-fixtures';

// The site round trip, an export job and four CLI processes: slow on a loaded 2-core machine.
describe('CLI: schedule draft, and the simulator’s schedule command', { timeout: 300_000 }, () => {
  it('drafts in the documented shape, then takes the simulator’s schedule and refuses to draft over it', async () => {
    const data = tempDir();
    const { app, principal, platform } = await scheduleApp({ dataDir: data });

    const draft = cli(['schedule', 'draft', '--plan', PLAN, '--data-dir', data, '--json']);
    expect(draft.code, draft.stderr).toBe(0);
    const report = draft.json<Record<string, unknown>>();
    expect(Object.keys(report)).toEqual(['plan', 'sessions', 'rooms', 'shortfalls']);
    expect(report).toEqual({ plan: PLAN, sessions: 6, rooms: 6, shortfalls: ['实操考核 （2 个场次）：实操考场座位 80，报考 90，缺 10'] });
    expect(draft.stderr).toContain('已生成排考草稿：6 个场次，6 个考场安排，260 个座位。');
    expect(draft.stderr).toContain('注意：实操考核 （2 个场次）：实操考场座位 80，报考 90，缺 10');
    expect(app.store.db.prepare("SELECT actor FROM audit_log WHERE operation = 'schedule.draft'").all()).toEqual([{ actor: 'cli' }]);
    expect(cli(['schedule', 'draft', '--plan', PLAN, '--data-dir', data]).stdout).toContain(`${PLAN}  场次 6  考场安排 6`);

    // The platform's side: the rooms package the institution sent, and its enrollments (the enrollments package of issue 12).
    const rooms = await callJob<ExportResult>(app, 'packages.export', { kinds: ['rooms'] }, principal);
    const enrollments = join(tempDir(), 'enrollments.json');
    writeFileSync(enrollments, JSON.stringify({ enrollments: platformEnrollments(app.store) }));
    const out = join(tempDir(), 'schedule.zip');
    const sim = simulator(['schedule', rooms.path, '--plan', PLAN, '--enrollments', enrollments, '--out', out, '--keys', platform.keys.dir, '--catalog-day', '2026-06-15']);
    expect(sim.code, sim.stderr).toBe(0);
    expect(sim.stdout).toMatch(/^已生成排考数据包 .*数据 schedule/);
    expect(sim.stderr).toContain('注意：实操考核 （2 个场次）：实操考场座位 80，报考 90，缺 10');
    await importFile(app, principal, out);
    expect((await call<ScheduleSummary>(app, 'schedule.summary', { planCode: PLAN }, principal)).source).toBe('platform');

    const refused = cli(['schedule', 'draft', '--plan', PLAN, '--data-dir', data, '--json']);
    expect(refused.code).toBe(1);
    expect(refused.json<{ refused: { code: string; message: string } }>().refused).toMatchObject({
      code: 'STATE',
      message: expect.stringContaining('以平台排考为准，不再生成草稿'),
    });
    const unknown = cli(['schedule', 'draft', '--plan', 'K000', '--data-dir', data, '--json']);
    expect(unknown.json()).toEqual({ refused: { code: 'NOT_FOUND', message: '找不到考试计划 K000。', file: null } });
    expect(cli(['schedule', 'draft', '--data-dir', data]).code).toBe(2);

    const bad = simulator(['schedule', rooms.path, '--plan', PLAN, '--enrollments', rooms.path, '--out', out, '--keys', platform.keys.dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('不是报考记录文件');
  });
});
