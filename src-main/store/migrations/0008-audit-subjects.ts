import type { Database } from 'better-sqlite3';

/**
 * Who each audit entry is about, so the log is searched by a candidate or an account without
 * reading every entry: `audit_refs` lists an entry's subjects (its own entity, and the
 * candidates inside an import), `audit_people` names each subject once. Entries written before
 * are indexed here the way the core indexes new ones. Frozen.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE audit_refs (
      subject TEXT NOT NULL,
      audit_id INTEGER NOT NULL,
      own INTEGER NOT NULL CHECK (own IN (0, 1)),
      PRIMARY KEY (subject, audit_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX audit_refs_own ON audit_refs(audit_id) WHERE own = 1;

    CREATE TABLE audit_people (
      subject TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      code TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
  backfill(db);
}

const ID_RUN = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

interface Row {
  id: number;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

function backfill(db: Database): void {
  const page = db.prepare('SELECT id, entity_type, entity_id, before_json, after_json FROM audit_log WHERE id > ? ORDER BY id LIMIT 1000');
  const ref = db.prepare('INSERT OR IGNORE INTO audit_refs (subject, audit_id, own) VALUES (?, ?, ?)');
  const named = db.prepare('INSERT INTO audit_people (subject, name, code) VALUES (?, ?, ?) ON CONFLICT (subject) DO UPDATE SET name = excluded.name, code = excluded.code');
  const unnamed = db.prepare("INSERT OR IGNORE INTO audit_people (subject, name, code) VALUES (?, '', ?)");
  const candidateById = db.prepare('SELECT id_number, name FROM candidates WHERE id = ?');
  const candidateByNumber = db.prepare('SELECT name FROM candidates WHERE id_number = ?');
  const userById = db.prepare('SELECT username, display_name FROM users WHERE id = ?');
  const person = (id: string, name: string | null) => {
    const live = candidateByNumber.get(id) as { name: string } | undefined;
    if (live || name) named.run(`candidate:${id}`, live?.name ?? name, id);
    else unnamed.run(`candidate:${id}`, id);
  };
  let last = 0;
  for (;;) {
    const rows = page.all(last) as Row[];
    if (!rows.length) return;
    for (const r of rows) {
      last = r.id;
      const recorded = { ...parse(r.after_json), ...parse(r.before_json) };
      if (r.entity_type === 'candidate' && r.entity_id !== null) {
        const live = candidateById.get(Number(r.entity_id)) as { id_number: string; name: string } | undefined;
        const id = live?.id_number ?? (typeof recorded.idNumber === 'string' ? recorded.idNumber : null);
        if (id) {
          ref.run(`candidate:${id}`, r.id, 1);
          person(id, live?.name ?? (typeof recorded.name === 'string' ? recorded.name : null));
        }
      } else if (r.entity_type === 'user' && r.entity_id !== null) {
        const user = userById.get(Number(r.entity_id)) as { username: string; display_name: string } | undefined;
        ref.run(`user:${r.entity_id}`, r.id, 1);
        if (user) named.run(`user:${r.entity_id}`, user.display_name, user.username);
      }
      for (const m of `${r.entity_id ?? ''} ${r.before_json ?? ''} ${r.after_json ?? ''}`.matchAll(ID_RUN)) {
        const id = m[0].toUpperCase();
        ref.run(`candidate:${id}`, r.id, 0);
        person(id, null);
      }
    }
  }
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  const value: unknown = JSON.parse(json);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
