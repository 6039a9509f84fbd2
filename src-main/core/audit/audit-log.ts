import { sql, type Compilable, type Kysely } from 'kysely';
import type { AuditFacet, AuditFilter } from '../../../src-shared/api/audit';
import { ACTOR_LABELS, ENTITY_LABELS, OPERATION_LABELS } from '../../../src-shared/domain/audit-labels';
import type { DB } from '../../store/schema';
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

/** The filters' dates are the user's local days; `at` is UTC ISO. */
function dayStart(date: string): string {
  return new Date(`${date.slice(0, 10)}T00:00:00`).toISOString();
}

/** The entries a filter keeps: every filter is answered by an index (see the query-plan test). */
export function filteredAudit(q: Kysely<DB>, f: AuditFilter) {
  let query = q.selectFrom('audit_log');
  if (f.actor) query = query.where('actor', '=', f.actor);
  if (f.operation) query = query.where('operation', '=', f.operation);
  if (f.entityType) query = query.where('entity_type', '=', f.entityType);
  if (f.from) query = query.where('at', '>=', dayStart(f.from));
  if (f.to) query = query.where('at', '<', new Date(new Date(dayStart(f.to)).getTime() + 86_400_000).toISOString());
  if (f.search) query = query.where('id', 'in', entriesAbout(q, f.search));
  return query;
}

/**
 * What the view reads of an entry: an import's rows stay in the database (SQLite drops them
 * from the JSON, the list only counts them), so a page of imports of 10,000 rows stays small.
 */
export function auditRowsSelect(q: Kysely<DB>, f: AuditFilter) {
  return filteredAudit(q, f).select([
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

export function countAudit(store: Store, f: AuditFilter): number {
  return store.get(filteredAudit(store.q, f).select(sql<number>`count(*)`.as('n')))?.n ?? 0;
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
