import { LATEST_SCHEMA_VERSION } from '../../src-main/store/migrations';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, INIT_ARGS, ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

describe('CLI: init, demo, backup', () => {
  it('init creates the institution with the principal password from the environment', () => {
    const dir = tempDir();
    const r = cli(['init', '--data-dir', dir, ...INIT_ARGS, '--json'], { EXAMSITE_PASSWORD: 'cli-pass-123' });
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ institution: { code: '4137014320', name: '烟台职业学院' }, principal: 'admin', schemaVersion: LATEST_SCHEMA_VERSION });

    const again = cli(['init', '--data-dir', dir, ...INIT_ARGS, '--json'], { EXAMSITE_PASSWORD: 'cli-pass-123' });
    expect(again.code).toBe(1);
    expect(again.json()).toEqual({ refused: { code: 'STATE', message: '首次设置已经完成：院校和负责人账号只能创建一次。', file: null } });
    expect(again.stderr).toContain('首次设置已经完成');
  });

  it('init refuses bad input with exit 1 and usage errors with exit 2', () => {
    const dir = tempDir();
    const noPassword = cli(['init', '--data-dir', dir, ...INIT_ARGS], { EXAMSITE_PASSWORD: '' });
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain('EXAMSITE_PASSWORD');
    const badRegion = cli(['init', '--data-dir', dir, ...INIT_ARGS.slice(0, 8), '--district', '海淀区'], { EXAMSITE_PASSWORD: 'cli-pass-123' });
    expect(badRegion.code).toBe(1);
    expect(badRegion.stderr).toContain('没有名为“海淀区”的区县');
    expect(cli(['init', '--data-dir', dir, '--code', '4137014320']).code).toBe(2);
    expect(cli(['init', '--data-dir', dir, ...INIT_ARGS, '--bogus']).code).toBe(2);
    expect(cli(['no-such-command']).code).toBe(2);
    expect(cli([]).code).toBe(2);
  });

  it('demo builds a workspace; backup reports one JSON object; stdout holds only JSON', { timeout: 300_000 }, () => {
    const dir = tempDir();
    const demo = cli(['demo', '--data-dir', dir, '--json']);
    expect(demo.code).toBe(0);
    const report = demo.json<{ accounts: { role: string }[]; institution: { name: string } }>();
    expect(report.institution.name).toBe('烟台职业学院');
    // The demo imports the simulated platform's catalog and plans.
    expect(report).toMatchObject({ catalog: { plans: expect.any(Number) } });
    expect((report as unknown as { catalog: { plans: number } }).catalog.plans).toBeGreaterThanOrEqual(5);
    const plans = cli(['plans', 'list', '--data-dir', dir, '--json']).json<{ plans: { code: string; phase: string }[] }>().plans;
    expect(plans.find((p) => p.code === 'K202005229994')?.phase).toBe('已结束');
    expect(plans.map((p) => p.phase)).toEqual(expect.arrayContaining(['报名中', '考试中']));
    // 2,000 candidates, nearly all with photos, some failing the real-name check.
    const candidates = (report as unknown as { candidates: { school: number; social: number; photos: number; realnameFailed: number } }).candidates;
    expect(candidates.school + candidates.social).toBe(2000);
    expect(candidates.photos).toBeGreaterThan(1800);
    expect(candidates.realnameFailed).toBeGreaterThan(0);
    // One exam site for each of the simulated organisations' answers, and rooms carried over to the next plan.
    expect((report as unknown as { sites: unknown }).sites).toEqual({ approved: 1, rejected: 1, borrowed: 1, rooms: 4 });
    expect(report.accounts.map((a) => a.role).sort()).toEqual(['coordinator', 'coordinator', 'invigilator', 'invigilator', 'invigilator', 'principal']);
    expect(cli(['demo', '--data-dir', dir]).code).toBe(1);

    // Through npm itself, as the README's `npm run -s cli -- … --json | jq .` does.
    const r = spawnSync('npm', ['run', '-s', 'cli', '--', 'backup', '--data-dir', dir, '--json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, EXAMSITE_LOG: 'info' } });
    expect(r.status).toBe(0);
    const backup = JSON.parse(r.stdout) as { name: string; reason: string; size: number };
    expect(backup.reason).toBe('命令行');
    expect(readdirSync(join(dir, 'backups'))).toContain(backup.name);
  });
});
