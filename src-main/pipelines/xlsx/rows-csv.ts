import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeThroughPartialSync } from '../../files/partial-file';
import type { RowsSheet } from './rows-workbook';
import { cellValue, csvSafeText } from './safe-cell';

/**
 * The same rows as `writeRowsWorkbook`, as CSV for the programs that want one: UTF-8 with a
 * BOM (without it Chinese Excel reads the bytes as GBK), CRLF between records and RFC 4180
 * quoting. Formula-looking text gets a leading apostrophe (safe-cell.ts), which our CSV import
 * takes off again. Text columns (ID numbers, phones) start with a tab: Excel would otherwise
 * turn 18 digits into 3.70285E+17 and lose the last three, and every import trims it away.
 */
export function writeRowsCsv(path: string, sheet: RowsSheet): void {
  const lines = [sheet.columns.map((c) => field(c.header, false)), ...Array.from(sheet.rows, (row) => sheet.columns.map((c, i) => field(row[i], c.text ?? false)))];
  mkdirSync(dirname(path), { recursive: true });
  writeThroughPartialSync(path, (partial) => writeFileSync(partial, `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`, 'utf8'));
}

function field(value: unknown, text: boolean): string {
  const v = cellValue(value);
  if (v === null || v === '') return '';
  const safe = typeof v === 'number' && !text ? String(v) : `${text ? '\t' : ''}${csvSafeText(String(v))}`;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
