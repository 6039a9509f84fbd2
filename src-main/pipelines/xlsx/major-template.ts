import type ExcelJS from 'exceljs';
import { MAJOR_LEVELS } from '../../../src-shared/domain/catalog';
import { MAJOR_COLUMNS, type InstitutionMajor } from '../../../src-shared/domain/institution-majors';
import { loadExcelJS } from './load-exceljs';
import { addRulesSheet } from './rules-sheet';

/** Rows formatted and given the drop-down: far more than an institution runs majors. */
const DATA_ROWS = 1000;

/**
 * The 开设专业 import template: the institution's majors so far (edit them or add rows), the code
 * column as text so Excel keeps a leading zero, a drop-down for 专业层次, and a sheet of filling rules.
 */
export async function majorTemplate(majors: readonly InstitutionMajor[]): Promise<Buffer> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  wb.creator = '考点助手';
  const ws = wb.addWorksheet('开设专业', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = MAJOR_COLUMNS.map((c) => ({ header: `*${c.header}`, key: c.field, width: c.field === 'name' ? 30 : 16, style: c.text ? { numFmt: '@' } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, i) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE7BA' } };
    cell.note = MAJOR_COLUMNS[i - 1]!.rule;
  });
  for (const m of majors) ws.addRow({ code: m.code, name: m.name, level: m.level });

  MAJOR_COLUMNS.forEach((c, i) => {
    const letter = String.fromCharCode(65 + i);
    if (c.text) for (let r = 2; r <= DATA_ROWS; r++) ws.getCell(`${letter}${r}`).numFmt = '@';
  });
  const levelLetter = String.fromCharCode(65 + MAJOR_COLUMNS.findIndex((c) => c.field === 'level'));
  // One validation over the whole range (exceljs merges per-cell ones into overlapping ranges); the four levels fit an inline list.
  (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${levelLetter}2:${levelLetter}${DATA_ROWS}`, {
    type: 'list',
    allowBlank: false,
    formulae: [`"${MAJOR_LEVELS.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '专业层次',
    error: '请从下拉列表中选择专业层次',
  });

  addRulesSheet(wb, MAJOR_COLUMNS, [
    '表中已列出本院校现有的开设专业，可以直接修改名称或层次，或在下方添加新的专业；按专业代码对应，同一代码只能出现一次。',
    '导入只新增或修改专业，不会删除：表中没有的专业保持不变；要删除专业，请在“院校信息”页操作。',
    '请不要合并单元格、不要插入公式；表头必须保留。导入时会逐行检查，出错的行会被列出并可下载修改后重新导入。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
