import { sql } from 'kysely';
import type { AuditEntry } from '../../../src-shared/api/audit';
import type { Page } from '../../../src-shared/api/contract';
import { institutionDayStart } from '../../../src-shared/domain/institution-time';
import type { Store } from '../../store/store';
import type { CallContext } from '../call-context';

export interface AuditRecord {
  operation: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
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

// Every import writes one entry per row: a prepared statement, not a query compiled per call.
const INSERT_AUDIT = `INSERT INTO audit_log (at, actor, actor_id, actor_role, operation, entity_type, entity_id, before_json, after_json)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertAudit(store: Store, actor: { name: string; id: number | null; role: string | null }, record: AuditRecord, at: Date): void {
  store
    .prepare(INSERT_AUDIT)
    .run(
      at.toISOString(),
      actor.name,
      actor.id,
      actor.role,
      record.operation,
      record.entityType,
      record.entityId === undefined || record.entityId === null ? null : String(record.entityId),
      scrub(record.before),
      scrub(record.after),
    );
}

export interface AuditFilter {
  actor?: string | undefined;
  operation?: string | undefined;
  entityType?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export function listAudit(store: Store, f: AuditFilter): Page<AuditEntry> {
  let query = store.q.selectFrom('audit_log');
  if (f.actor) query = query.where('actor', '=', f.actor);
  if (f.operation) query = query.where('operation', '=', f.operation);
  if (f.entityType) query = query.where('entity_type', '=', f.entityType);
  // `at` is UTC ISO; the filter's dates are the institution's days, as the log shows its times.
  if (f.from) query = query.where('at', '>=', institutionDayStart(f.from).toISOString());
  if (f.to) query = query.where('at', '<', institutionDayStart(f.to, 1).toISOString());
  const total = store.get(query.select(sql<number>`count(*)`.as('n')))?.n ?? 0;
  const rows = store.all(
    query
      .selectAll()
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
  );
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      actorRole: r.actor_role,
      operation: r.operation,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
    })),
  };
}

export function auditFacets(store: Store): { actors: string[]; operations: string[]; entityTypes: string[] } {
  const distinct = (col: 'actor' | 'operation' | 'entity_type') =>
    store.all(store.q.selectFrom('audit_log').select(col).distinct().orderBy(col)).map((r) => String((r as Record<string, unknown>)[col]));
  return { actors: distinct('actor'), operations: distinct('operation'), entityTypes: distinct('entity_type') };
}
