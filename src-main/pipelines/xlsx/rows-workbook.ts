import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type ExcelJS from 'exceljs';
import { writeThroughPartial } from '../../files/partial-file';
import { makePrivateFile, PRIVATE_DIR_MODE } from '../../files/private-fs';
import { loadExcelJS } from './load-exceljs';
import { cellValue, looksLikeFormula } from './safe-cell';

export interface RowsSheet {
  name: string;
  columns: { header: string; width?: number; text?: boolean }[];
  /** Read once, as the sheet is written: a generator need not hold a large export in memory. */
  rows: Iterable<unknown[]>;
  /** A header cell note per column index, e.g. the filling rule. */
  highlightLast?: boolean;
  /**
   * Each distinct text stored once (shared strings): for rows copied from a file someone handed
   * us, where one long cell repeated in every row would otherwise be written out every time.
   */
  sharedStrings?: boolean;
}

/** Rows written between looks at the zip stream's buffer. */
const ROWS_PER_CHECK = 64;

/**
 * Writes rows to an xlsx with the streaming writer: the refused rows of an import, an export
 * of the candidate list, the platform's templates in a package. Text columns (ID numbers,
 * phones) are stored as text, never numbers; formula-looking text stays the text it is, in a
 * Text-formatted cell (DESIGN.md §4; see safe-cell.ts for why nothing more is needed in xlsx).
 * Rows go out as the file takes them: the writer itself never refuses a row, so a loop that does
 * not wait holds the whole sheet in memory before the first byte reaches the disk.
 */
export async function writeRowsWorkbook(path: string, sheets: RowsSheet[]): Promise<void> {
  const { stream } = await loadExcelJS();
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  await writeThroughPartial(path, async (partial) => {
    const wb = new stream.xlsx.WorkbookWriter({ filename: partial, useStyles: true, useSharedStrings: false });
    for (const sheet of sheets) await writeSheet(wb, sheet);
    await wb.commit();
    // Rows of candidates (ID numbers, phones): for the owner only, like every file the app writes.
    makePrivateFile(partial);
  });
}

async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: RowsSheet): Promise<void> {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }], useSharedStrings: sheet.sharedStrings ?? false } as Partial<ExcelJS.AddWorksheetOptions>);
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? 18, style: c.text ? { numFmt: '@' } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, col) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: sheet.highlightLast && col === sheet.columns.length ? 'FFFFE1E1' : 'FFE6F0FF' } };
  });
  header.commit();
  let i = 0;
  for (const values of sheet.rows) {
    const row = ws.addRow(values.map((v, c) => cellValue(sheet.columns[c]?.text && typeof v === 'number' ? String(v) : v)));
    values.forEach((v, c) => {
      if (looksLikeFormula(v)) row.getCell(c + 1).numFmt = '@';
    });
    row.commit();
    if (++i % ROWS_PER_CHECK === 0) await drained(ws);
  }
  ws.commit();
}

/**
 * Waits while the sheet's entry in the zip holds more than its buffer's worth. exceljs 4.4
 * pipes each worksheet into archiver through a PassThrough (readable-stream 2, which keeps
 * `needDrain` in its `_writableState`) and never looks at what `write` returns.
 */
async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  const entry = (ws as unknown as { stream: { pipes: (NodeJS.EventEmitter & { _writableState?: { needDrain: boolean } })[] } }).stream.pipes[0];
  if (entry?._writableState?.needDrain) await once(entry, 'drain');
}
