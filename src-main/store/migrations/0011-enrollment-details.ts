import type { Database } from 'better-sqlite3';

/**
 * 报考 in detail (the manual's 2.2.7): how each enrollment was made (按证书 enrolls every subject
 * of a certificate, 按科目 the chosen ones: the platform takes each in its own template), and
 * when it was sent to the platform. A sent enrollment that is deleted leaves a row in
 * `enrollment_deletions` until the deletion itself is sent (批量删除报考 on the platform).
 * Frozen.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE enrollments ADD COLUMN mode TEXT NOT NULL DEFAULT 'subject' CHECK (mode IN ('certificate', 'subject'));
    ALTER TABLE enrollments ADD COLUMN sent_at TEXT;
    CREATE INDEX enrollments_unsent ON enrollments(id) WHERE sent_at IS NULL;

    CREATE TABLE enrollment_deletions (
      id INTEGER PRIMARY KEY,
      id_number TEXT NOT NULL,
      name TEXT NOT NULL,
      plan_code TEXT NOT NULL,
      subject_code TEXT NOT NULL,
      certificate_code TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('初级', '中级', '高级')),
      mode TEXT NOT NULL CHECK (mode IN ('certificate', 'subject')),
      enrolled_at TEXT NOT NULL,
      deleted_at TEXT NOT NULL,
      sent_at TEXT
    ) STRICT;
    CREATE INDEX enrollment_deletions_unsent ON enrollment_deletions(id_number, plan_code, subject_code) WHERE sent_at IS NULL;
  `);
}
