import type ExcelJS from 'exceljs';

export interface RuledColumn {
  header: string;
  required: boolean;
  rule: string;
}

/** A template's 填写说明 sheet: each column, whether it must be filled and how, then the notes. */
export function addRulesSheet(wb: ExcelJS.Workbook, columns: readonly RuledColumn[], notes: readonly string[]): void {
  const rules = wb.addWorksheet('填写说明');
  rules.columns = [
    { header: '列', width: 14 },
    { header: '是否必填', width: 10 },
    { header: '填写要求', width: 80 },
  ];
  rules.getRow(1).font = { bold: true };
  for (const c of columns) rules.addRow([c.header, c.required ? '必填' : '选填', c.rule]);
  rules.addRow([]);
  for (const line of notes) rules.addRow(['说明', '', line]);
}
