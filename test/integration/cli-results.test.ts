import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_FILE, type Manifest } from '../../src-shared/domain/package';
import { cli, simulator } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { rezip } from '../fixtures/package-fixtures';
import { importFile } from '../fixtures/site-fixtures';
import { INSTITUTION_CODE, LOGISTICS, scoredResultsApp, scoresPayloadOf } from '../fixtures/results-fixtures';
import { issuePackage } from '../tools/platform/issue-package';
import type { Platform } from '../tools/platform/platform';

/**
 * A `scores` package (unsigned: the simulator reads those too), built from a package of a registered kind with its
 * payload swapped: the scores kind is registered by the scores workflow, not on this branch.
 */
async function scoresPackage(platform: Platform, dir: string, payload: unknown): Promise<string> {
  const carrier = join(dir, 'carrier.zip');
  await issuePackage(
    platform,
    { results: { results: [{ planCode: 'X', issuedAt: '2026-06-10T10:00:00+08:00', entries: [] }] } },
    { institutionCode: INSTITUTION_CODE, out: carrier },
  );
  const out = join(dir, 'scores.zip');
  const data = Buffer.from(JSON.stringify(payload));
  await rezip(carrier, out, (entries) =>
    entries
      .filter((e) => e.name !== SIGNATURE_FILE)
      .map((e) => {
        if (e.name === 'payload/results.json') return { name: 'payload/scores.json', data };
        if (e.name !== 'manifest.json') return e;
        const m = JSON.parse(e.data.toString('utf8')) as Manifest;
        m.kinds = ['scores'];
        m.files = [{ path: 'payload/scores.json', sha256: createHash('sha256').update(data).digest('hex'), size: data.length }];
        return { name: e.name, data: Buffer.from(JSON.stringify(m)) };
      }),
  );
  return out;
}

// Several CLI processes and an import job: slow on a loaded 2-core machine.
describe('CLI: results check, and the simulator’s results command', { timeout: 300_000 }, () => {
  it('issues the platform’s results from scores, then lists each disagreement in the documented shape and exits 3', async () => {
    const data = tempDir();
    const { app, principal, platform, plans, a, c, d } = await scoredResultsApp({ dataDir: data });
    const work = tempDir();

    // Nothing from the platform yet: nothing to compare, exit 0.
    const before = cli(['results', 'check', '--plan', plans.logistics, '--data-dir', data, '--json']);
    expect(before.code, before.stderr).toBe(0);
    expect(before.json()).toEqual({ plan: plans.logistics, computed: 5, platform: 0, agree: 0, disagreements: [] });
    expect(before.stderr).toContain('注意：平台还没有发来这个考试计划的考证结果，暂无可核对的内容。');

    // The simulator from the scores as JSON (with the institution named) and from its own scores package.
    const scoresJson = join(work, 'scores.json');
    writeFileSync(scoresJson, JSON.stringify(scoresPayloadOf(app.store, plans.logistics)));
    expect(simulator(['results', scoresJson, '--out', join(work, 'x.zip'), '--keys', platform.keys.dir]).stderr).toContain('请用 --institution 指明院校代码');
    const fromJson = simulator(['results', scoresJson, '--institution', INSTITUTION_CODE, '--out', join(work, 'from-json.zip'), '--keys', platform.keys.dir]);
    expect(fromJson.code, fromJson.stderr).toBe(0);
    const out = join(work, 'results.zip');
    const sim = simulator(['results', await scoresPackage(platform, work, scoresPayloadOf(app.store, plans.logistics)), '--out', out, '--keys', platform.keys.dir]);
    expect(sim.code, sim.stderr).toBe(0);
    expect(sim.stdout).toMatch(/^已生成考证结果数据包 .*数据 results/);
    expect(sim.stderr).toContain(`考试计划 ${plans.logistics}：4 项考证结果，通过 3 项。`);
    expect(sim.stderr).toContain('注意：平台将综合成绩截断到一位小数（不四舍五入）');
    await importFile(app, principal, out);

    const check = cli(['results', 'check', '--plan', plans.logistics, '--data-dir', data, '--json']);
    expect(check.code, check.stderr).toBe(3);
    const report = check.json<{ disagreements: Record<string, unknown>[] }>();
    expect(Object.keys(report)).toEqual(['plan', 'computed', 'platform', 'agree', 'disagreements']);
    expect(report).toMatchObject({ plan: plans.logistics, computed: 5, platform: 4, agree: 2 });
    expect(report.disagreements.map((x) => Object.keys(x))).toEqual(Array(3).fill(['candidate', 'certificate', 'level', 'local', 'platform', 'inputs']));
    expect(report.disagreements[0]).toEqual({
      candidate: { idNumber: a.idNumber, name: a.name },
      certificate: LOGISTICS,
      level: '初级',
      local: { composite: 60, passed: true },
      platform: { composite: 59.9, passed: false },
      inputs: {
        rule: { compositePassScore: 60, allSubjectsPass: false, rounding: '综合成绩保留一位小数，四舍五入' },
        subjects: [
          { subject: '098694', name: '基础考核', score: 59.9, absent: false, weight: 40, passScore: 60 },
          { subject: '794690', name: '综合应用考核', score: 60, absent: false, weight: 30, passScore: 60 },
          { subject: '609371', name: '实操考核', score: 60, absent: false, weight: 30, passScore: 60 },
        ],
      },
    });
    expect(report.disagreements.map((x) => (x.candidate as { name: string }).name)).toEqual([a.name, c.name, d.name]);
    expect(check.stderr).toContain(`考试计划 ${plans.logistics}：本院校计算 5 项，平台考证结果 4 项，一致 2 项，不一致 3 项。`);

    const text = cli(['results', 'check', '--plan', plans.logistics, '--data-dir', data]);
    expect(text.code).toBe(3);
    expect(text.stdout.split('\n')[0]).toBe(
      `${a.idNumber}  ${a.name}  ${LOGISTICS} 初级  本院校 60.0 通过  平台 59.9 未通过  基础考核 59.9×40%（合格 60），综合应用考核 60.0×30%（合格 60），实操考核 60.0×30%（合格 60）`,
    );
    expect(text.stdout).toContain(
      `${d.name}  ${LOGISTICS} 中级  本院校 — 成绩未齐  平台 无结果  基础考核 75.0×40%（合格 60），综合应用考核 缺考×30%（合格 60），实操考核 无成绩×30%（合格 60）`,
    );

    const unknown = cli(['results', 'check', '--plan', 'K-NONE', '--data-dir', data, '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toEqual({ refused: { code: 'NOT_FOUND', message: '考试计划 K-NONE 不存在，请先导入平台的考试计划', file: null } });
    expect(cli(['results', 'check', '--data-dir', data]).code).toBe(2);
  });
});
