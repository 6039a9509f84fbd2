import type { ImportCounts, ImportIssue } from '../../../src-shared/api/candidates';
import { institutionMajorSchema, MAJOR_COLUMNS, type InstitutionMajor, type InstitutionMajorField, type MajorColumn } from '../../../src-shared/domain/institution-majors';
import { excerpt } from '../../../src-shared/excerpt';
import { cellText, type CellText, type HeaderMap } from '../../pipelines/xlsx/sheet-header';
import type { Sheet, SheetRow } from '../../pipelines/xlsx/sheet-reader';

/**
 * The rules of a majors sheet, row by row: no I/O, so the check, the commit and the tests judge
 * every row alike. Issues carry the row number Excel shows and the template's column name.
 */
export type MajorRowStatus = 'new' | 'updated' | 'unchanged' | 'refused';

export interface MajorRowOutcome {
  row: number;
  status: MajorRowStatus;
  major: InstitutionMajor | null;
  /** For an existing major: the fields the row changes, with what they were. */
  changes: { field: InstitutionMajorField; header: string; old: string; new: string }[];
  errors: ImportIssue[];
  /** The row's cells as read, for the refused-rows sheet. */
  raw: string[];
}

const HEADERS = new Map(MAJOR_COLUMNS.map((c) => [c.field, c.header]));
/** Fewer digits than a major code has: as an Excel number it may have lost a leading zero (080901 → 80901). */
const SHORTEST_NUMERIC_CODE = 6;

/** Judges every data row against the majors the institution has; a code twice in the file is refused at its second row. */
export function judgeMajorRows(sheet: Sheet, header: HeaderMap<MajorColumn>, existing: ReadonlyMap<string, InstitutionMajor>): MajorRowOutcome[] {
  const seen = new Map<string, number>();
  const width = Math.max(...header.columns.map((c) => c.index)) + 1;
  return sheet.rows.filter((r) => r.rowNumber > header.headerRow).map((row) => judgeRow(row, header, existing, seen, width));
}

function judgeRow(row: SheetRow, header: HeaderMap<MajorColumn>, existing: ReadonlyMap<string, InstitutionMajor>, seen: Map<string, number>, width: number): MajorRowOutcome {
  const errors: ImportIssue[] = [];
  const issue = (field: InstitutionMajorField, code: string, message: string) => errors.push({ row: row.rowNumber, column: HEADERS.get(field)!, code, message });
  const raw = Array.from({ length: width }, (_, i) => cellText(row.cells[i]).text);
  const cells = {} as Record<InstitutionMajorField, CellText>;
  for (const field of HEADERS.keys()) {
    const at = header.columns.find((c) => c.column.field === field);
    cells[field] = at ? cellText(row.cells[at.index]) : { text: '' };
    if (cells[field].problem) issue(field, 'CELL_UNREADABLE', cells[field].problem);
  }

  const code = cells.code;
  if (code.number !== undefined && Number.isInteger(code.number) && code.text.length < SHORTEST_NUMERIC_CODE)
    issue('code', 'CODE_EXCEL_NUMBER', `专业代码“${excerpt(code.text)}”是数字格式，开头的 0 可能已经丢失：请把本列设为“文本”格式后重新填写`);

  const values = { code: code.text, name: cells.name.text, level: cells.level.text.normalize('NFKC') };
  const parsed = institutionMajorSchema.safeParse(values);
  if (!parsed.success)
    for (const i of parsed.error.issues) {
      const field = i.path[0] as InstitutionMajorField;
      // An unreadable cell or a code refused above says it already.
      if (errors.some((e) => e.column === HEADERS.get(field))) continue;
      const given = values[field];
      issue(field, given ? 'FORMAT' : 'REQUIRED', given ? `${i.message}（填写的是“${excerpt(given)}”）` : `请填写${HEADERS.get(field)}`);
    }

  // By the code alone: a row refused for its name or level still holds its code, and fixed it would meet the other row.
  const validCode = institutionMajorSchema.shape.code.safeParse(code.text);
  if (validCode.success && !errors.some((e) => e.column === HEADERS.get('code'))) {
    const first = seen.get(validCode.data);
    if (first !== undefined) issue('code', 'DUPLICATE_IN_FILE', `专业代码 ${validCode.data} 与第 ${first} 行重复`);
    else seen.set(validCode.data, row.rowNumber);
  }

  if (errors.length || !parsed.success) return { row: row.rowNumber, status: 'refused', major: null, changes: [], errors, raw };
  const major = parsed.data;
  const before = existing.get(major.code);
  if (!before) return { row: row.rowNumber, status: 'new', major, changes: [], errors, raw };
  const changes = (['name', 'level'] as const)
    .filter((field) => major[field] !== before[field])
    .map((field) => ({ field, header: HEADERS.get(field)!, old: before[field], new: major[field] }));
  return { row: row.rowNumber, status: changes.length ? 'updated' : 'unchanged', major, changes, errors, raw };
}

export function countMajorOutcomes(rows: MajorRowOutcome[]): ImportCounts {
  const counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}
