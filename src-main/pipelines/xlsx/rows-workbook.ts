import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadExcelJS } from './load-exceljs';
import { safeCellText } from './safe-cell';

export interface RowsSheet {
  name: string;
  columns: { header: string; width?: number; text?: boolean }[];
  /** Read once, as the sheet is written: a generator need not hold a large export in memory. */
  rows: Iterable<unknown[]>;
  /** A header cell note per column index, e.g. the filling rule. */
  highlightLast?: boolean;
}

/**
 * Writes rows to an xlsx with the streaming writer: the refused rows of an import, an export
 * of the candidate list. Text columns (ID numbers, phones) are stored as text, never numbers,
 * and formula-looking text is neutralised (DESIGN.md §4).
 */
export async function writeRowsWorkbook(path: string, sheets: RowsSheet[]): Promise<void> {
  const { stream } = await loadExcelJS();
  mkdirSync(dirname(path), { recursive: true });
  const wb = new stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? 18, style: c.text ? { numFmt: '@' } : {} }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.eachCell((cell, col) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: sheet.highlightLast && col === sheet.columns.length ? 'FFFFE1E1' : 'FFE6F0FF' } };
    });
    header.commit();
    let written = 0;
    for (const values of sheet.rows) {
      const row = ws.addRow(values.map((v, i) => safeCellText(sheet.columns[i]?.text && typeof v === 'number' ? String(v) : v)));
      row.commit();
      // Committed rows wait in the zip stream until the event loop turns: let it write them out.
      if (++written % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    ws.commit();
  }
  await wb.commit();
}
