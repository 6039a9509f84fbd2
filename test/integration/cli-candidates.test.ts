import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { personRow, SCHOOL_HEADERS, writeXlsx } from '../fixtures/candidate-sheets';
import { cli, INIT_ARGS } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

describe('CLI: candidates import and export', () => {
  it('checks by default, commits with --commit (exit 1 when rows were refused), and exports', { timeout: 240_000 }, async () => {
    const data = tempDir();
    const dir = tempDir();
    expect(cli(['init', '--data-dir', data, ...INIT_ARGS], { EXAMSITE_PASSWORD: 'cli-pass-123' }).code).toBe(0);
    const people = fakePeople(3, 41);
    const path = join(dir, '考生.xlsx');
    await writeXlsx(path, [SCHOOL_HEADERS, ...people.map(personRow), ['王五', '', '370681200403156811', '13805351234', '物流管理', '高职专科', 2025]]);

    const dry = cli(['candidates', 'import', path, '--data-dir', data, '--json']);
    expect(dry.code).toBe(0);
    expect(dry.json()).toEqual({
      counts: { new: 3, updated: 0, unchanged: 0, refused: 1 },
      errors: [{ row: 5, column: '身份证号', code: 'ID_CHECK_DIGIT', message: '身份证号校验位不正确（最后一位应为 0），请核对是否有数字输错' }],
      warnings: [],
    });

    const commit = cli(['candidates', 'import', path, '--commit', '--data-dir', data, '--json']);
    expect(commit.code).toBe(1);
    expect(commit.json<{ counts: { new: number; refused: number } }>().counts).toMatchObject({ new: 3, refused: 1 });
    expect(commit.stderr).toContain('第 5 行【身份证号】');

    const again = cli(['candidates', 'import', path, '--kind', 'school', '--data-dir', data, '--json']);
    expect(again.json<{ counts: object }>().counts).toEqual({ new: 0, updated: 0, unchanged: 3, refused: 1 });

    const out = join(dir, 'export.xlsx');
    const exported = cli(['candidates', 'export', '--out', out, '--data-dir', data, '--json']);
    expect(exported.json()).toEqual({ file: out, count: 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ids = [2, 3, 4].map((r) => wb.worksheets[0]!.getRow(r).getCell(3).value);
    expect(ids.sort()).toEqual(people.map((p) => p.idNumber).sort());

    // A .csv name gets real CSV (UTF-8 with a BOM), which our import reads back as unchanged.
    const csv = join(dir, 'export.csv');
    expect(cli(['candidates', 'export', '--out', csv, '--data-dir', data, '--json']).json()).toEqual({ file: csv, count: 3 });
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('姓名,姓名拼音,身份证号,手机号,就读专业,专业层次,入学年份,照片,实名认证,尚缺');
    expect(
      lines
        .slice(1, 4)
        .map((l) => l.split(',')[2])
        .sort(),
    ).toEqual(people.map((p) => `\t${p.idNumber}`).sort());
    const back = cli(['candidates', 'import', csv, '--update', '--data-dir', data, '--json']);
    expect(back.code).toBe(0);
    expect(back.json<{ counts: object }>().counts).toEqual({ new: 0, updated: 0, unchanged: 3, refused: 0 });
    const xls = cli(['candidates', 'export', '--out', join(dir, 'export.xls'), '--data-dir', data]);
    expect(xls.code).toBe(2);
    expect(xls.stderr).toContain('--out 的文件名应以 .xlsx（Excel 表格）或 .csv（UTF-8 文本）结尾：“export.xls”两者都不是');

    expect(cli(['candidates', 'import', path, '--kind', 'teachers', '--data-dir', data]).code).toBe(2);
    expect(cli(['candidates', 'export', '--data-dir', data]).code).toBe(2);
  });
});
