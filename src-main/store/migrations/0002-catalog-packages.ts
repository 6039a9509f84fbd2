import type { Database } from 'better-sqlite3';

/** What the platform sends (catalog, plans, subjects, exam plans) and the exchange history. Frozen. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE organisations (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL
    ) STRICT;

    CREATE TABLE certificates (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      short_name TEXT NOT NULL,
      org_code TEXT NOT NULL,
      levels_json TEXT NOT NULL
    ) STRICT;

    CREATE TABLE majors (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      level TEXT NOT NULL
    ) STRICT;

    CREATE TABLE declaration_plans (
      code TEXT PRIMARY KEY,
      province TEXT NOT NULL,
      batch TEXT NOT NULL,
      window_start TEXT NOT NULL,
      window_end TEXT NOT NULL,
      by_major INTEGER NOT NULL CHECK (by_major IN (0, 1)),
      city_approval INTEGER NOT NULL CHECK (city_approval IN (0, 1)),
      status TEXT NOT NULL
    ) STRICT;

    CREATE TABLE exam_subjects (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      method TEXT NOT NULL CHECK (method IN ('机考', '实操', '笔试')),
      certificate_code TEXT NOT NULL,
      level TEXT NOT NULL,
      target TEXT NOT NULL,
      status TEXT NOT NULL
    ) STRICT;
    CREATE INDEX exam_subjects_certificate ON exam_subjects(certificate_code, level);

    CREATE TABLE exam_plans (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      org_code TEXT NOT NULL,
      status TEXT NOT NULL,
      windows_json TEXT NOT NULL,
      registration_start TEXT NOT NULL,
      publicity_end TEXT NOT NULL
    ) STRICT;

    -- One row per certificate+level of a plan: its pass rule and subjects, as the platform sent them.
    CREATE TABLE exam_plan_certificates (
      plan_code TEXT NOT NULL REFERENCES exam_plans(code) ON DELETE CASCADE,
      certificate_code TEXT NOT NULL,
      level TEXT NOT NULL,
      composite_pass_score REAL,
      all_subjects_pass INTEGER NOT NULL CHECK (all_subjects_pass IN (0, 1)),
      subjects_json TEXT NOT NULL,
      PRIMARY KEY (plan_code, certificate_code, level)
    ) STRICT;

    CREATE TABLE package_history (
      id INTEGER PRIMARY KEY,
      direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
      kinds_json TEXT NOT NULL,
      sender_id TEXT NOT NULL,
      sender_name TEXT NOT NULL,
      institution_code TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      package_created_at TEXT NOT NULL,
      processed_at TEXT NOT NULL,
      actor TEXT NOT NULL,
      result TEXT NOT NULL CHECK (result IN ('applied', 'written')),
      counts_json TEXT NOT NULL,
      file_hash TEXT NOT NULL,
      file_name TEXT NOT NULL,
      signature TEXT NOT NULL,
      -- Outbound packages are kept in the data folder so they can be written out again.
      stored_path TEXT,
      uploaded_at TEXT
    ) STRICT;
    CREATE INDEX package_history_sender ON package_history(direction, sender_id, sequence);
    CREATE UNIQUE INDEX package_history_out_sequence ON package_history(sequence) WHERE direction = 'out';
  `);
}
