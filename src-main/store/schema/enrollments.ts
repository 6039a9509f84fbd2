import { col, table, type RowOf } from './columns';

const MODES = ['certificate', 'subject'] as const;

/** 报考: a candidate × exam plan × subject, paid or not (migration 0005), how it was made and when sent (0011). */
export const enrollmentTables = {
  enrollments: table({
    id: col.int().primaryKey().generated(),
    candidate_id: col.int(),
    plan_code: col.text(),
    subject_code: col.text(),
    paid: col.int(0, 1),
    created_at: col.text(),
    mode: col.text(...MODES).generated(),
    sent_at: col.text().nullable(),
  }),
  /** A sent enrollment that was deleted, until the deletion is sent too. */
  enrollment_deletions: table({
    id: col.int().primaryKey().generated(),
    id_number: col.text(),
    name: col.text(),
    plan_code: col.text(),
    subject_code: col.text(),
    certificate_code: col.text(),
    level: col.text('初级', '中级', '高级'),
    mode: col.text(...MODES),
    enrolled_at: col.text(),
    deleted_at: col.text(),
    sent_at: col.text().nullable(),
  }),
};

export type EnrollmentTable = RowOf<typeof enrollmentTables.enrollments>;
export type EnrollmentDeletionTable = RowOf<typeof enrollmentTables.enrollment_deletions>;
