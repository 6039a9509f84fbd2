import type { Database } from 'better-sqlite3';

/** The candidate list sorts 50,000 rows per kind by any of these: an index each, not a sort per keystroke. Frozen. */
export function up(db: Database): void {
  db.exec(`
    DROP INDEX candidates_pinyin;
    -- Newest first, and within one import in file order: updated_at DESC, id ASC.
    CREATE INDEX candidates_kind_updated ON candidates(kind, updated_at, id DESC);
    CREATE INDEX candidates_kind_pinyin ON candidates(kind, name_pinyin, id);
    CREATE INDEX candidates_kind_major ON candidates(kind, major, id);
    CREATE INDEX candidates_kind_year ON candidates(kind, entry_year, id);
    CREATE INDEX candidates_kind_id_number ON candidates(kind, id_number);
  `);
}
