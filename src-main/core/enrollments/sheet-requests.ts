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

interface RowCells {
  row: number;
  raw: string[];
  get(field: EnrollField): RequestValue;
  issues: RuleIssue[];
}

function rowsOf(sheet: Sheet, header: HeaderMap<EnrollColumn>): RowCells[] {
  const width = Math.max(...header.columns.map((c) => c.index)) + 1;
  const out: RowCells[] = [];
  for (const row of sheet.rows as SheetRow[]) {
    if (row.rowNumber <= header.headerRow) continue;
    const issues: RuleIssue[] = [];
    const values = new Map<EnrollField, RequestValue>();
    for (const { column, index } of header.columns) {
      const c = cellText(row.cells[index]);
      if (c.problem) issues.push({ field: column.field, code: 'CELL_UNREADABLE', message: c.problem });
      values.set(column.field, c.number === undefined ? { text: c.text } : { text: c.text, number: c.number });
    }
    // A row with nothing in the template's columns is a gap a person left, not a request.
    if (![...values.values()].some((v) => v.text) && !issues.length) continue;
    out.push({
      row: row.rowNumber,
      raw: Array.from({ length: width }, (_, i) => cellText(row.cells[i]).text),
      get: (field) => values.get(field) ?? { text: '' },
      issues,
    });
  }
  return out;
}

function toIssues(kind: EnrollSheet, row: number, list: RuleIssue[]): ImportIssue[] {
  const header = new Map(ENROLL_COLUMNS[kind].map((c) => [c.field, c.header]));
  return list.map((i) => ({ row, column: header.get(i.field) ?? i.field, code: i.code, message: i.message }));
}

const rowLabel = (ref: number) => `第 ${ref} 行`;

/** Judges every row of a 按证书 / 按科目 sheet: each by itself, then the file's duplicates and the quota. */
export function judgeEnrollSheet(book: EnrollBook, sheet: Sheet, header: HeaderMap<EnrollColumn>, kind: 'certificate' | 'subject', today: string): EnrollOutcome[] {
  const rows = rowsOf(sheet, header);
  const judged = rows.map((c) =>
    judgeEnroll(
      book,
      {
        ref: c.row,
        idNumber: c.get('idNumber'),
        name: c.get('name').text,
        plan: c.get('plan').text,
        mode: kind,
        certificate: c.get('certificate').text,
        level: c.get('level').text,
        subjects: [c.get('subject')],
        issues: c.issues,
      },
      today,
    ),
  );
  judgeBatch(book, judged, rowLabel);
  return judged.map((j, i) => ({
    row: j.ref,
    status: j.errors.length ? 'refused' : 'accepted',
    errors: toIssues(kind, j.ref, j.errors),
    warnings: toIssues(kind, j.ref, j.warnings),
    raw: rows[i]!.raw,
    judged: j,
  }));
}

export function judgeDeleteSheet(book: EnrollBook, sheet: Sheet, header: HeaderMap<EnrollColumn>, today: string): DeleteOutcome[] {
  const rows = rowsOf(sheet, header);
  const judged = rows.map((c) =>
    judgeDelete(
      book,
      {
        ref: c.row,
        idNumber: c.get('idNumber'),
        name: c.get('name').text,
        plan: c.get('plan').text,
        certificate: c.get('certificate').text,
        level: c.get('level').text,
        subject: c.get('subject'),
        issues: c.issues,
      },
      today,
    ),
  );
  judgeDeleteBatch(judged, rowLabel);
  return judged.map((j, i) => ({
    row: j.ref,
    status: j.errors.length ? 'refused' : 'accepted',
    errors: toIssues('delete', j.ref, j.errors),
    warnings: toIssues('delete', j.ref, j.warnings),
    raw: rows[i]!.raw,
    judged: j,
  }));
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
