import type { ImportIssue } from '../../../src-shared/api/candidates';
import { writeRowsWorkbook } from './rows-workbook';

/** A row an import refused: where it was, its cells as read, and why. */
export interface RefusedRow {
  row: number;
  raw: string[];
  errors: ImportIssue[];
}

/**
 * 退回的行: the refused rows as they were in the file, under its own header, with the original row
 * number in front and the reasons at the end, to fix in Excel and import again. Columns the
 * template keeps as text (`isText`, by header) stay text.
 */
export async function writeRefusedRows(path: string, headerCells: string[], refused: RefusedRow[], isText: (header: string) => boolean): Promise<void> {
  const width = Math.max(headerCells.length, ...refused.map((r) => r.raw.length));
  const headers = Array.from({ length: width }, (_, i) => headerCells[i] || `第${i + 1}列`);
  await writeRowsWorkbook(path, [
    {
      name: '退回的行',
      highlightLast: true,
      sharedStrings: true,
      columns: [{ header: '原行号', width: 8 }, ...headers.map((header) => ({ header, width: 18, text: isText(header) })), { header: '错误原因', width: 60 }],
      rows: refused.map((r) => [r.row, ...Array.from({ length: width }, (_, i) => r.raw[i] ?? ''), reasons(r.errors)]),
    },
  ]);
}

function reasons(errors: ImportIssue[]): string {
  return errors.map((e) => `【${e.column}】${e.message}`).join('；');
}
