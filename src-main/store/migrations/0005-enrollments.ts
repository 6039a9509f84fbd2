import type { Database } from 'better-sqlite3';

/**
 * 报考: a candidate × exam plan × subject (DESIGN.md §3), paid or not. The registration workflow
 * fills it; the table comes first because candidates and catalog entries that someone is
 * enrolled with must not be deleted, and the database itself is what refuses. Frozen.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE enrollments (
      id INTEGER PRIMARY KEY,
      candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE RESTRICT,
      plan_code TEXT NOT NULL REFERENCES exam_plans(code) ON DELETE RESTRICT,
      subject_code TEXT NOT NULL REFERENCES exam_subjects(code) ON DELETE RESTRICT,
      paid INTEGER NOT NULL DEFAULT 0 CHECK (paid IN (0, 1)),
      created_at TEXT NOT NULL,
      UNIQUE (candidate_id, plan_code, subject_code)
    ) STRICT;
    CREATE INDEX enrollments_plan_subject ON enrollments(plan_code, subject_code);
  `);
}
