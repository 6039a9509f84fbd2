import type ExcelJS from 'exceljs';

/**
 * The values a cell's drop-down offers: an inline list ("a,b"), or the range on another sheet
 * that the shared template builder points to (Excel caps inline lists at 255 characters).
 */
export function dropDownValues(book: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, ref: string): string[] {
  const validation = sheet.getCell(ref).dataValidation;
  if (validation?.type !== 'list') throw new Error(`${ref} has no drop-down`);
  const formula = String(validation.formulae?.[0] ?? '');
  if (formula.startsWith('"')) return formula.slice(1, -1).split(',');
  const range = /^(.+)!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(formula);
  if (!range) throw new Error(`${ref}: unexpected list formula ${formula}`);
  const [, name, col, first, last] = range;
  const lists = book.getWorksheet(name!)!;
  return Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => String(lists.getCell(`${col}${Number(first) + i}`).value));
}
