import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRowsWorkbook } from '../../src-main/pipelines/xlsx/rows-workbook';
import { callError, setUpApp } from '../helpers/app';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

describe('hostile year-end calls', { timeout: 300_000 }, () => {
  it('answers a call with thousands of bad fields with the first 50 issues and their count', async () => {
    const { app, principal } = await setUpApp();
    const e = await callError(
      app,
      'issuance.decide',
      { recordIds: Array.from({ length: 5000 }, (_, i) => `bad id ${i}`), decision: 'confirmed', password: 'x', signaturePng: 'x' },
      principal,
    );
    expect(e.code).toBe('VALIDATION');
    const issues = e.details?.issues as { path: string; message: string }[];
    expect(issues).toHaveLength(50);
    expect(issues[0]).toEqual({ path: 'recordIds.0', message: '发放记录编号不正确' });
    expect(e.details?.issueCount).toBeGreaterThanOrEqual(5000);
    expect(e.message).toMatch(/^输入有误：recordIds\.0：发放记录编号不正确；.*（另有 \d+ 处）$/);
    expect(JSON.stringify(e).length).toBeLessThan(10_000);

    // An unknown field named with a megabyte: the sentence and the details stay short.
    const huge = await callError(app, 'issuance.decide', { ['k'.repeat(1_000_000)]: 1 }, principal);
    expect(huge.code).toBe('VALIDATION');
    expect(JSON.stringify(huge).length).toBeLessThan(10_000);
  });

  it('refuses bad command-line arguments in Chinese: unknown, missing a value, given twice, an --out that is a folder or under a file', () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const run = (...args: string[]) => cli([...args, '--data-dir', data]);
    const cases: [string[], string][] = [
      [['stats', '--plan', 'A', '--out', join(dir, 'a.xlsx'), '--bogus'], '未知的参数 --bogus'],
      [['stats', '--out', join(dir, 'a.xlsx'), '--plan'], '参数 --plan 缺少取值'],
      [['stats', '--plan', 'A', '--out', join(dir, 'a.xlsx'), '--json=yes'], '参数 --json 不带取值'],
      [['stats', '--plan', 'A', '--plan', 'B', '--out', join(dir, 'a.xlsx')], '参数 --plan 给了不止一次：每个参数只能给一次'],
      [['results', 'check', '--plan', 'A', '--plan=B'], '参数 --plan 给了不止一次'],
      [['stats', '--plan', 'A', '--out', join(dir, 'a.xlsx'), '--out', join(dir, 'b.xlsx')], '参数 --out 给了不止一次'],
    ];
    mkdirSync(join(dir, 'folder.xlsx'));
    cases.push([['stats', '--plan', 'A', '--out', join(dir, 'folder.xlsx')], `--out 应为文件名，但 ${join(dir, 'folder.xlsx')} 是一个文件夹`]);
    writeFileSync(join(dir, 'plain'), 'x');
    cases.push([['candidates', 'export', '--out', join(dir, 'plain', 'a.csv')], `--out 的路径 ${join(dir, 'plain')} 中有一段不是文件夹`]);
    for (const [args, message] of cases) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.stderr, args.join(' ')).not.toMatch(/Unknown option|argument missing|does not take/);
    }
    expect(readdirSync(dir).sort()).toEqual(['folder.xlsx', 'plain']);
  });

  it('leaves no workbook, and no .partial, when writing one fails half-way', async () => {
    const dir = tempDir();
    const path = join(dir, '统计.xlsx');
    // The first sheet whole (its bytes already on their way to the file), the second failing.
    function* rows(failAt: number) {
      for (let i = 0; i < 20_000; i++) {
        if (i === failAt) throw new Error('disk full');
        yield [`行 ${i} ${'字'.repeat(40)}`, i];
      }
    }
    const sheet = (name: string, failAt: number) => ({ name, columns: [{ header: 'A' }, { header: 'B' }], rows: rows(failAt) });
    await expect(writeRowsWorkbook(path, [sheet('一', -1), sheet('二', 10_000)])).rejects.toThrow('disk full');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
