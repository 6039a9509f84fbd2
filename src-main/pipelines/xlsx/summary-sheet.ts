import { loadExcelJS } from './load-exceljs';
import type ExcelJS from 'exceljs';
import { cellValue, looksLikeFormula } from './safe-cell';

export interface SummarySection {
  title: string;
  columns: string[];
  rows: unknown[][];
}

/**
 * The human-readable sheet inside an outbound package: what it holds, for the person who
 * carries the USB stick and for the platform operator who opens it.
 */
export async function summaryWorkbook(overview: [string, string][], sections: SummarySection[]): Promise<Buffer> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  wb.creator = '考点助手';
  const first = wb.addWorksheet('数据包说明');
  first.columns = [{ width: 18 }, { width: 60 }];
  for (const [k, v] of overview) textCells(first.addRow([k, v])).getCell(1).font = { bold: true };
  for (const section of sections) {
    const ws = wb.addWorksheet(section.title.slice(0, 31));
    const header = ws.addRow(section.columns);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
    for (const row of section.rows) textCells(ws.addRow(row.map(cellValue)));
    ws.columns.forEach((c) => (c.width = 22));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Formula-looking text as a Text cell: shown as it is, and still text when edited (safe-cell.ts). */
function textCells(row: ExcelJS.Row): ExcelJS.Row {
  row.eachCell((cell) => {
    if (looksLikeFormula(cell.value)) cell.numFmt = '@';
  });
  return row;
}
