import { LATEST_SCHEMA_VERSION } from '../../src-main/store/migrations';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { personRow, SCHOOL_HEADERS, writeXlsx } from '../fixtures/candidate-sheets';
import { photo, zipWithGbkNames } from '../fixtures/photo-fixtures';
import { cli, INIT_ARGS, ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

describe('CLI: serve', () => {
  it('refuses to serve pages that were never built, naming the command that builds them', () => {
    const unbuilt = tempDir();
    const dataDir = join(tempDir(), 'data');
    const r = cli(['serve', '--data-dir', dataDir, '--port', '0'], { EXAMSITE_RENDERER_DIR: unbuilt });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('http://');
    expect(r.stderr).toContain('界面尚未构建，请先运行 npm run build（或用 npm start -- --browser，它会自动构建）');
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('CLI: a private data folder', () => {
  it('keeps every folder and file it writes to its owner (700 / 600), whatever the umask lets through', { timeout: 240_000, skip: process.platform === 'win32' }, async () => {
    const umask = process.umask(0o022);
    try {
      const data = join(tempDir(), 'data');
      const dir = tempDir();
      expect(cli(['init', '--data-dir', data, ...INIT_ARGS], { EXAMSITE_PASSWORD: 'cli-pass-123' }).code).toBe(0);
      expect(cli(['backup', '--data-dir', data]).code).toBe(0);
      // A sheet with a refused row: the check writes the refused rows to exports/.
      const people = fakePeople(3, 41);
      const sheet = join(dir, '考生.xlsx');
      await writeXlsx(sheet, [SCHOOL_HEADERS, ...people.map(personRow), ['王五', '', '370681200403156811', '13805351234', '物流管理', '高职专科', 2025]]);
      expect(cli(['candidates', 'import', sheet, '--commit', '--data-dir', data]).code).toBe(1);
      // A photo check stages what it accepted in staging/.
      const zip = join(dir, '照片.zip');
      await zipWithGbkNames(zip, [{ name: `${people[0]!.idNumber}.jpg`, data: await photo(people[0]!.idNumber) }]);
      expect(cli(['photos', 'import', zip, '--data-dir', data]).code).toBe(0);
      // A package lands in outbox/, built in tmp/.
      expect(cli(['package', 'export', '--kinds', 'institution,candidates', '--include-incomplete', '--out', join(dir, 'out.zip'), '--data-dir', data]).code).toBe(0);

      const entries = readdirSync(data, { recursive: true, withFileTypes: true }).map((e) => join(e.parentPath, e.name));
      const names = entries.map((p) => relative(data, p));
      expect(names).toEqual(expect.arrayContaining(['examsite.db', 'backups', 'exports', 'staging', 'outbox', 'tmp']));
      expect(names.some((n) => n.startsWith('exports/') && n.endsWith('.xlsx'))).toBe(true);
      expect(names.some((n) => n.startsWith('outbox/') && n.endsWith('.zip'))).toBe(true);
      const open = [data, ...entries].map((p) => `${relative(data, p) || '.'} ${(statSync(p).mode & 0o777).toString(8)}`).filter((line) => !/ [67]00$/.test(line));
      expect(open).toEqual([]);
    } finally {
      process.umask(umask);
    }
  });
});

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
    const demo = cli(['demo', '--data-dir', dir, '--json'], {}, { sources: true, timeoutMs: 280_000 });
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
    expect(cli(['demo', '--data-dir', dir], {}, { sources: true }).code).toBe(1);
    // 报考 in two plans, then their payment: one order confirmed by the organisation, one pending.
    const { enrollments, payments } = report as unknown as { enrollments: { plans: { candidates: number }[] }; payments: { confirmed: number; pending: number } };
    expect(enrollments.plans).toHaveLength(2);
    expect(enrollments.plans.every((p) => p.candidates > 0)).toBe(true);
    expect(payments).toEqual({ confirmed: 1, pending: 1 });
    // One plan scheduled by the simulated platform, every room sitting with its invigilators.
    const { schedule } = report as unknown as { schedule: { seats: number; rooms: number; staffedRooms: number; patrols: number } | null };
    expect(schedule).not.toBeNull();
    expect(schedule!.seats).toBeGreaterThan(0);
    expect(schedule!.staffedRooms).toBe(schedule!.rooms);
    expect(schedule!.patrols).toBeGreaterThan(0);
    // The examined plan's year to its end: scores (one disputed and corrected), results, the certificates signed and issued.
    const { yearEnd } = report as unknown as {
      yearEnd: {
        scores: number;
        dispute: { before: number; after: number } | null;
        passed: number;
        confirmed: number;
        certificates: number;
        lookup: { number: string; idNumber: string } | null;
      };
    };
    expect(yearEnd.scores).toBeGreaterThan(0);
    expect(yearEnd.dispute!.after).not.toBe(yearEnd.dispute!.before);
    expect(yearEnd.passed).toBeGreaterThan(0);
    expect(yearEnd.confirmed).toBeGreaterThan(0);
    expect(yearEnd.certificates).toBe(yearEnd.confirmed);
    const found = cli(['certificates', 'lookup', '--number', yearEnd.lookup!.number, '--id', yearEnd.lookup!.idNumber, '--data-dir', dir, '--json']).json<{
      number: string;
      level: string;
    }>();
    expect(found).toMatchObject({ number: yearEnd.lookup!.number, level: '初级' });
    // The year's declarations: one approved by the simulated province, one rejected, one draft.
    expect(report).toMatchObject({ declarations: { approved: 1, rejected: 1, drafts: 1 } });
    const declarations = cli(['declarations', 'list', '--data-dir', dir, '--json']).json<{
      declarations: { certificateCode: string; status: string; approved: number | null }[];
    }>();
    expect(declarations.declarations.map((d) => [d.certificateCode, d.status, d.approved]).sort()).toEqual([
      ['ZS2019003', '审核通过', 200],
      ['ZS2019005', '待提交', null],
      ['ZS2020062', '审核不通过', null],
    ]);
    const quota = cli(['quota', '--data-dir', dir, '--json']).json<{
      year: number;
      pilot: boolean;
      quota: { certificateCode: string; level: string; approved: number; used: number; left: number }[];
    }>();
    // Enrolled in the year's two 物流管理 plans whose registration is over: 150 by certificate, 40 by subject.
    expect(quota).toMatchObject({ pilot: true, quota: [{ certificateCode: 'ZS2019003', level: '初级', approved: 200, used: 190, left: 10 }] });
    const enrolled = (report as unknown as { enrollments: { plans: { code: string; candidates: number; subjects: number }[] } }).enrollments.plans;
    expect(enrolled.map((p) => [p.candidates, p.subjects])).toEqual([
      [40, 120],
      [150, 450],
    ]);
    const listed = cli(['enroll', 'list', '--plan', enrolled[1]!.code, '--data-dir', dir, '--json']).json<{ enrollments: { mode: string; sent: boolean }[] }>();
    expect(listed.enrollments).toHaveLength(450);
    expect(listed.enrollments.every((e) => e.mode === 'certificate' && e.sent)).toBe(true);
    expect(cli(['quota', '--year', 'soon', '--data-dir', dir]).code).toBe(2);

    // Through npm itself, as the README's `npm run -s cli -- … --json | jq .` does.
    const r = spawnSync('npm', ['run', '-s', 'cli', '--', 'backup', '--data-dir', dir, '--json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, EXAMSITE_LOG: 'info' } });
    expect(r.status).toBe(0);
    const backup = JSON.parse(r.stdout) as { name: string; reason: string; size: number };
    expect(backup.reason).toBe('命令行');
    expect(readdirSync(join(dir, 'backups'))).toContain(backup.name);
  });
});
