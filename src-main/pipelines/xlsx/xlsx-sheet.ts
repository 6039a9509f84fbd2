import { excerpt } from '../../../src-shared/excerpt';
import { AppError } from '../../../src-shared/errors';
import { indexZip, type ZipIndexEntry } from '../zip/safe-zip';
import { columnName, MAX_COLUMNS, MAX_SHEET_ROWS, parseCellRef } from './cell-ref';
import { decodeXstring } from './ooxml-text';
import { DEFAULT_MAX_CELLS, MAX_CELL_TEXT, outsideGrid, SheetRows, textTooLong, tooManyRows, type CellValue, type Sheet, type SheetLimits } from './sheet-rows';
import { findWorkbookParts, partErrors } from './workbook-parts';
import { parseXmlPart } from './xml-part';

/**
 * The first worksheet of an xlsx, read with our ZIP guard and a SAX parser rather than a
 * workbook library: a bomb or a million rows stops at the bound, merged cells and formulas
 * stay visible, and no cell reference, row number or text is believed beyond Excel's own
 * limits (XFD columns, 1,048,576 rows, 32,767 characters a cell).
 */
const ZIP_LIMITS = { maxEntries: 2000, maxEntryBytes: 256 * 1024 * 1024, maxTotalBytes: 400 * 1024 * 1024 };

/**
 * Raw characters kept of one text element: `_xHHHH_` shrinks seven to one, so text longer than
 * this decodes to more than a cell may hold whatever it says.
 */
const MAX_RAW_TEXT = 7 * MAX_CELL_TEXT + 7;

export async function readXlsx(path: string, label: string, limits: SheetLimits): Promise<Sheet> {
  const zip = await indexZip(path, label, ZIP_LIMITS).catch((e: AppError) => {
    throw new AppError('BAD_FILE', `${label}已损坏，无法作为 Excel 表格打开（${e.message}）。`, { file: label });
  });
  try {
    const parts = await findWorkbookParts(zip.entries, label);
    const shared = parts.sharedStrings ? await readSharedStrings(parts.sharedStrings, label, limits) : { strings: [], oversize: new Set<number>() };
    return { name: parts.sheet.name, ...(await readCells(parts.sheet.entry, shared, label, limits)) };
  } finally {
    zip.close();
  }
}

/** An element's text, collected up to a bound; past it only the fact is kept. */
class BoundedText {
  value = '';
  over = false;
  constructor(private readonly max: number) {}
  add(t: string): void {
    if (this.over) return;
    if (this.value.length + t.length > this.max) this.overflow();
    else this.value += t;
  }
  overflow(): void {
    this.over = true;
    this.value = '';
  }
  /** Once the element has closed: `_xHHHH_` decoded (for ST_Xstring text), then the cell limit applied. */
  settle(escaped: boolean): this {
    if (!this.over && escaped) this.value = decodeXstring(this.value);
    if (this.value.length > MAX_CELL_TEXT) this.overflow();
    return this;
  }
}

interface SharedStrings {
  strings: string[];
  /** Indexes of strings over the cell limit: refused when a cell uses one, naming the cell. */
  oversize: Set<number>;
}

async function readSharedStrings(entry: ZipIndexEntry, label: string, limits: SheetLimits): Promise<SharedStrings> {
  const strings: string[] = [];
  const oversize = new Set<number>();
  // A sheet within the cell bound cannot use more strings than it has cells.
  const maxStrings = limits.maxCells ?? DEFAULT_MAX_CELLS;
  let item: BoundedText | null = null;
  let run: BoundedText | null = null;
  let phonetic = 0;
  await parseXmlPart(
    entry.chunks(),
    {
      open(name) {
        if (name === 'si') item = new BoundedText(MAX_CELL_TEXT);
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && item && !phonetic) run = new BoundedText(MAX_RAW_TEXT);
      },
      text(t) {
        run?.add(t);
      },
      cut() {
        run?.overflow();
      },
      close(name) {
        if (name === 't' && run && item) {
          const text = run.settle(true);
          if (text.over) item.overflow();
          else item.add(text.value);
          run = null;
        } else if (name === 'rPh') phonetic--;
        else if (name === 'si' && item) {
          if (strings.length >= maxStrings)
            throw new AppError('TOO_LARGE', `${label}的共享字符串超过 ${maxStrings.toLocaleString('en-US')} 个，超出单次导入的上限。`, { file: label });
          if (item.over) oversize.add(strings.length);
          strings.push(item.value);
          item = null;
        }
      },
    },
    partErrors(label),
  );
  return { strings, oversize };
}

interface CellState {
  ref: string;
  col: number;
  type: string;
  /** `<v>`, or the `<t>`s of an inline string. */
  value: BoundedText;
  formula: BoundedText | null;
  /** The element whose text is being read, and whether it is ST_Xstring text. */
  into: { text: BoundedText; escaped: boolean } | null;
}

