import type { ImportIssue } from '../../../src-shared/api/candidates';
import type { EnrollCounts } from '../../../src-shared/api/enrollments';
import { ENROLL_COLUMNS, type EnrollColumn, type EnrollField } from '../../../src-shared/domain/enrollment-columns';
import type { EnrollSheet } from '../../../src-shared/domain/enrollment';
import { cellText, findHeaderRow, type HeaderMap } from '../../pipelines/xlsx/sheet-header';
import type { Sheet, SheetRow } from '../../pipelines/xlsx/sheet-reader';
import type { EnrollBook } from './enroll-book';
import { judgeBatch, judgeDelete, judgeDeleteBatch, judgeEnroll, type DeleteJudged, type EnrollJudged, type RequestValue, type RuleIssue } from './enroll-rules';

/**
 * A 报考 sheet row by row: the template's cells as requests for the rules, and the rules'
 * issues back as the row Excel shows and the template's column name.
 */

export interface SheetRowOutcome {
  row: number;
  status: 'accepted' | 'refused';
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** The raw cells, for the refused-rows workbook. */
  raw: string[];
}

export interface EnrollOutcome extends SheetRowOutcome {
  judged: EnrollJudged;
}

export interface DeleteOutcome extends SheetRowOutcome {
  judged: DeleteJudged;
}

export function findEnrollHeader(sheet: Sheet, kind: EnrollSheet, fileLabel: string): HeaderMap<EnrollColumn> {
  return findHeaderRow(sheet, ENROLL_COLUMNS[kind], fileLabel);
}

/** A row's template cells, read once; its other cells only when it is refused (for its sheet). */
interface RowCells {
  row: number;
  values: Partial<Record<EnrollField, RequestValue>>;
  cells: SheetRow['cells'];
  width: number;
  issues: RuleIssue[];
}

const EMPTY: RequestValue = { text: '' };
const valueOf = (c: RowCells, field: EnrollField): RequestValue => c.values[field] ?? EMPTY;
const rawOf = (c: RowCells): string[] => Array.from({ length: c.width }, (_, i) => cellText(c.cells[i]).text);

function rowsOf(sheet: Sheet, header: HeaderMap<EnrollColumn>): RowCells[] {
  const width = Math.max(...header.columns.map((c) => c.index)) + 1;
  const out: RowCells[] = [];
  for (const row of sheet.rows) {
    if (row.rowNumber <= header.headerRow) continue;
    const issues: RuleIssue[] = [];
    const values: RowCells['values'] = {};
    let any = false;
    for (const { column, index } of header.columns) {
      const c = cellText(row.cells[index]);
      if (c.problem) issues.push({ field: column.field, code: 'CELL_UNREADABLE', message: c.problem });
      values[column.field] = c;
      any ||= c.text !== '';
    }
    // A row with nothing in the template's columns is a gap a person left, not a request.
    if (any || issues.length) out.push({ row: row.rowNumber, values, cells: row.cells, width, issues });
  }
  return out;
}

const HEADERS = Object.fromEntries(Object.entries(ENROLL_COLUMNS).map(([kind, columns]) => [kind, new Map(columns.map((c) => [c.field, c.header]))])) as Record<
  EnrollSheet,
  Map<EnrollField, string>
>;

function toIssues(kind: EnrollSheet, row: number, list: RuleIssue[]): ImportIssue[] {
  return list.map((i) => ({ row, column: HEADERS[kind].get(i.field) ?? i.field, code: i.code, message: i.message }));
}

const rowLabel = (ref: number) => `第 ${ref} 行`;

function outcome<J extends EnrollJudged | DeleteJudged>(kind: EnrollSheet, j: J, cells: RowCells): SheetRowOutcome & { judged: J } {
  return {
    row: j.ref,
    status: j.errors.length ? 'refused' : 'accepted',
    errors: j.errors.length ? toIssues(kind, j.ref, j.errors) : [],
    warnings: j.warnings.length ? toIssues(kind, j.ref, j.warnings) : [],
    get raw() {
      return rawOf(cells);
    },
    judged: j,
  };
}

/** Judges every row of a 按证书 / 按科目 sheet: each by itself, then the file's duplicates and the quota. */
export function judgeEnrollSheet(book: EnrollBook, sheet: Sheet, header: HeaderMap<EnrollColumn>, kind: 'certificate' | 'subject', today: string): EnrollOutcome[] {
  const rows = rowsOf(sheet, header);
  const judged = rows.map((c) =>
    judgeEnroll(
      book,
      {
        ref: c.row,
        idNumber: valueOf(c, 'idNumber'),
        name: valueOf(c, 'name').text,
        plan: valueOf(c, 'plan').text,
        mode: kind,
        certificate: valueOf(c, 'certificate').text,
        level: valueOf(c, 'level').text,
        subjects: [valueOf(c, 'subject')],
        issues: c.issues,
      },
      today,
    ),
  );
  judgeBatch(book, judged, rowLabel);
  return judged.map((j, i) => outcome(kind, j, rows[i]!));
}

export function judgeDeleteSheet(book: EnrollBook, sheet: Sheet, header: HeaderMap<EnrollColumn>, today: string): DeleteOutcome[] {
  const rows = rowsOf(sheet, header);
  const judged = rows.map((c) =>
    judgeDelete(
      book,
      {
        ref: c.row,
        idNumber: valueOf(c, 'idNumber'),
        name: valueOf(c, 'name').text,
        plan: valueOf(c, 'plan').text,
        certificate: valueOf(c, 'certificate').text,
        level: valueOf(c, 'level').text,
        subject: valueOf(c, 'subject'),
        issues: c.issues,
      },
      today,
    ),
  );
  judgeDeleteBatch(judged, rowLabel);
  return judged.map((j, i) => outcome('delete', j, rows[i]!));
}

/** A row the database refused when it was written (a confirmed payment order): refused like the others, nothing of it written. */
export function refuseAtWrite(o: SheetRowOutcome, kind: EnrollSheet, field: EnrollField, code: string, message: string): void {
  o.status = 'refused';
  o.errors.push(...toIssues(kind, o.row, [{ field, code, message }]));
}

export function countSheet(outcomes: readonly (EnrollOutcome | DeleteOutcome)[]): EnrollCounts {
  const counts: EnrollCounts = { accepted: 0, refused: 0, enrollments: 0 };
  for (const o of outcomes) {
    if (o.status === 'refused') counts.refused++;
    else {
      counts.accepted++;
      counts.enrollments += 'groups' in o.judged ? o.judged.groups.reduce((n, g) => n + g.subjects.length, 0) : o.judged.subjects.length;
    }
  }
  return counts;
}
