import type { AuditChange, AuditEntry, AuditFilter, AuditRow } from '../../../src-shared/api/audit';
import type { Page } from '../../../src-shared/api/contract';
import {
  CHANGE_STATUS_LABELS,
  ENTITY_LABELS,
  OPERATION_LABELS,
  fieldLabel,
  formatAuditValue,
  idNumbersIn,
  isShownField,
  maskIdNumbersIn,
} from '../../../src-shared/domain/audit-labels';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { auditRows, countAudit, pageIds, type AuditLogRow, type AuditRowRecord } from './audit-log';
import { AuditNames, type Recorded } from './audit-names';
import { matchingPeople } from './audit-subjects';

/**
 * The audit log as the principal reads it, built here so the page and the export show the same:
 * names instead of ids, each change field by field with Chinese labels, an import's rows inside
 * its one entry. Every string leaves through `maskDeep`: no full ID number in the view.
 */

function parse(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

function asRecord(value: unknown): Recorded | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Recorded) : null;
}

/** Masks every ID number in every string of a value the view hands out. */
export function maskDeep<T>(value: T): T {
  if (typeof value === 'string') return maskIdNumbersIn(value) as T;
  if (Array.isArray(value)) return value.map(maskDeep) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v);
    return out as T;
  }
  return value;
}

/**
 * Field by field: a creation shows what was recorded, a deletion what was there, an update only
 * the fields that differ.
 */
export function changesOf(entityType: string, before: unknown, after: unknown): AuditChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter(isShownField);
  return fields.flatMap((field) => {
    const was = b ? formatAuditValue(entityType, field, b[field]) : null;
    const now = a ? formatAuditValue(entityType, field, a[field]) : null;
    if ((b && a && was === now) || (was === null && now === null)) return [];
    return [{ field, label: fieldLabel(entityType, field), before: was, after: now }];
  });
}

/**
 * 手机号：13800000000 → 13900000000；专业：… (the export's 修改内容 and the list's summary). An
 * update says old → new for every field; otherwise a field without an old value is what was recorded.
 */
export function changesText(changes: AuditChange[], kind?: AuditEntry['changeKind']): string {
  const shown = (v: string | null) => v ?? '（空）';
  return changes
    .map((c) =>
      kind === 'updated' || (kind === undefined && c.before !== null)
        ? `${c.label}：${shown(c.before)} → ${shown(c.after)}`
        : `${c.label}：${shown(kind === 'deleted' ? c.before : c.after)}`,
    )
    .join('；');
}

function kindOf(before: unknown, after: unknown): AuditEntry['changeKind'] {
  if (asRecord(before) && asRecord(after)) return 'updated';
  return asRecord(before) ? 'deleted' : 'created';
}

const SUMMARY_LIMIT = 300;

function entryOf(row: AuditLogRow, names: AuditNames): AuditEntry {
  let before = parse(row.before_json);
  let after = parse(row.after_json);
  // A restore's `before` only names the safety backup taken first: one list of what happened.
  if (row.operation === 'backup.restore') {
    after = { ...asRecord(after), ...asRecord(before) };
    before = null;
  }
  const recorded = { ...asRecord(after), ...asRecord(before) };
  const changes = changesOf(row.entity_type, before, after);
  const changeKind = kindOf(before, after);
  // An import reads best by its counts; its rows are inside.
  const text = changes.find((c) => c.field === 'counts')?.after ?? changesText(changes, changeKind);
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    actorLabel: names.actor(row),
    actorRole: row.actor_role,
    operation: row.operation,
    operationLabel: OPERATION_LABELS[row.operation] ?? row.operation,
    entityType: row.entity_type,
    entityTypeLabel: ENTITY_LABELS[row.entity_type] ?? row.entity_type,
    entityId: row.entity_id,
    entityLabel: names.entity(row, recorded),
    changeKind,
    changes,
    summary: text.length > SUMMARY_LIMIT ? `${text.slice(0, SUMMARY_LIMIT)}…` : text,
    rowCount: row.row_count,
  };
}

/** Entries as the view shows them, masked; the names of a batch are read together. */
export function auditEntries(store: Store, rows: AuditLogRow[]): AuditEntry[] {
  const names = new AuditNames(store).loadEntries(rows);
  return maskDeep(rows.map((r) => entryOf(r, names)));
}

export function listAudit(store: Store, input: AuditFilter & { page: number; pageSize: number }): Page<AuditEntry> {
  const { page, pageSize, ...filter } = input;
  const total = countAudit(store, filter);
  const rows = auditRows(store, pageIds(store, filter, { limit: pageSize, offset: (page - 1) * pageSize }));
  return { total, page, pageSize, items: auditEntries(store, rows) };
}

/** An import entry's rows, in the shape written now and in the shapes older versions wrote. */
function importRows(after: unknown): AuditRowRecord[] {
  const a = asRecord(after);
  if (!a) return [];
  if (Array.isArray(a.changes)) return a.changes as AuditRowRecord[];
  const listed = (key: string, entity: string): AuditRowRecord[] =>
    Array.isArray(a[key]) ? (a[key] as string[]).map((id) => ({ entity, key: id, title: '', status: 'new', changes: [] })) : [];
  return [...listed('added', '考生'), ...listed('idNumbers', '照片')];
}

function rowOf(r: AuditRowRecord, names: AuditNames): AuditRow {
  const id = idNumbersIn(`${r.key} ${r.title}`)[0];
  const title = id && (names.knows(id) || !r.title) ? names.person(id) : r.title;
  return {
    entity: r.entity,
    title,
    status: CHANGE_STATUS_LABELS[r.status] ?? r.status,
    changes: r.changes.map((c) => ({
      field: c.field,
      label: fieldLabel('candidate', c.field),
      before: formatAuditValue('candidate', c.field, c.old),
      after: formatAuditValue('candidate', c.field, c.new),
    })),
  };
}

/** The ID numbers of the candidates a search names. */
function searchedIdNumbers(store: Store, search: string): Set<string> {
  const query = matchingPeople(store.q, search).select('p.code').where('p.subject', 'like', 'candidate:%');
  return new Set(store.all(query).map((p) => p.code));
}

/** An import's rows, every one or (searching) those about the candidates searched for. */
export function rowsOfEntry(store: Store, id: number, search: string | undefined): AuditRowRecord[] {
  const entry = store.get(store.q.selectFrom('audit_log').select('after_json').where('id', '=', id));
  if (!entry) throw new AppError('NOT_FOUND', '找不到这条审计记录。');
  const rows = importRows(parse(entry.after_json));
  if (!search?.trim()) return rows;
  const term = search.trim().toUpperCase();
  const ids = searchedIdNumbers(store, search);
  return rows.filter((r) => {
    const text = `${r.key} ${r.title}`;
    return text.toUpperCase().includes(term) || idNumbersIn(text).some((n) => ids.has(n));
  });
}

/** Rows as the view shows them, masked. */
export function auditRowViews(store: Store, rows: AuditRowRecord[]): AuditRow[] {
  const names = new AuditNames(store).loadPeople(rows.flatMap((r) => idNumbersIn(`${r.key} ${r.title}`)));
  return maskDeep(rows.map((r) => rowOf(r, names)));
}

export function listAuditRows(store: Store, input: { id: number; search?: string | undefined; page: number; pageSize: number }): Page<AuditRow> {
  const rows = rowsOfEntry(store, input.id, input.search);
  const start = (input.page - 1) * input.pageSize;
  return { total: rows.length, page: input.page, pageSize: input.pageSize, items: auditRowViews(store, rows.slice(start, start + input.pageSize)) };
}