async function readCells(entry: ZipIndexEntry, shared: SharedStrings, label: string, limits: SheetLimits): Promise<{ rows: Sheet['rows']; merges: string[] }> {
  const rows = new SheetRows(label, limits);
  const merges: string[] = [];
  // Like shared strings: no more merged ranges than a sheet within the cell bound has cells.
  const maxMerges = limits.maxCells ?? DEFAULT_MAX_CELLS;
  let row: { number: number; cells: CellValue[]; nextCol: number } | null = null;
  let cell: CellState | null = null;
  let inline: BoundedText | null = null;
  let phonetic = 0;
  let nextRow = 1;

  const rowNumber = (r: string | undefined): number => {
    if (r === undefined) return nextRow;
    if (!/^[1-9]\d{0,6}$/.test(r) || Number(r) > MAX_SHEET_ROWS)
      throw new AppError('BAD_FILE', `${label}中的第 ${excerpt(r)} 行超出 Excel 的范围（最多 ${MAX_SHEET_ROWS} 行），文件可能已损坏或不是 Excel 保存的。`, { file: label });
    return Number(r);
  };

  const column = (r: string | undefined, current: NonNullable<typeof row>): { ref: string; col: number } => {
    if (r === undefined) {
      // No reference: the cell after the previous one in its row.
      const ref = `${columnName(current.nextCol)}${current.number}`;
      if (current.nextCol >= MAX_COLUMNS) throw outsideGrid(label, ref);
      return { ref, col: current.nextCol };
    }
    const at = parseCellRef(r);
    if (!at) throw outsideGrid(label, r);
    return { ref: r, col: at.col };
  };

  const finish = (c: CellState): CellValue => {
    if (c.value.over || c.formula?.over) throw textTooLong(label, c.ref);
    let v: string | number | boolean | null;
    if (c.type === 's') {
      const index = Number(c.value.value);
      if (shared.oversize.has(index)) throw textTooLong(label, c.ref);
      v = shared.strings[index] ?? '';
    } else if (c.type === 'str' || c.type === 'inlineStr' || c.type === 'd') v = c.value.value;
    else if (c.type === 'b') v = c.value.value === '1' || c.value.value === 'true';
    else if (c.type === 'e') return { error: c.value.value };
    else if (c.value.value.trim() === '') v = null;
    else {
      const n = Number(c.value.value);
      v = Number.isFinite(n) ? n : c.value.value;
    }
    return c.formula !== null ? { formula: c.formula.value, result: v } : v;
  };

  await parseXmlPart(
    entry.chunks(),
    {
      open(name, a) {
        switch (name) {
          case 'row': {
            const r = rowNumber(a.r);
            if (r > limits.maxRows) throw tooManyRows(label, limits);
            row = { number: r, cells: [], nextCol: 0 };
            nextRow = r + 1;
            break;
          }
          case 'c':
            if (row) {
              const { ref, col } = column(a.r, row);
              row.nextCol = col + 1;
              cell = { ref, col, type: a.t ?? 'n', value: new BoundedText(MAX_RAW_TEXT), formula: null, into: null };
            }
            break;
          case 'v':
            if (cell) cell.into = { text: cell.value, escaped: cell.type === 'str' };
            break;
          case 'f':
            if (cell) cell.into = { text: (cell.formula = new BoundedText(MAX_RAW_TEXT)), escaped: true };
            break;
          case 'rPh':
            phonetic++;
            break;
          case 't':
            if (cell && cell.type === 'inlineStr' && !phonetic) cell.into = { text: (inline = new BoundedText(MAX_RAW_TEXT)), escaped: true };
            break;
          case 'mergeCell':
            if (!a.ref) break;
            if (merges.length >= maxMerges)
              throw new AppError('TOO_LARGE', `${label}的合并单元格超过 ${maxMerges.toLocaleString('en-US')} 个，超出单次导入的上限。`, { file: label });
            merges.push(excerpt(a.ref, 30));
            break;
        }
      },
      text(t) {
        cell?.into?.text.add(t);
      },
      cut() {
        cell?.into?.text.overflow();
      },
      close(name) {
        switch (name) {
          case 'v':
          case 'f':
            if (cell?.into) {
              cell.into.text.settle(cell.into.escaped);
              cell.into = null;
            }
            break;
          case 'rPh':
            phonetic--;
            break;
          case 't':
            if (cell && inline && cell.into?.text === inline) {
              // Rich text: each run decoded on its own, the limit applied to them together.
              if (inline.settle(true).over) cell.value.overflow();
              else cell.value.add(inline.value);
              cell.value.settle(false);
              cell.into = null;
              inline = null;
            }
            break;
          case 'c':
            if (row && cell) {
              const value = finish(cell);
              if (value !== null && value !== '') row.cells[cell.col] = value;
            }
            cell = null;
            break;
          case 'row':
            if (row) rows.add(row.number, row.cells);
            row = null;
            break;
        }
      },
    },
    partErrors(label),
  );
  return { rows: rows.rows, merges };
}
