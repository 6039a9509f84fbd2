import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import iconv from 'iconv-lite';
import { AppError } from '../../../src-shared/errors';
import { restoreCsvText } from './safe-cell';
import { columnName, MAX_COLUMNS } from './cell-ref';
import { MAX_CELL_TEXT, outsideGrid, SheetRows, textTooLong, tooManyRows, type Sheet, type SheetLimits } from './sheet-rows';
import { readXlsx } from './xlsx-sheet';

/**
 * Reads the first worksheet of a spreadsheet a person hands us — xlsx, or csv in UTF-8 or GBK —
 * as rows of cell values, with the row numbers Excel shows. Files that only pretend to be
 * spreadsheets (an old .xls, a web page, a password-protected workbook) are named as such.
 * Both readers keep to Excel's limits (XFD columns, 1,048,576 rows, 32,767 characters a cell)
 * and to the import's bounds, naming the cell or row that breaks them.
 */
export type { CellValue, Sheet, SheetLimits, SheetRow } from './sheet-rows';

type Kind = 'xlsx' | 'csv';

function sniff(path: string, label: string): Kind {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(4096);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const bytes = head.subarray(0, n);
  if (n === 0) throw new AppError('BAD_FILE', `${label}是空文件。`, { file: label });
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    const whole = statSync(path).size < 64 * 1024 * 1024 ? readFileSync(path) : bytes;
    if (whole.includes(Buffer.from('EncryptedPackage', 'utf16le')))
      throw new AppError('BAD_FILE', `${label}设置了打开密码，无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后另存为 .xlsx 再导入。`, { file: label });
    throw new AppError('BAD_FILE', `${label}是旧版 Excel 97-2003（.xls）文件。请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入。`, { file: label });
  }
  const text = bytes
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (text.startsWith('<')) throw new AppError('BAD_FILE', `${label}其实是网页（HTML）文件，只是扩展名像表格。请用 Excel 打开后“另存为”.xlsx 再导入。`, { file: label });
  if (bytes.includes(0)) throw new AppError('BAD_FILE', `${label}不是 Excel 表格或 CSV 文本文件。`, { file: label });
  return 'csv';
}

export async function readSheet(path: string, label: string, limits: SheetLimits): Promise<Sheet> {
  if (statSync(path).size > limits.maxBytes) throw new AppError('TOO_LARGE', `${label}超过 ${Math.round(limits.maxBytes / 1024 / 1024)} MB，请分批导入。`, { file: label });
  return sniff(path, label) === 'xlsx' ? readXlsx(path, label, limits) : readCsv(path, label, limits);
}

// ---------------------------------------------------------------- csv

/** UTF-8 (with or without BOM) when it decodes cleanly, else GBK — what Chinese Excel saves as "CSV". */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gbk');
  }
}

/** RFC 4180 records; a field our own CSV export neutralised (`'=…`, rows-csv.ts) reads as the text it was. */
function readCsv(path: string, label: string, limits: SheetLimits): Sheet {
  const text = decodeText(readFileSync(path));
  const rows = new SheetRows(label, limits);
  let field = '';
  let cells: string[] = [];
  let quoted = false;
  let rowNumber = 1;
  const ref = () => `${columnName(cells.length)}${rowNumber}`;
  const endField = () => {
    if (cells.length >= MAX_COLUMNS) throw outsideGrid(label, ref());
    cells.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.add(
      rowNumber,
      cells.map((c) => (c === '' ? null : restoreCsvText(c))),
    );
    if (rowNumber > limits.maxRows) throw tooManyRows(label, limits);
    rowNumber++;
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') endRow();
    else if (ch === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
    if (field.length > MAX_CELL_TEXT) throw textTooLong(label, ref());
  }
  if (field !== '' || cells.length) endRow();
  return { name: label, rows: rows.rows, merges: [] };
}
