import type { Database } from 'better-sqlite3';

/** Institution, accounts, settings and the append-only audit log. Frozen: never edit. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE institution (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      province TEXT NOT NULL,
      city TEXT NOT NULL,
      district TEXT NOT NULL,
      address TEXT,
      contact_name TEXT,
      contact_phone TEXT,
      contact_email TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL COLLATE NOCASE UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('principal', 'coordinator', 'invigilator')),
      password_hash TEXT NOT NULL,
      phone TEXT,
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      last_login_at TEXT
    ) STRICT;
    -- The manual: one and only one principal per institution.
    CREATE UNIQUE INDEX users_one_principal ON users(role) WHERE role = 'principal';

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      actor_id INTEGER,
      actor_role TEXT,
      operation TEXT NOT NULL,
      entity_type TEXT NOT NULL,
      entity_id TEXT,
      before_json TEXT,
      after_json TEXT
    ) STRICT;
    CREATE INDEX audit_log_at ON audit_log(at);
    CREATE INDEX audit_log_actor_at ON audit_log(actor, at);
    CREATE INDEX audit_log_operation_at ON audit_log(operation, at);
    CREATE INDEX audit_log_entity ON audit_log(entity_type, entity_id);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `);
}
