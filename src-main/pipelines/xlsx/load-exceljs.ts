import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: with what it brings (unzipper, archiver, fast-csv…) it took
 * ~350 ms of the app's start, which no page needs before the first spreadsheet.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
