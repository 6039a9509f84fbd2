import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';
import { AppError } from '../../../src-shared/errors';
import { indexZip } from '../zip/safe-zip';
import { restoreCsvText } from './safe-cell';

/**
 * Reads the first sheet of a spreadsheet a person hands us — xlsx, or csv in UTF-8 or GBK —
 * as rows of cell values, with the row numbers Excel shows. Files that only pretend to be
 * spreadsheets (an old .xls, a web page, a password-protected workbook) are named as such.
 * The xlsx is read with our ZIP guard and a SAX parser rather than a workbook library, so a
 * bomb or a million rows stops at the bound, and merged cells and formulas stay visible.
 */
export type CellValue = string | number | boolean | null | { formula: string; result: string | number | boolean | null } | { error: string };

export interface SheetRow {
  /** 1-based, as Excel shows it. */
  rowNumber: number;
  /** Index 0 is column A. */
  cells: CellValue[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
  /** Merged ranges such as "A1:C1". */
  merges: string[];
}

export interface SheetLimits {
  /** Rows beyond this (data and header together) refuse the file. */
  maxRows: number;
  maxBytes: number;
}

const ZIP_LIMITS = { maxEntries: 2000, maxEntryBytes: 256 * 1024 * 1024, maxTotalBytes: 400 * 1024 * 1024 };

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

function tooManyRows(label: string, limits: SheetLimits): AppError {
  return new AppError('TOO_LARGE', `${label}超过 ${limits.maxRows.toLocaleString('en-US')} 行，超出单次导入的上限，请拆分成几个文件分批导入。`, { file: label });
}

// ---------------------------------------------------------------- xlsx

function attr(node: { attributes: Record<string, unknown> }, name: string): string | undefined {
  const v = node.attributes[name];
  return typeof v === 'string' ? v : undefined;
}

/** "AB12" → column index 27 (0-based). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

async function readXlsx(path: string, label: string, limits: SheetLimits): Promise<Sheet> {
  const zip = await indexZip(path, label, ZIP_LIMITS).catch((e: AppError) => {
    throw new AppError('BAD_FILE', `${label}已损坏，无法作为 Excel 表格打开（${e.message}）。`, { file: label });
  });
  try {
    const workbook = zip.entries.get('xl/workbook.xml');
    if (!workbook) throw new AppError('BAD_FILE', `${label}不是 Excel 工作簿（缺少 xl/workbook.xml），文件可能已损坏。`, { file: label });
    const { name, target } = firstSheet(
      (await workbook.read()).toString('utf8'),
      zip.entries.has('xl/_rels/workbook.xml.rels') ? (await zip.entries.get('xl/_rels/workbook.xml.rels')!.read()).toString('utf8') : '',
    );
    const sheetEntry = zip.entries.get(target);
    if (!sheetEntry) throw new AppError('BAD_FILE', `${label}缺少工作表“${name}”的数据，文件可能已损坏。`, { file: label });
    const shared = zip.entries.has('xl/sharedStrings.xml') ? parseSharedStrings((await zip.entries.get('xl/sharedStrings.xml')!.read()).toString('utf8')) : [];
    return { name, ...parseSheet((await sheetEntry.read()).toString('utf8'), shared, label, limits) };
  } finally {
    zip.close();
  }
}

function firstSheet(workbookXml: string, relsXml: string): { name: string; target: string } {
  const sheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
  const name = /\bname="([^"]*)"/.exec(sheet)?.[1] ?? 'Sheet1';
  const rid = /\br:id="([^"]*)"/.exec(sheet)?.[1];
  const rel = rid ? new RegExp(`<Relationship\\b[^>]*\\bId="${rid}"[^>]*>`).exec(relsXml)?.[0] : undefined;
  let target = (rel && /\bTarget="([^"]*)"/.exec(rel)?.[1]) ?? 'worksheets/sheet1.xml';
  target = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return { name: decodeXml(name), target };
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const parser = new SaxesParser();
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  parser.on('opentag', (node) => {
    if (node.name === 'si') current = '';
    else if (node.name === 'rPh') inPhonetic = true;
    else if (node.name === 't' && !inPhonetic) inText = true;
  });
  parser.on('closetag', (node) => {
    if (node.name === 'si') {
      out.push(current ?? '');
      current = null;
    } else if (node.name === 'rPh') inPhonetic = false;
    else if (node.name === 't') inText = false;
  });
  parser.on('text', (t) => {
    if (inText && current !== null) current += t;
  });
  parser.write(xml).close();
  return out;
}

function parseSheet(xml: string, shared: string[], label: string, limits: SheetLimits): { rows: SheetRow[]; merges: string[] } {
  const rows: SheetRow[] = [];
  const merges: string[] = [];
  const parser = new SaxesParser();
  let row: SheetRow | null = null;
  let cell: { col: number; type: string; value: string; formula: string | null; inValue: boolean; inFormula: boolean } | null = null;
  let inInlineText = false;
  let nextRow = 1;

  const cellValue = (c: NonNullable<typeof cell>): CellValue => {
    let v: string | number | boolean | null;
    if (c.type === 's') v = shared[Number(c.value)] ?? '';
    else if (c.type === 'str' || c.type === 'inlineStr') v = c.value;
    else if (c.type === 'b') v = c.value === '1';
    else if (c.type === 'e') return { error: c.value };
    else v = c.value === '' ? null : Number(c.value);
    return c.formula !== null ? { formula: c.formula, result: v } : v;
  };

  parser.on('opentag', (node) => {
    switch (node.name) {
      case 'row': {
        const r = Number(attr(node, 'r') ?? nextRow);
        if (r > limits.maxRows) throw tooManyRows(label, limits);
        row = { rowNumber: r, cells: [] };
        nextRow = r + 1;
        break;
      }
      case 'c':
        if (row) cell = { col: columnIndex(attr(node, 'r') ?? 'A'), type: attr(node, 't') ?? 'n', value: '', formula: null, inValue: false, inFormula: false };
        break;
      case 'v':
        if (cell) cell.inValue = true;
        break;
      case 'f':
        if (cell) {
          cell.inFormula = true;
          cell.formula = '';
        }
        break;
      case 't':
        if (cell && cell.type === 'inlineStr') inInlineText = true;
        break;
      case 'mergeCell': {
        const ref = attr(node, 'ref');
        if (ref) merges.push(ref);
        break;
      }
    }
  });
  parser.on('text', (t) => {
    if (!cell) return;
    if (cell.inValue || inInlineText) cell.value += t;
    else if (cell.inFormula) cell.formula += t;
  });
  parser.on('closetag', (node) => {
    switch (node.name) {
      case 'v':
        if (cell) cell.inValue = false;
        break;
      case 'f':
        if (cell) cell.inFormula = false;
        break;
      case 't':
        inInlineText = false;
        break;
      case 'c':
        if (row && cell) row.cells[cell.col] = cellValue(cell);
        cell = null;
        break;
      case 'row':
        if (row) {
          for (let i = 0; i < row.cells.length; i++) if (row.cells[i] === undefined) row.cells[i] = null;
          if (row.cells.some((c) => c !== null && c !== '')) rows.push(row);
        }
        row = null;
        break;
    }
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('BAD_FILE', `${label}的工作表数据已损坏，无法读取。`, { file: label });
  }
  return { rows, merges };
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
  const rows: SheetRow[] = [];
  let field = '';
  let cells: string[] = [];
  let quoted = false;
  let rowNumber = 1;
  const endRow = () => {
    cells.push(field);
    if (cells.some((c) => c !== '')) rows.push({ rowNumber, cells: cells.map((c) => (c === '' ? null : restoreCsvText(c))) });
    if (rowNumber > limits.maxRows) throw tooManyRows(label, limits);
    rowNumber++;
    cells = [];
    field = '';
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
    else if (ch === ',') {
      cells.push(field);
      field = '';
    } else if (ch === '\n') endRow();
    else if (ch === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || cells.length) endRow();
  return { name: label, rows, merges: [] };
}
