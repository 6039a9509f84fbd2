import type ExcelJS from 'exceljs';
import { loadExcelJS } from './load-exceljs';
import { addRulesSheet } from './rules-sheet';

/** Rows of the data sheet prepared with text format and drop-downs. */
const DATA_ROWS = 5000;

export interface TemplateColumn {
  header: string;
  required: boolean;
  /** A line for the 填写说明 sheet, and the header cell's note. */
  rule: string;
  /** Kept as text in Excel: long digit strings (ID numbers), codes with leading zeros. */
  text?: boolean;
  /** A drop-down of these values. */
  choices?: readonly string[];
  /** A value outside the drop-down only warns (the person's own words, a school's major); else Excel refuses it. */
  lenient?: boolean;
  width?: number;
}

export interface TemplateSpec {
  sheetName: string;
  columns: TemplateColumn[];
  /** 说明 lines under the rules. */
  notes: string[];
  /** Rows already filled in (what exists, to edit or add to), in the columns' order. */
  rows?: readonly (readonly (string | number)[])[];
  /** A sheet to look things up in while filling (the plans and their subjects), after the rules. */
  reference?: { name: string; columns: { header: string; width?: number }[]; rows: (string | number)[][] };
}

function letters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * An import template as the platform's: the columns (required ones starred and shaded, each with
 * its rule as a note), text columns formatted as text so Excel cannot turn them into numbers,
 * drop-downs whose lists live on a hidden sheet (Excel caps an inline list at 255 characters),
 * and a 填写说明 sheet.
 */
export async function templateWorkbook(spec: TemplateSpec): Promise<Buffer> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  wb.creator = '考点助手';
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c.required ? `*${c.header}` : c.header, width: c.width ?? (c.text ? 22 : 16), style: c.text ? { numFmt: '@' } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, i) => {
    const column = spec.columns[i - 1]!;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: column.required ? 'FFFFE7BA' : 'FFE6F0FF' } };
    cell.note = column.rule;
  });
  for (const row of spec.rows ?? []) ws.addRow([...row]);

  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  let listIndex = 0;
  spec.columns.forEach((c, i) => {
    const letter = letters(i);
    if (c.text) for (let r = 2; r <= DATA_ROWS; r++) ws.getCell(`${letter}${r}`).numFmt = '@';
    if (!c.choices) return;
    const listColumn = letters(listIndex++);
    c.choices.forEach((v, r) => (lists.getCell(`${listColumn}${r + 1}`).value = v));
    // One validation over the whole column range: exceljs's per-cell merging overlaps ranges.
    (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${DATA_ROWS}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`选项!$${listColumn}$1:$${listColumn}$${Math.max(1, c.choices.length)}`],
      showErrorMessage: true,
      errorStyle: c.lenient ? 'warning' : 'stop',
      errorTitle: c.header,
      error: c.lenient ? `这个值不在下拉列表中，确定要填写吗？` : `请从下拉列表中选择${c.header}`,
    });
  });

  addRulesSheet(wb, spec.columns, spec.notes);
  if (spec.reference) {
    const ref = wb.addWorksheet(spec.reference.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ref.columns = spec.reference.columns.map((c) => ({ header: c.header, width: c.width ?? 16, style: { numFmt: '@' } }));
    ref.getRow(1).font = { bold: true };
    for (const row of spec.reference.rows) ref.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
