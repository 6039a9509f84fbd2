import { col, table, type RowOf } from './columns';

/** 报考: a candidate × exam plan × subject, paid or not (migration 0005). */
export const enrollmentTables = {
  enrollments: table({
    id: col.int().primaryKey().generated(),
    candidate_id: col.int(),
    plan_code: col.text(),
    subject_code: col.text(),
    paid: col.int(0, 1),
    created_at: col.text(),
  }),
};

export type EnrollmentTable = RowOf<typeof enrollmentTables.enrollments>;
