import type { Database } from 'better-sqlite3';

/**
 * An account whose password the principal chose (created or reset by the principal) must change
 * it at its first login: the principal knows it, and it travelled by word of mouth. Existing
 * accounts keep theirs. Frozen.
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1))');
}
