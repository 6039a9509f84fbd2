import type ExcelJS from 'exceljs';
import { loadExcelJS } from './load-exceljs';
import { CANDIDATE_KIND_LABELS, EDUCATION_LEVELS, type CandidateKind } from '../../../src-shared/domain/candidate';
import { MAJOR_LEVELS } from '../../../src-shared/domain/catalog';
import { CANDIDATE_COLUMNS } from '../../../src-shared/domain/candidate-columns';
import { addRulesSheet } from './rules-sheet';

const DATA_ROWS = 5000;

/**
 * The import template (批量导入考生信息): the platform's columns, ID and phone columns formatted
 * as text so Excel cannot turn them into numbers, drop-down lists for majors and levels (the
 * lists live on a hidden sheet: Excel caps an inline list at 255 characters), and a sheet of
 * filling rules.
 */
export async function candidateTemplate(kind: CandidateKind, majors: string[]): Promise<Buffer> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  wb.creator = '考点助手';
  const columns = CANDIDATE_COLUMNS[kind];
  const ws = wb.addWorksheet(`${CANDIDATE_KIND_LABELS[kind]}信息`, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.required ? `*${c.header}` : c.header, key: c.field, width: c.text ? 22 : 16, style: c.text ? { numFmt: '@' } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, i) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: columns[i - 1]!.required ? 'FFFFE7BA' : 'FFE6F0FF' } };
    cell.note = columns[i - 1]!.rule;
  });

  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  const listColumn = (col: string, values: readonly string[]) => {
    values.forEach((v, i) => (lists.getCell(`${col}${i + 1}`).value = v));
    return `选项!$${col}$1:$${col}$${Math.max(1, values.length)}`;
  };
  const ranges: Partial<Record<string, string>> = {
    majorLevel: listColumn('A', MAJOR_LEVELS),
    education: listColumn('B', EDUCATION_LEVELS),
    ...(majors.length ? { major: listColumn('C', majors) } : {}),
  };
  columns.forEach((c, i) => {
    const range = ranges[c.field];
    const letter = String.fromCharCode(65 + i);
    if (c.text) for (let r = 2; r <= DATA_ROWS; r++) ws.getCell(`${letter}${r}`).numFmt = '@';
    // One validation over the whole column range: exceljs's per-cell merging overlaps ranges.
    if (range)
      (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${DATA_ROWS}`, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [range],
        // Majors are the school's own words: warn, never stop the person typing one.
        showErrorMessage: true,
        errorStyle: c.field === 'major' ? 'warning' : 'stop',
        errorTitle: c.header,
        error: c.field === 'major' ? '这个专业不在专业目录中，确定要填写吗？' : `请从下拉列表中选择${c.header}`,
      });
  });

  addRulesSheet(wb, columns, [
    '每位考生只需导入一次，以后每次考试都沿用；已有考生再次导入时按身份证号更新其信息。',
    '请不要合并单元格、不要插入公式；身份证号、手机号两列已设为文本格式，请勿改成数字。',
    '表头必须保留在第一行；导入时会逐行检查，出错的行会被列出并可下载修改后重新导入。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
