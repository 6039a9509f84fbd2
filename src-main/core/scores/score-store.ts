import type { DisputeClosedReason } from '../../../src-shared/domain/scores';
import type { Store } from '../../store/store';

/**
 * The one place scores, score_revisions, score_disputes and score_locks are written. The triggers
 * of migration 0014 hold the lasting rules whatever path a write takes: a score belongs to its
 * enrollment, revisions are history, and a locked plan's scores never change again.
 */

export interface ScoreValue {
  score: number | null;
  absent: boolean;
  issuedAt: string;
}

export interface StoredScore extends ScoreValue {
  id: number;
  enrollmentId: number;
  receivedAt: string;
}

export function loadScore(store: Store, enrollmentId: number): StoredScore | undefined {
  const r = store.prepare('SELECT id, enrollment_id, score, absent, issued_at, received_at FROM scores WHERE enrollment_id = ?').get(enrollmentId) as
    { id: number; enrollment_id: number; score: number | null; absent: number; issued_at: string; received_at: string } | undefined;
  return r && { id: r.id, enrollmentId: r.enrollment_id, score: r.score, absent: r.absent === 1, issuedAt: r.issued_at, receivedAt: r.received_at };
}

/** A first score for an enrollment. */
export function insertScore(store: Store, e: { enrollmentId: number; planCode: string; subjectCode: string }, v: ScoreValue, now: string): number {
  const r = store
    .prepare('INSERT INTO scores (enrollment_id, plan_code, subject_code, score, absent, issued_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(e.enrollmentId, e.planCode, e.subjectCode, v.absent ? null : v.score, v.absent ? 1 : 0, v.issuedAt, now);
  return Number(r.lastInsertRowid);
}

/** A later value in place of the current one, which goes into the score's history. */
export function replaceScore(store: Store, current: StoredScore, v: ScoreValue, now: string): void {
  store
    .prepare('INSERT INTO score_revisions (score_id, score, absent, issued_at, received_at, replaced_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(current.id, current.absent ? null : current.score, current.absent ? 1 : 0, current.issuedAt, current.receivedAt, now);
  store
    .prepare('UPDATE scores SET score = ?, absent = ?, issued_at = ?, received_at = ? WHERE id = ?')
    .run(v.absent ? null : v.score, v.absent ? 1 : 0, v.issuedAt, now, current.id);
}

/** The same value issued again later: only its time of issue moves, so an issue between the two can never replace it. */
export function reissueScore(store: Store, scoreId: number, issuedAt: string): void {
  store.prepare('UPDATE scores SET issued_at = ? WHERE id = ?').run(issuedAt, scoreId);
}

export function insertDispute(store: Store, scoreId: number, d: { note: string; by: { id: number | null; name: string } }, now: string): number {
  const r = store
    .prepare('INSERT INTO score_disputes (score_id, note, flagged_at, flagged_by, flagged_by_name) VALUES (?, ?, ?, ?, ?)')
    .run(scoreId, d.note, now, d.by.id, d.by.name);
  return Number(r.lastInsertRowid);
}

/** Closes the score's open flag, if it has one; returns whether it had. */
export function closeOpenDispute(store: Store, scoreId: number, reason: DisputeClosedReason, now: string): boolean {
  return store.prepare('UPDATE score_disputes SET closed_at = ?, closed_reason = ? WHERE score_id = ? AND closed_at IS NULL').run(now, reason, scoreId).changes > 0;
}

/** The open flags went out in a 成绩异议 package. */
export function markDisputesSent(store: Store, ids: readonly number[], now: string): void {
  store.prepare('UPDATE score_disputes SET sent_at = ? WHERE sent_at IS NULL AND id IN (SELECT value FROM json_each(?))').run(now, JSON.stringify(ids));
}

/** Locks a plan's scores for good, closing its open flags; returns how many flags it closed. */
export function insertLock(store: Store, planCode: string, now: string): number {
  store.prepare('INSERT INTO score_locks (plan_code, locked_at) VALUES (?, ?)').run(planCode, now);
  return store
    .prepare(
      `UPDATE score_disputes SET closed_at = ?, closed_reason = 'locked'
        WHERE closed_at IS NULL AND score_id IN (SELECT id FROM scores WHERE plan_code = ?)`,
    )
    .run(now, planCode).changes;
}
