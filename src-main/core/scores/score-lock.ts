import { SYSTEM_ACTOR } from '../../../src-shared/actor';
import type { ExamPlan } from '../../../src-shared/domain/catalog';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { scoreStage, type ScoreStage } from '../../../src-shared/domain/scores';
import type { Store } from '../../store/store';
import { insertAudit } from '../audit/audit-log';
import { insertLock } from './score-store';

export interface PlanScoreState {
  code: string;
  name: string;
  windows: ExamPlan['windows'];
  stage: ScoreStage;
  lockedAt: string | null;
  /** This call wrote the lock (and its audit entry). */
  justLocked: boolean;
}

function readPlan(store: Store, planCode: string): { code: string; name: string; windows: ExamPlan['windows']; lockedAt: string | null } | undefined {
  const r = store.prepare('SELECT p.code, p.name, p.windows_json, l.locked_at FROM exam_plans p LEFT JOIN score_locks l ON l.plan_code = p.code WHERE p.code = ?').get(planCode) as
    { code: string; name: string; windows_json: string; locked_at: string | null } | undefined;
  return r && { code: r.code, name: r.name, windows: JSON.parse(r.windows_json) as ExamPlan['windows'], lockedAt: r.locked_at };
}

/** Where a plan's scores stand now, without writing the lock: for views of other workflows, which must not write. */
export function peekScoreState(store: Store, planCode: string, now: Date): Omit<PlanScoreState, 'justLocked'> | undefined {
  const plan = readPlan(store, planCode);
  return plan && { ...plan, stage: scoreStage(plan.windows, institutionDate(now), plan.lockedAt !== null) };
}

/**
 * Where a plan's scores stand now, locking them first when its 公示 has ended: the lock (and the
 * closing of its open 有异议 flags) is the clock's doing, so it is written and audited as the
 * system's, in its own transaction, by whichever read or import meets the plan first. Inside a
 * caller's transaction it lasts only if that transaction does (an import refused for it does not).
 * Undefined when the store has no such plan.
 */
export function planScoreState(store: Store, planCode: string, now: Date): PlanScoreState | undefined {
  const plan = readPlan(store, planCode);
  if (!plan) return undefined;
  const stage = scoreStage(plan.windows, institutionDate(now), plan.lockedAt !== null);
  if (stage !== 'locked' || plan.lockedAt !== null) return { ...plan, stage, justLocked: false };
  const at = now.toISOString();
  const justLocked = store.tx(() => {
    // Another connection (the job worker) may have locked it since the read above.
    if (store.prepare('SELECT 1 FROM score_locks WHERE plan_code = ?').get(planCode)) return false;
    const closed = insertLock(store, planCode, at);
    insertAudit(
      store,
      SYSTEM_ACTOR,
      {
        operation: 'scores.lock',
        entityType: 'score-lock',
        entityId: planCode,
        after: { plan: `${plan.name}（${plan.code}）`, publicityEnd: plan.windows.publicity.end, lockedAt: at, closedDisputes: closed },
      },
      now,
    );
    return true;
  });
  return { ...plan, stage, lockedAt: readPlan(store, planCode)!.lockedAt, justLocked };
}

/** The refusal of a write to a locked plan's scores, in the person's words. */
export function lockedMessage(plan: Pick<PlanScoreState, 'code' | 'name' | 'windows'>): string {
  return `考试计划“${plan.name}”（${plan.code}）的成绩公示已于 ${plan.windows.publicity.end} 结束，成绩已永久锁定，不能再更改`;
}
