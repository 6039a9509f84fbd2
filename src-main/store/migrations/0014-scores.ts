import type { Database } from 'better-sqlite3';

/**
 * 科目成绩 (the manual's 2.2.10): the organisation's score of each enrolled subject, as its
 * `scores` packages sent it — one current value per enrollment, every value it replaced kept in
 * `score_revisions` — the coordinator's 有异议 flags, and the plans whose publicity window has
 * ended. Once a plan is in `score_locks` its scores are permanent (永久锁定): the triggers refuse
 * any new, changed or deleted score, revision or lock of it, whatever path the write comes by.
 * The core adds the lock when it sees the window over (the clock is the core's, not SQLite's).
 * Frozen.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE scores (
      id INTEGER PRIMARY KEY,
      -- The enrollment scored: its candidate, plan and subject. An enrollment with a score is never deleted.
      enrollment_id INTEGER NOT NULL UNIQUE REFERENCES enrollments(id) ON DELETE RESTRICT,
      plan_code TEXT NOT NULL REFERENCES exam_plans(code) ON DELETE RESTRICT,
      subject_code TEXT NOT NULL REFERENCES exam_subjects(code) ON DELETE RESTRICT,
      -- To one decimal, as the organisation marks; NULL when the candidate was absent (缺考).
      score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1000 AND abs(score * 10 - round(score * 10)) < 1e-6)),
      absent INTEGER NOT NULL CHECK (absent IN (0, 1)),
      -- The platform's time of issue of this value: a later package replaces it, an older one never does.
      issued_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      CHECK ((absent = 1) = (score IS NULL))
    ) STRICT;
    CREATE INDEX scores_plan_subject ON scores(plan_code, subject_code);

    CREATE TRIGGER scores_match_enrollment BEFORE INSERT ON scores
      WHEN NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.id = NEW.enrollment_id AND e.plan_code = NEW.plan_code AND e.subject_code = NEW.subject_code)
      BEGIN SELECT RAISE(ABORT, 'a score belongs to an enrollment of its plan and subject'); END;
    CREATE TRIGGER scores_enrollment_fixed BEFORE UPDATE OF enrollment_id, plan_code, subject_code ON scores
      BEGIN SELECT RAISE(ABORT, 'a score stays with its enrollment'); END;

    -- Each value a later package replaced, with when it stood: the score's history.
    CREATE TABLE score_revisions (
      id INTEGER PRIMARY KEY,
      score_id INTEGER NOT NULL REFERENCES scores(id) ON DELETE RESTRICT,
      score REAL,
      absent INTEGER NOT NULL CHECK (absent IN (0, 1)),
      issued_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      replaced_at TEXT NOT NULL,
      CHECK ((absent = 1) = (score IS NULL))
    ) STRICT;
    CREATE INDEX score_revisions_score ON score_revisions(score_id);
    CREATE TRIGGER score_revisions_append_only BEFORE UPDATE ON score_revisions
      BEGIN SELECT RAISE(ABORT, 'a score revision is history'); END;
    CREATE TRIGGER score_revisions_kept BEFORE DELETE ON score_revisions
      BEGIN SELECT RAISE(ABORT, 'a score revision is history'); END;

    -- 有异议: a coordinator's flag on a score, with why; closed when a corrected score arrives or the flag is withdrawn.
    CREATE TABLE score_disputes (
      id INTEGER PRIMARY KEY,
      score_id INTEGER NOT NULL REFERENCES scores(id) ON DELETE RESTRICT,
      note TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 200),
      flagged_at TEXT NOT NULL,
      flagged_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
      flagged_by_name TEXT NOT NULL CHECK (length(flagged_by_name) BETWEEN 1 AND 60),
      -- When it left in a 成绩异议 package (NULL: not sent yet).
      sent_at TEXT,
      closed_at TEXT,
      closed_reason TEXT CHECK (closed_reason IN ('corrected', 'withdrawn', 'locked')),
      CHECK ((closed_at IS NULL) = (closed_reason IS NULL))
    ) STRICT;
    CREATE UNIQUE INDEX score_disputes_open ON score_disputes(score_id) WHERE closed_at IS NULL;

    -- A plan whose publicity window has ended: its scores are final.
    CREATE TABLE score_locks (
      plan_code TEXT PRIMARY KEY REFERENCES exam_plans(code) ON DELETE RESTRICT,
      locked_at TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER score_locks_permanent_update BEFORE UPDATE ON score_locks
      BEGIN SELECT RAISE(ABORT, 'scores locked after publicity stay locked'); END;
    CREATE TRIGGER score_locks_permanent_delete BEFORE DELETE ON score_locks
      BEGIN SELECT RAISE(ABORT, 'scores locked after publicity stay locked'); END;

    CREATE TRIGGER scores_locked_insert BEFORE INSERT ON scores
      WHEN EXISTS (SELECT 1 FROM score_locks l WHERE l.plan_code = NEW.plan_code)
      BEGIN SELECT RAISE(ABORT, 'the plan scores are locked'); END;
    CREATE TRIGGER scores_locked_update BEFORE UPDATE ON scores
      WHEN EXISTS (SELECT 1 FROM score_locks l WHERE l.plan_code = OLD.plan_code)
      BEGIN SELECT RAISE(ABORT, 'the plan scores are locked'); END;
    CREATE TRIGGER scores_locked_delete BEFORE DELETE ON scores
      WHEN EXISTS (SELECT 1 FROM score_locks l WHERE l.plan_code = OLD.plan_code)
      BEGIN SELECT RAISE(ABORT, 'the plan scores are locked'); END;
    CREATE TRIGGER score_revisions_locked BEFORE INSERT ON score_revisions
      WHEN EXISTS (SELECT 1 FROM scores s JOIN score_locks l ON l.plan_code = s.plan_code WHERE s.id = NEW.score_id)
      BEGIN SELECT RAISE(ABORT, 'the plan scores are locked'); END;
    CREATE TRIGGER score_disputes_locked BEFORE INSERT ON score_disputes
      WHEN EXISTS (SELECT 1 FROM scores s JOIN score_locks l ON l.plan_code = s.plan_code WHERE s.id = NEW.score_id)
      BEGIN SELECT RAISE(ABORT, 'the plan scores are locked'); END;
  `);
}
