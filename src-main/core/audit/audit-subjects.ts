import { sql, type Kysely, type SqlBool } from 'kysely';
import { idNumbersIn } from '../../../src-shared/domain/audit-labels';
import type { DB } from '../../store/schema';
import type { Store } from '../../store/store';

/**
 * Who an audit entry is about: its own candidate or account, and every candidate whose ID number
 * it holds (the rows of an import). Written with the entry, in its transaction, so searching the
 * log by a person reads `audit_people` (one row per person) and an index, never every entry.
 * Migration 0008 indexed the entries written before the same way.
 */

export interface SubjectRecord {
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

const REF = 'INSERT OR IGNORE INTO audit_refs (subject, audit_id, own) VALUES (?, ?, ?)';
const NAMED = 'INSERT INTO audit_people (subject, name, code) VALUES (?, ?, ?) ON CONFLICT (subject) DO UPDATE SET name = excluded.name, code = excluded.code';
const UNNAMED = "INSERT OR IGNORE INTO audit_people (subject, name, code) VALUES (?, '', ?)";
// The candidate's name as the store has it now: one statement per person an import holds.
const LIVE_PERSON = `INSERT INTO audit_people (subject, name, code) SELECT 'candidate:' || id_number, name, id_number FROM candidates WHERE id_number = ?
  ON CONFLICT (subject) DO UPDATE SET name = excluded.name`;
const CANDIDATE_BY_ID = 'SELECT id_number, name FROM candidates WHERE id = ?';
const USER_BY_ID = 'SELECT username, display_name FROM users WHERE id = ?';

export const candidateSubject = (idNumber: string) => `candidate:${idNumber}`;
export const userSubject = (id: string | number) => `user:${id}`;

function fields(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const textOf = (v: unknown) => (typeof v === 'string' && v ? v : null);

export function indexSubjects(store: Store, auditId: number, record: SubjectRecord, recordedJson: string): void {
  const ref = store.prepare(REF);
  const person = (idNumber: string, name: string | null) => {
    if (store.prepare(LIVE_PERSON).run(idNumber).changes > 0) return;
    if (name) store.prepare(NAMED).run(candidateSubject(idNumber), name, idNumber);
    else store.prepare(UNNAMED).run(candidateSubject(idNumber), idNumber);
  };
  const id = record.entityId;
  if (id !== undefined && id !== null) {
    // A deleted candidate is gone from the store by now: its `before` says who it was.
    const recorded = { ...fields(record.after), ...fields(record.before) };
    if (record.entityType === 'candidate') {
      const live = store.prepare(CANDIDATE_BY_ID).get(Number(id)) as { id_number: string; name: string } | undefined;
      const idNumber = live?.id_number ?? textOf(recorded.idNumber);
      if (idNumber) {
        ref.run(candidateSubject(idNumber), auditId, 1);
        person(idNumber, live?.name ?? textOf(recorded.name));
      }
    } else if (record.entityType === 'user') {
      ref.run(userSubject(id), auditId, 1);
      const user = store.prepare(USER_BY_ID).get(Number(id)) as { username: string; display_name: string } | undefined;
      if (user) store.prepare(NAMED).run(userSubject(id), user.display_name, user.username);
    }
  }
  for (const idNumber of new Set(idNumbersIn(recordedJson))) {
    ref.run(candidateSubject(idNumber), auditId, 0);
    person(idNumber, null);
  }
}

/** What is typed is text: LIKE's % and _ are escaped. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** The people (candidates, accounts) a search names: by name, by part of the ID number or by username. */
export function matchingPeople(q: Kysely<DB>, search: string) {
  const pattern = likePattern(search.trim());
  return q
    .selectFrom('audit_people as p')
    .where((eb) => eb.or([sql<SqlBool>`${eb.ref('p.name')} LIKE ${pattern} ESCAPE '\\'`, sql<SqlBool>`${eb.ref('p.code')} LIKE ${pattern} ESCAPE '\\'`]));
}

/**
 * The entries about the people a search names: the people first (one row each), then their
 * entries through `audit_refs`' primary key — never a pass over the refs, which grow with the log.
 */
export function entriesAbout(q: Kysely<DB>, search: string) {
  return q.selectFrom('audit_refs as r').select('r.audit_id').where('r.subject', 'in', matchingPeople(q, search).select('p.subject'));
}
