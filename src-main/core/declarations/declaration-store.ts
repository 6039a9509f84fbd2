import type { Selectable } from 'kysely';
import type { DeclarationFields, DeclarationStatus, Facility, Teacher } from '../../../src-shared/domain/declaration';
import type { DeclarationTable } from '../../store/schema';
import type { Store } from '../../store/store';

/** A declaration's majors as declared: a snapshot, so a major removed later leaves it intact. */
export interface DeclaredMajor {
  code: string;
  name: string;
  level: string;
}

export interface DeclarationRecord {
  id: number;
  planCode: string;
  year: number;
  certificateCode: string;
  level: string;
  majors: DeclaredMajor[];
  proposedCount: number;
  teachers: Teacher[];
  facilities: Facility[];
  notes: string;
  status: DeclarationStatus;
  approvedCount: number | null;
  rejectedStage: 'city' | 'province' | null;
  reason: string | null;
  submittedAt: string | null;
  sentAt: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

function toRecord(r: Selectable<DeclarationTable>): DeclarationRecord {
  return {
    id: r.id,
    planCode: r.plan_code,
    year: r.year,
    certificateCode: r.certificate_code,
    level: r.level,
    majors: JSON.parse(r.majors_json) as DeclaredMajor[],
    proposedCount: r.proposed_count,
    teachers: JSON.parse(r.teachers_json) as Teacher[],
    facilities: JSON.parse(r.facilities_json) as Facility[],
    notes: r.notes,
    status: r.status,
    approvedCount: r.approved_count,
    rejectedStage: r.rejected_stage,
    reason: r.reason,
    submittedAt: r.submitted_at,
    sentAt: r.sent_at,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The one place the declarations table is written (its triggers hold the same rules). */
export function loadDeclaration(store: Store, id: number): DeclarationRecord | null {
  const r = store.get(store.q.selectFrom('declarations').selectAll().where('id', '=', id));
  return r ? toRecord(r) : null;
}

export function loadDeclarations(store: Store, where: { year?: number; statuses?: readonly DeclarationStatus[] } = {}): DeclarationRecord[] {
  let q = store.q.selectFrom('declarations').selectAll();
  if (where.year !== undefined) q = q.where('year', '=', where.year);
  if (where.statuses) q = q.where('status', 'in', [...where.statuses]);
  return store.all(q.orderBy('year', 'desc').orderBy('id', 'desc')).map(toRecord);
}

type Content = Omit<DeclarationFields, 'majors'> & { majors: DeclaredMajor[]; year: number };

export function insertDeclaration(store: Store, c: Content, now: string): number {
  const r = store
    .prepare(
      `INSERT INTO declarations (plan_code, year, certificate_code, level, majors_json, proposed_count, teachers_json, facilities_json, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(c.planCode, c.year, c.certificateCode, c.level, JSON.stringify(c.majors), c.proposedCount, JSON.stringify(c.teachers), JSON.stringify(c.facilities), c.notes, now, now);
  return Number(r.lastInsertRowid);
}

export function updateDeclarationContent(store: Store, id: number, c: Content, now: string): void {
  store
    .prepare(
      `UPDATE declarations SET plan_code = ?, year = ?, certificate_code = ?, level = ?, majors_json = ?, proposed_count = ?, teachers_json = ?,
         facilities_json = ?, notes = ?, updated_at = ? WHERE id = ?`,
    )
    .run(c.planCode, c.year, c.certificateCode, c.level, JSON.stringify(c.majors), c.proposedCount, JSON.stringify(c.teachers), JSON.stringify(c.facilities), c.notes, now, id);
}

export function deleteDeclarationRow(store: Store, id: number): void {
  store.prepare('DELETE FROM declarations WHERE id = ?').run(id);
}

/** 提交审核 (again, after a rejection): the last review's outcome is cleared. */
export function markSubmitted(store: Store, id: number, now: string): void {
  store
    .prepare(
      "UPDATE declarations SET status = 'submitted', submitted_at = ?, sent_at = NULL, approved_count = NULL, rejected_stage = NULL, reason = NULL, decided_at = NULL, updated_at = ? WHERE id = ?",
    )
    .run(now, now, id);
}

export function markSent(store: Store, ids: readonly number[], now: string): void {
  const stmt = store.prepare('UPDATE declarations SET sent_at = ? WHERE id = ?');
  for (const id of ids) stmt.run(now, id);
}

/** A review's outcome at one stage (the triggers refuse any move the state machine does not allow). */
export function recordReview(
  store: Store,
  id: number,
  outcome: { status: 'city_approved' | 'approved' | 'rejected'; approvedCount: number | null; rejectedStage: 'city' | 'province' | null; reason: string | null; at: string },
): void {
  store
    .prepare('UPDATE declarations SET status = ?, approved_count = ?, rejected_stage = ?, reason = ?, decided_at = ?, updated_at = ? WHERE id = ?')
    .run(outcome.status, outcome.approvedCount, outcome.rejectedStage, outcome.reason, outcome.at, outcome.at, id);
}
