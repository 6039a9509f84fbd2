import type { Database } from 'better-sqlite3';

/**
 * 考证结果 as the platform computed it (the manual's 2.2.11): from its `results` packages, one
 * verdict per plan, candidate and certificate+level — the composite it reports (NULL when its
 * rule has none it reports), pass or fail, and when it issued that verdict. The app never takes
 * these over: it computes its own (core/results/local-results) and lists every disagreement. A
 * newer verdict replaces an older one. No foreign key to exam_plan_certificates: a re-imported
 * catalog rewrites those rows; the core checks the certificate when it imports. Frozen.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE platform_results (
      id INTEGER PRIMARY KEY,
      plan_code TEXT NOT NULL REFERENCES exam_plans(code) ON DELETE RESTRICT,
      candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE RESTRICT,
      certificate_code TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('初级', '中级', '高级')),
      -- To one decimal, as the platform reports it.
      composite REAL CHECK (composite IS NULL OR (composite >= 0 AND composite <= 1000 AND abs(composite * 10 - round(composite * 10)) < 1e-6)),
      passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
      -- The platform's time of issue of this verdict: a later one replaces it, an older one never does.
      issued_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      UNIQUE (plan_code, candidate_id, certificate_code, level)
    ) STRICT;
    CREATE INDEX platform_results_candidate ON platform_results(candidate_id);
  `);
}
