import { excerpt } from '../../../src-shared/excerpt';
import { AppError } from '../../../src-shared/errors';
import { columnName, MAX_SHEET_ROWS } from './cell-ref';

/** What the xlsx and csv readers give every importer, and the bounds they share. */
export type CellValue = string | number | boolean | null | { formula: string; result: string | number | boolean | null } | { error: string };

export interface SheetRow {
  /** 1-based, as Excel shows it. */
  rowNumber: number;
  /** Index 0 is column A; ends at the row's last cell with a value. */
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
  /** Rows × the widest row, blanks included: what an importer that pads every row to the widest costs. */
  maxCells?: number;
}

/** Excel's own limit for the text of one cell. */
export const MAX_CELL_TEXT = 32_767;
export const DEFAULT_MAX_CELLS = 5_000_000;

export function tooManyRows(label: string, limits: SheetLimits): AppError {
  return new AppError('TOO_LARGE', `${label}超过 ${limits.maxRows.toLocaleString('en-US')} 行，超出单次导入的上限，请拆分成几个文件分批导入。`, { file: label });
}

export function outsideGrid(label: string, ref: string): AppError {
  return new AppError('BAD_FILE', `${label}中的单元格 ${excerpt(ref)} 超出 Excel 的范围（最多 XFD 列、${MAX_SHEET_ROWS} 行），文件可能已损坏或不是 Excel 保存的。`, {
    file: label,
    cell: excerpt(ref),
  });
}

export function textTooLong(label: string, ref: string): AppError {
  return new AppError('BAD_FILE', `${label}中单元格 ${ref} 的内容超过 ${MAX_CELL_TEXT.toLocaleString('en-US')} 个字符（Excel 单元格的上限），请检查该单元格。`, {
    file: label,
    cell: ref,
  });
}

/**
 * Collects the rows with a value. Blank cells after a row's last value are dropped (a row
 * formatted out to XFD is as wide as its text), and rows × the widest row stay under
 * `maxCells`, so a stray cell far right in every row cannot make each importer's copy of the
 * sheet gigabytes.
 */
export class SheetRows {
  readonly rows: SheetRow[] = [];
  private widest = 0;
  private widestRow = 0;
  private readonly maxCells: number;

  constructor(
    private readonly label: string,
    limits: SheetLimits,
  ) {
    this.maxCells = limits.maxCells ?? DEFAULT_MAX_CELLS;
  }

  /** `cells` may have holes and trailing blanks; they become null, or are dropped. */
  add(rowNumber: number, cells: CellValue[]): void {
    let end = cells.length;
    while (end > 0 && isBlank(cells[end - 1])) end--;
    if (end === 0) return;
    cells.length = end;
    for (let i = 0; i < end; i++) if (cells[i] === undefined || cells[i] === '') cells[i] = null;
    if (end > this.widest) {
      this.widest = end;
      this.widestRow = rowNumber;
    }
    this.rows.push({ rowNumber, cells });
    if (this.rows.length * this.widest > this.maxCells)
      throw new AppError(
        'TOO_LARGE',
        `${this.label}的数据区域太大（${this.rows.length.toLocaleString('en-US')} 行 × ${this.widest} 列，超过 ${this.maxCells.toLocaleString('en-US')} 个单元格；第 ${this.widestRow} 行一直到 ${columnName(this.widest - 1)} 列都有内容）。请删除多余的列，或拆分成几个文件分批导入。`,
        { file: this.label, row: this.widestRow },
      );
  }
}

const isBlank = (c: CellValue | undefined) => c === undefined || c === null || c === '';
