import type { EnrollMode } from '../../../src-shared/domain/enrollment';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';

/** The one place `enrollments` and `enrollment_deletions` are written. */

export interface NewEnrollment {
  candidateId: number;
  idNumber: string;
  planCode: string;
  subjectCode: string;
  mode: EnrollMode;
}

const INSERT = 'INSERT INTO enrollments (candidate_id, plan_code, subject_code, paid, created_at, mode) VALUES ';
const ROW = '(?, ?, ?, 0, ?, ?)';
/** Rows a statement inserts: a batch costs one call into SQLite instead of one per row (10,000 candidates × their subjects). */
const BATCH = 100;
// Enrolled again before a deletion was sent: the platform never hears of the deletion.
const FORGET_DELETION = 'DELETE FROM enrollment_deletions WHERE sent_at IS NULL AND id_number = ? AND plan_code = ? AND subject_code = ?';

export function insertEnrollments(store: Store, rows: readonly NewEnrollment[], at: string): void {
  const full = store.prepare(INSERT + Array(BATCH).fill(ROW).join(', '));
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const values = batch.flatMap((r) => [r.candidateId, r.planCode, r.subjectCode, at, r.mode]);
    (batch.length === BATCH ? full : store.prepare(INSERT + Array(batch.length).fill(ROW).join(', '))).run(...values);
  }
  // Usually there is no deletion waiting: one look instead of a statement per row.
  if (!store.prepare('SELECT 1 FROM enrollment_deletions WHERE sent_at IS NULL LIMIT 1').get()) return;
  const forget = store.prepare(FORGET_DELETION);
  for (const r of rows) forget.run(r.idNumber, r.planCode, r.subjectCode);
}

interface Enrolled {
  id: number;
  certificate_code: string;
  level: string;
  mode: EnrollMode;
  created_at: string;
  sent_at: string | null;
}

/**
 * Deletes a candidate's enrollments in these subjects of a plan; one already sent to the platform
 * leaves a deletion to send. The database may refuse (an enrollment in a confirmed payment
 * order): that arrives as `AppError('STATE')` with the reason, and the caller's savepoint undoes
 * the rest of the request.
 */
export function deleteEnrollments(store: Store, who: { id: number; idNumber: string; name: string }, planCode: string, subjectCodes: readonly string[], at: string): number {
  const find = store.prepare(
    'SELECT e.id, s.certificate_code, s.level, e.mode, e.created_at, e.sent_at FROM enrollments e JOIN exam_subjects s ON s.code = e.subject_code WHERE e.candidate_id = ? AND e.plan_code = ? AND e.subject_code = ?',
  );
  const remove = store.prepare('DELETE FROM enrollments WHERE id = ?');
  const record = store.prepare(
    'INSERT INTO enrollment_deletions (id_number, name, plan_code, subject_code, certificate_code, level, mode, enrolled_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let n = 0;
  for (const subject of subjectCodes) {
    const row = find.get(who.id, planCode, subject) as Enrolled | undefined;
    if (!row) continue;
    try {
      remove.run(row.id);
    } catch (e) {
      throw refusalOf(e);
    }
    if (row.sent_at) record.run(who.idNumber, who.name, planCode, subject, row.certificate_code, row.level, row.mode, row.created_at, at);
    n++;
  }
  return n;
}

/**
 * What the database says when it keeps an enrollment: a payment order's line refers to it
 * (RESTRICT), or the order is confirmed (its trigger). Anything else is not ours to explain.
 */
function refusalOf(e: unknown): unknown {
  const code = String((e as { code?: unknown }).code ?? '');
  if (!code.startsWith('SQLITE_CONSTRAINT')) return e;
  if (/FOREIGN KEY constraint failed/.test((e as Error).message)) return new AppError('STATE', '该报考已在缴费单中，不能删除（请先删除该缴费单）', { code: 'IN_PAYMENT_ORDER' });
  return new AppError('STATE', '该报考已在已确认的缴费单中，不能删除', { code: 'IN_CONFIRMED_ORDER' });
}

export interface SentKey {
  idNumber: string;
  planCode: string;
  subjectCode: string;
}

/** What a 报考信息 package carried is sent; an enrollment made while it was written stays to send. */
export function markEnrollmentsSent(store: Store, keys: readonly SentKey[], at: string): void {
  const mark = store.prepare(
    'UPDATE enrollments SET sent_at = ? WHERE sent_at IS NULL AND plan_code = ? AND subject_code = ? AND candidate_id = (SELECT id FROM candidates WHERE id_number = ?)',
  );
  for (const k of keys) mark.run(at, k.planCode, k.subjectCode, k.idNumber);
}

export function markDeletionsSent(store: Store, keys: readonly (SentKey & { deletedAt: string })[], at: string): void {
  const mark = store.prepare('UPDATE enrollment_deletions SET sent_at = ? WHERE sent_at IS NULL AND id_number = ? AND plan_code = ? AND subject_code = ? AND deleted_at = ?');
  for (const k of keys) mark.run(at, k.idNumber, k.planCode, k.subjectCode, k.deletedAt);
}

/** 已缴费: the organisation confirmed the payment order holding these enrollments. */
export function markPaid(store: Store, enrollmentIds: readonly number[]): void {
  const stmt = store.prepare('UPDATE enrollments SET paid = 1 WHERE id = ?');
  for (const id of enrollmentIds) stmt.run(id);
}
