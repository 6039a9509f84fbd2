import { excerpt } from '../../../src-shared/excerpt';
import { AppError } from '../../../src-shared/errors';
import type { CellValue, Sheet } from './sheet-rows';

/**
 * What every spreadsheet import needs before judging a row: where its header row is (people put
 * a title above it), which column holds what (headers spelled their way), and each cell as text.
 */

/** A template column as a header cell may name it. */
export interface HeaderColumn {
  header: string;
  required: boolean;
  aliases: readonly string[];
}

export interface HeaderMap<C extends HeaderColumn> {
  headerRow: number;
  columns: { column: C; index: number }[];
}

/** The rows looked at for the header: a title or two above it, never the data below. */
const HEADER_SEARCH_ROWS = 20;

/** Header text as people write it: full-width letters, spaces, required stars, notes in brackets. */
export function normaliseHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

/** The column a header cell names, by its header or one of its aliases. */
export function matchColumn<C extends HeaderColumn>(columns: readonly C[], raw: string): C | undefined {
  const key = normaliseHeader(raw);
  if (!key) return undefined;
  return columns.find((c) => normaliseHeader(c.header) === key || c.aliases.some((a) => normaliseHeader(a) === key));
}

/**
 * Finds the header row among the first rows (the one naming the most template columns) and which
 * column holds what; refuses a file without one, with a merged header cell, or missing a required column.
 */
export function findHeaderRow<C extends HeaderColumn>(
  sheet: Sheet,
  columns: readonly C[],
  fileLabel: string,
  /** Requirements no single column states (“科目编码”或“报考科目”): what is missing, as named in the message. */
  alsoMissing: (found: HeaderMap<C>) => string[] = () => [],
): HeaderMap<C> {
  let best: HeaderMap<C> | null = null;
  for (const row of sheet.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const found: HeaderMap<C>['columns'] = [];
    row.cells.forEach((cell, index) => {
      const column = typeof cell === 'string' ? matchColumn(columns, cell) : undefined;
      if (column && !found.some((c) => c.column === column)) found.push({ column, index });
    });
    if (!best || found.length > best.columns.length) best = { headerRow: row.rowNumber, columns: found };
  }
  const required = columns.filter((c) => c.required);
  if (!best || best.columns.length < 2)
    throw new AppError('BAD_FILE', `在${fileLabel}的前 ${HEADER_SEARCH_ROWS} 行里找不到表头（应包含 ${required.map((c) => `“${c.header}”`).join('、')} 等列）。请使用导入模板。`, {
      file: fileLabel,
    });
  const header = best;
  const { headerRow } = header;
  const merged = sheet.merges.find((ref) => mergeTouchesRow(ref, headerRow));
  if (merged)
    throw new AppError('BAD_FILE', `${fileLabel}的表头（第 ${headerRow} 行）有合并单元格 ${excerpt(merged, 30)}，无法确定每一列的含义。请取消合并后再导入。`, {
      file: fileLabel,
      row: headerRow,
    });
  const missing = [...required.filter((c) => !header.columns.some((m) => m.column === c)).map((c) => `“${c.header}”`), ...alsoMissing(header)];
  if (missing.length) throw new AppError('BAD_FILE', `${fileLabel}缺少必填列：${missing.join('、')}（表头在第 ${headerRow} 行）。`, { file: fileLabel, row: headerRow });
  return header;
}

function mergeTouchesRow(ref: string, row: number): boolean {
  const [from, to] = ref.split(':');
  const r1 = Number(/\d+/.exec(from ?? '')?.[0]);
  const r2 = Number(/\d+/.exec(to ?? from ?? '')?.[0]);
  return r1 <= row && row <= r2;
}

/** The header row's cells as text, for a refused-rows sheet that repeats them. */
export function headerCells(sheet: Sheet, headerRow: number): string[] {
  return (sheet.rows.find((r) => r.rowNumber === headerRow)?.cells ?? []).map((c) => (typeof c === 'string' ? c : ''));
}

export interface CellText {
  text: string;
  /** Set when the cell held a number (or a formula's numeric result). */
  number?: number;
  /** Why the cell cannot be read (formulas without a result, error values), in words for the person. */
  problem?: string;
}

/** A cell as text, or why it cannot be read. */
export function cellText(cell: CellValue | undefined): CellText {
  if (cell === null || cell === undefined) return { text: '' };
  if (typeof cell === 'object') {
    if ('error' in cell) return { text: '', problem: `单元格是错误值 ${excerpt(cell.error)}` };
    if (cell.result === null || cell.result === '') return { text: '', problem: `单元格是公式（=${excerpt(cell.formula, 40)}）且没有计算结果，请复制后“选择性粘贴 → 数值”` };
    return typeof cell.result === 'number' ? { text: String(cell.result), number: cell.result } : { text: String(cell.result) };
  }
  if (typeof cell === 'number') return { text: String(cell), number: cell };
  if (typeof cell === 'boolean') return { text: cell ? 'TRUE' : 'FALSE' };
  return { text: cell.trim() };
}
