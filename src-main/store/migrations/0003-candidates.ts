import type { Database } from 'better-sqlite3';

/** 考生 and their photos (kept inside the store: PII never sits loose in a folder). Frozen. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE candidates (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('school', 'social')),
      name TEXT NOT NULL,
      name_pinyin TEXT NOT NULL DEFAULT '',
      id_number TEXT NOT NULL UNIQUE CHECK (length(id_number) = 18),
      phone TEXT,
      major TEXT,
      major_level TEXT,
      entry_year INTEGER,
      education TEXT,
      employer TEXT,
      realname_status TEXT NOT NULL DEFAULT 'unverified' CHECK (realname_status IN ('unverified', 'verified', 'failed', 'confirmed')),
      realname_reason TEXT,
      realname_confirmed_by TEXT,
      realname_confirmed_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX candidates_kind_name ON candidates(kind, name);
    CREATE INDEX candidates_pinyin ON candidates(name_pinyin);
    CREATE INDEX candidates_phone ON candidates(phone);
    CREATE INDEX candidates_realname ON candidates(realname_status);

    CREATE TABLE candidate_photos (
      candidate_id INTEGER PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
      data BLOB NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('jpeg', 'png')),
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      background TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;
  `);
}
