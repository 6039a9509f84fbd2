/**
 * Excel's grid: columns A to XFD, rows 1 to 1,048,576. A cell reference outside it cannot come
 * from Excel, and a reader that believed one would fill a row up to it.
 */
export const MAX_COLUMNS = 16_384;
export const MAX_SHEET_ROWS = 1_048_576;

/** "AB12" → { col: 27, row: 12 } (col 0-based, row as Excel shows it); null when outside the grid or malformed. */
export function parseCellRef(ref: string): { col: number; row: number } | null {
  const m = /^([A-Za-z]{1,3})([1-9]\d{0,6})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return col > MAX_COLUMNS || row > MAX_SHEET_ROWS ? null : { col: col - 1, row };
}

/** 0 → "A", 27 → "AB". */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
