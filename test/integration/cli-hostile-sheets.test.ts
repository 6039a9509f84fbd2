import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCleanSchoolSheet } from '../fixtures/candidate-sheets';
import { writeColumnBomb, writeHugeSharedString } from '../fixtures/hostile-sheets';
import { cli, INIT_ARGS, ROOT } from '../helpers/cli';
import { testBundle } from '../helpers/test-bundle-dir';

/**
 * Spreadsheets of a few kilobytes that cost the reader gigabytes before it kept to Excel's
 * limits (a cell past XFD, a shared string of a million or 200 million characters): through
 * `candidates import --json`, each is refused naming its cell, with a small report, in seconds,
 * and with a peak memory close to that of checking a clean three-row sheet. The bounds are
 * generous so a busy machine does not fail them (the time least of all: at a load of 30 on two
 * cores a run took 28 s); before the fix these runs aborted at 1.8 GB, or grew past 13 GB, or
 * printed 200 MB.
 */
interface Run {
  code: number;
  stdout: string;
  seconds: number;
  maxRss: number;
}

/** The CLI as cli() runs it: the run's bundle (the sources through tsx outside a vitest run). */
const BUNDLE = testBundle('cli.mjs');
const CLI_ENTRY = BUNDLE ? [BUNDLE] : ['--import', 'tsx', join(ROOT, 'src-main/cli.ts')];

function importMeasured(data: string, file: string): Run {
  const rssFile = `${file}.max-rss`;
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/helpers/report-max-rss.mjs'), ...CLI_ENTRY, 'candidates', 'import', file, '--data-dir', data, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, EXAMSITE_LOG: 'warn', MAX_RSS_FILE: rssFile },
    timeout: 120_000,
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = (Date.now() - started) / 1000;
  let maxRss = Infinity;
  try {
    maxRss = Number(readFileSync(rssFile, 'utf8'));
  } catch {
    // The process died before its exit handler: no peak to report, and the code says why.
  }
  return { code: r.status ?? -1, stdout: r.stdout ?? '', seconds, maxRss };
}

const MB = 1024 * 1024;

describe('CLI: hostile spreadsheets are refused cheaply, naming the cell', () => {
  let data: string;
  let dir: string;
  let clean: Run;

  // One data folder for all the cases (tempDir's folders go after each test).
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'examsite-hostile-'));
    data = join(dir, 'data');
    expect(cli(['init', '--data-dir', data, ...INIT_ARGS], { EXAMSITE_PASSWORD: 'cli-pass-123' }).code).toBe(0);
    await writeCleanSchoolSheet(join(dir, 'clean.xlsx'), 3);
    clean = importMeasured(data, join(dir, 'clean.xlsx'));
    expect(clean.code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases: { name: string; file: string; build: (path: string) => Promise<void>; cell: string }[] = [
    {
      name: 'a cell reference past XFD (AAAAAAA2)',
      file: 'column-bomb.xlsx',
      build: (p) => writeColumnBomb(p),
      cell: '单元格 AAAAAAA2 超出 Excel 的范围（最多 XFD 列、1048576 行）',
    },
    {
      name: 'a shared string of 1,000,000 Han characters in 2,000 cells',
      file: 'shared-han.xlsx',
      build: (p) => writeHugeSharedString(p, { chars: 1_000_000, cells: 2000, letter: '张' }),
      cell: '单元格 A2 的内容超过 32,767 个字符',
    },
    {
      name: 'the same in Latin letters',
      file: 'shared-latin.xlsx',
      build: (p) => writeHugeSharedString(p, { chars: 1_000_000, cells: 2000, letter: 'a' }),
      cell: '单元格 A2 的内容超过 32,767 个字符',
    },
    {
      name: 'one cell of 200,000,000 characters',
      file: 'giant-string.xlsx',
      build: (p) => writeHugeSharedString(p, { chars: 200_000_000, cells: 1, letter: 'a' }),
      cell: '单元格 A2 的内容超过 32,767 个字符',
    },
  ];

  for (const c of cases)
    it(c.name, { timeout: 180_000 }, async () => {
      const path = join(dir, c.file);
      await c.build(path);
      expect(statSync(path).size).toBeLessThan(300 * 1024);
      const run = importMeasured(data, path);
      expect(run.code).toBe(1);
      expect(run.stdout.length).toBeLessThan(2000);
      const refused = (JSON.parse(run.stdout) as { refused: { code: string; message: string; file: string } }).refused;
      expect(refused).toMatchObject({ code: 'BAD_FILE', file: `表格“${c.file}”` });
      expect(refused.message).toContain(`表格“${c.file}”中`);
      expect(refused.message).toContain(c.cell);
      // A few seconds here, most of them the command's own start; a minute would be a grind.
      expect(run.seconds).toBeLessThan(60);
      expect(run.maxRss).toBeLessThan(Math.max(300 * MB, clean.maxRss + 100 * MB));
    });
});
