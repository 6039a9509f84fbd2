import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CandidateImportPreview } from '../../src-shared/api/candidates';
import type { JobInfo } from '../../src-shared/api/jobs';
import { writeLongNameInEveryRow } from '../fixtures/hostile-sheets';
import { call, setUpApp } from '../helpers/app';
import { ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };
const MB = 1024 * 1024;

describe('refused rows: messages and workbook stay in proportion to the file', () => {
  it('a 32,767-character name in 2,000 rows: short messages, and a refused-rows workbook that stores the name once', { timeout: 180_000 }, async () => {
    const { app, principal } = await setUpApp();
    const path = join(tempDir(), 'long-names.xlsx');
    await writeLongNameInEveryRow(path, { chars: 32_767, cells: 2000 });
    const fileId = app.files.register(path, 'long-names.xlsx', ACTOR).fileId;
    const job = await app.jobs.wait((await call<JobInfo>(app, 'candidates.importPreview', { fileId, kind: 'school', mode: 'create' }, principal)).id);
    const p = job.result as CandidateImportPreview;
    expect(p.counts.refused).toBe(2000);
    const name = p.errors.find((e) => e.row === 2 && e.code === 'NAME_FORMAT')!;
    expect(name.message).toMatch(/^姓名“\p{Script=Han}{20}…”应为 2–30 个汉字/u);
    expect(Math.max(...p.errors.map((e) => e.message.length))).toBeLessThan(100);

    const refused = await call<{ fileId: string }>(app, 'jobs.file', { id: job.id, key: 'refused' }, principal);
    const out = app.files.resolve(refused.fileId, ACTOR).path;
    // Written out in every row, the name would make ~100 MB; stored once, a fraction of one.
    expect(statSync(out).size).toBeLessThan(2 * MB);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('退回的行')!;
    expect(ws.rowCount).toBe(2001);
    expect([ws.getRow(2001).getCell(1).value, String(ws.getRow(2001).getCell(2).value).length]).toEqual([2001, 32_767]);
  });

  // The same few kilobytes of text in every row, so what the process holds is what the writer buffers.
  it('writes rows as the file takes them: 600 MB of sheet XML with a peak memory of a fraction of that', { timeout: 180_000 }, () => {
    const dir = tempDir();
    const script = `
      const { writeRowsWorkbook } = await import(${JSON.stringify(join(ROOT, 'src-main/pipelines/xlsx/rows-workbook.ts'))});
      const cells = Array.from({ length: 10 }, () => '张'.repeat(1000));
      const rows = Array.from({ length: 20000 }, () => cells);
      await writeRowsWorkbook(process.argv[1], [{ name: '行', columns: Array.from({ length: 10 }, (_, c) => ({ header: 'h' + c })), rows }]);`;
    const file = join(dir, 'rows.xlsx');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', join(ROOT, 'test/helpers/report-max-rss.mjs'), '--input-type=module', '-e', script, file], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, MAX_RSS_FILE: join(dir, 'rss') },
      timeout: 170_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(1024 * 1024);
    expect(Number(readFileSync(join(dir, 'rss'), 'utf8'))).toBeLessThan(300 * MB);
  });
});
