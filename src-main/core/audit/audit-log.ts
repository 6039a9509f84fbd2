import { sql, type Compilable, type Kysely } from 'kysely';
import type { AuditFacet, AuditFilter } from '../../../src-shared/api/audit';
import { ACTOR_LABELS, ENTITY_LABELS, OPERATION_LABELS } from '../../../src-shared/domain/audit-labels';
import type { DB } from '../../store/schema';
import { institutionDayStart } from '../../../src-shared/domain/institution-time';
import type { Store } from '../../store/store';
import type { CallContext } from '../call-context';
import { entriesAbout, indexSubjects } from './audit-subjects';

export interface AuditRecord {
  operation: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * One row of an import entry's `after.changes`: what the import did to one thing. The package
 * import's `EntityChange` has this shape; the candidate and photo imports write the same.
 */
export interface AuditRowRecord {
  kind?: string;
  /** Chinese name of the entity type: 考生, 照片, 考试计划… */
  entity: string;
  key: string;
  title: string;
  status: 'new' | 'changed' | 'replaced';
  changes: { field: string; old: unknown; new: unknown }[];
}

/** Fields never worth keeping in the log, whatever entity they sit on. */
const SECRET_KEYS = new Set(['password', 'password_hash', 'passwordHash', 'oldPassword', 'newPassword', 'sessionToken']);

function scrub(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (k, v) => (SECRET_KEYS.has(k) ? '[已隐藏]' : v));
}

/** Must run inside the mutation's own transaction, so the entry and the change land together. */
export function writeAudit(call: CallContext, record: AuditRecord): void {
  insertAudit(call.app.store, call.actor, record, call.app.now());
  call.audited++;
}

// Imports write many rows in one transaction: a prepared statement, not a query compiled per call.
const INSERT_AUDIT = `INSERT INTO audit_log (at, actor, actor_id, actor_role, operation, entity_type, entity_id, before_json, after_json)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertAudit(store: Store, actor: { name: string; id: number | null; role: string | null }, record: AuditRecord, at: Date): void {
  const before = scrub(record.before);
  const after = scrub(record.after);
  const { lastInsertRowid } = store
    .prepare(INSERT_AUDIT)
    .run(
      at.toISOString(),
      actor.name,
      actor.id,
      actor.role,
      record.operation,
      record.entityType,
      record.entityId === undefined || record.entityId === null ? null : String(record.entityId),
      before,
      after,
    );
  indexSubjects(store, Number(lastInsertRowid), record, `${record.entityId ?? ''} ${before ?? ''} ${after ?? ''}`);
}

/**
 * The entries a filter keeps, each filter answered by an index (see the query-plan test). A
 * search names a few people: their entries are found through `audit_refs`, and `+` keeps SQLite
 * from walking a whole operation's (or actor's, or month's) entries instead to test each.
 */
export function filteredAudit(q: Kysely<DB>, f: AuditFilter) {
  const column = (name: 'actor' | 'operation' | 'entity_type' | 'at') => (f.search ? sql<string>`+${sql.ref(name)}` : sql<string>`${sql.ref(name)}`);
  let query = q.selectFrom('audit_log');
  if (f.actor) query = query.where(column('actor'), '=', f.actor);
  if (f.operation) query = query.where(column('operation'), '=', f.operation);
  if (f.entityType) query = query.where(column('entity_type'), '=', f.entityType);
  if (f.from) query = query.where(column('at'), '>=', institutionDayStart(f.from).toISOString());
  if (f.to) query = query.where(column('at'), '<', institutionDayStart(f.to, 1).toISOString());
  if (f.search) query = query.where('id', 'in', entriesAbout(q, f.search));
  return query;
}

/**
 * What the view reads of the entries `ids` names: an import's rows stay in the database (SQLite
 * drops them from the JSON, the list only counts them), so a page of imports of 10,000 rows
 * stays small. Pages are chosen by id first (`pageIds`), so a filter matching 90,000 entries
 * sorts 90,000 integers from an index, not 90,000 rows with their JSON.
 */
export function auditRows(store: Store, ids: number[]): AuditLogRow[] {
  if (!ids.length) return [];
  return store.all(auditRowsSelect(store.q).where('id', 'in', ids).orderBy('id', 'desc'));
}

function auditRowsSelect(q: Kysely<DB>) {
  return q
    .selectFrom('audit_log')
    .select([
      'id',
      'at',
      'actor',
      'actor_id',
      'actor_role',
      'operation',
      'entity_type',
      'entity_id',
      'before_json',
      sql<string | null>`json_remove(after_json, '$.changes', '$.added', '$.idNumbers')`.as('after_json'),
      sql<number>`coalesce(json_array_length(after_json, '$.changes'), json_array_length(after_json, '$.added'), json_array_length(after_json, '$.idNumbers'), 0)`.as('row_count'),
    ]);
}

export type AuditLogRow = ReturnType<typeof auditRowsSelect> extends Compilable<infer R> ? R : never;

/** The ids of one page of a filter's entries, newest first; `below` pages on by id (the export). */
export function pageIdsQuery(q: Kysely<DB>, f: AuditFilter, page: { limit: number; offset?: number; below?: number }) {
  let query = filteredAudit(q, f).select('id').orderBy('id', 'desc').limit(page.limit);
  if (page.below !== undefined) query = query.where('id', '<', page.below);
  if (page.offset) query = query.offset(page.offset);
  return query;
}

export function pageIds(store: Store, f: AuditFilter, page: { limit: number; offset?: number; below?: number }): number[] {
  return store.all(pageIdsQuery(store.q, f, page)).map((r) => r.id);
}

export const countQuery = (q: Kysely<DB>, f: AuditFilter) => filteredAudit(q, f).select(sql<number>`count(*)`.as('n'));

export function countAudit(store: Store, f: AuditFilter): number {
  return store.get(countQuery(store.q, f))?.n ?? 0;
}

export function auditFacets(store: Store): { actors: AuditFacet[]; operations: AuditFacet[]; entityTypes: AuditFacet[] } {
  const distinct = (col: 'actor' | 'operation' | 'entity_type') =>
    store.all(store.q.selectFrom('audit_log').select(col).distinct().orderBy(col)).map((r) => String((r as Record<string, unknown>)[col]));
  const accounts = new Map(store.all(store.q.selectFrom('users').select(['username', 'display_name'])).map((u) => [u.username, u.display_name]));
  return {
    actors: distinct('actor').map((a) => ({ value: a, label: ACTOR_LABELS[a] ?? (accounts.has(a) ? `${accounts.get(a)}（${a}）` : a) })),
    operations: distinct('operation').map((o) => ({ value: o, label: OPERATION_LABELS[o] ?? o })),
    entityTypes: distinct('entity_type').map((t) => ({ value: t, label: ENTITY_LABELS[t] ?? t })),
  };
}
