import { col, table, type RowOf } from './columns';

/** 科目成绩: each enrollment's current score, the values it replaced, 有异议 flags and the plans locked after publicity (migration 0014). */
export const scoreTables = {
  scores: table({
    id: col.int().primaryKey().generated(),
    enrollment_id: col.int(),
    plan_code: col.text(),
    subject_code: col.text(),
    score: col.real().nullable(),
    absent: col.int(0, 1),
    issued_at: col.text(),
    received_at: col.text(),
  }),
  score_revisions: table({
    id: col.int().primaryKey().generated(),
    score_id: col.int(),
    score: col.real().nullable(),
    absent: col.int(0, 1),
    issued_at: col.text(),
    received_at: col.text(),
    replaced_at: col.text(),
  }),
  score_disputes: table({
    id: col.int().primaryKey().generated(),
    score_id: col.int(),
    note: col.text(),
    flagged_at: col.text(),
    flagged_by: col.int().nullable(),
    flagged_by_name: col.text(),
    sent_at: col.text().nullable(),
    closed_at: col.text().nullable(),
    closed_reason: col.text('corrected', 'withdrawn', 'locked').nullable(),
  }),
  score_locks: table({
    plan_code: col.text().primaryKey(),
    locked_at: col.text(),
  }),
};

export type ScoreTable = RowOf<typeof scoreTables.scores>;
export type ScoreRevisionTable = RowOf<typeof scoreTables.score_revisions>;
export type ScoreDisputeTable = RowOf<typeof scoreTables.score_disputes>;
