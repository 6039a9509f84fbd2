import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { STATS_PLAN_NAME, statsApp } from '../fixtures/stats-fixtures';
import { cli } from '../helpers/cli';
import { pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/temp-dir';

// Four CLI processes, one of them drawing the report's charts: slow on a loaded 2-core machine.
describe('CLI: stats', { timeout: 300_000 }, () => {
  it('writes the statistics as an xlsx or a PDF by the --out name, prints {file, plan, format}, and refuses other names and unknown plans', async () => {
    const data = tempDir();
    const { plan } = await statsApp({ dataDir: data });
    const out = tempDir();

    const xlsx = cli(['stats', '--plan', plan, '--out', join(out, '统计.xlsx'), '--data-dir', data, '--json']);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.json()).toEqual({ file: join(out, '统计.xlsx'), plan, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '统计.xlsx'));
    expect((wb.getWorksheet('按证书等级')!.getRow(2).values as unknown[]).slice(1)).toEqual(['物流管理（初级）', 'ZS2019003', 6, 5, 2, 1, 1, 40]);

    const pdf = cli(['stats', '--plan', plan, '--out', join(out, '统计报告.PDF'), '--data-dir', data, '--json']);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(pdf.json()).toEqual({ file: join(out, '统计报告.PDF'), plan, format: 'pdf' });
    expect(pdf.stderr).toMatch(/已生成 .*统计报告\.PDF（\d+ 页）。/);
    expect(readFileSync(join(out, '统计报告.PDF')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(join(out, '统计报告.PDF')).flat).toContain(`成绩统计报告${STATS_PLAN_NAME}（${plan}）`);

    const csv = cli(['stats', '--plan', plan, '--out', join(out, '统计.csv'), '--data-dir', data]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--out 的文件名应以 .xlsx（统计表）或 .pdf（统计报告）结尾：“统计.csv”两者都不是');
    expect(existsSync(join(out, '统计.csv'))).toBe(false);

    const unknown = cli(['stats', '--plan', 'K-NONE', '--out', join(out, 'x.xlsx'), '--data-dir', data, '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toEqual({ refused: { code: 'NOT_FOUND', message: '找不到考试计划 K-NONE。', file: null } });
    expect(existsSync(join(out, 'x.xlsx'))).toBe(false);
  });
});
