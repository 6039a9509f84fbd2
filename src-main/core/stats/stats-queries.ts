import type { ExamPlan } from '../../../src-shared/domain/catalog';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { planPhase, type PlanPhase } from '../../../src-shared/domain/plan-phase';
import type { CertificateResultRow, PlanMeta, SubjectScoreRow } from '../../../src-shared/domain/score-stats';
import { AppError } from '../../../src-shared/errors';
import type { StatsPlanRow } from '../../../src-shared/api/stats';
import type { Store } from '../../store/store';
import { planInfo } from '../catalog/plan-certificates';
import { localResults, type PlanScoreRow } from '../results/local-results';

// 统计分析 only reads: the scores workflow writes the scores, localResults computes the results.

export interface PlanHead {
  meta: PlanMeta;
  orgName: string;
  phase: PlanPhase;
}

/** The plan's certificates and subjects (names, pass marks) in the plan's order: certificate, then level. */
export function planHead(store: Store, planCode: string, now: Date): PlanHead {
  const plan = store
    .prepare('SELECT p.code, p.name, p.windows_json, coalesce(o.name, p.org_code) AS orgName FROM exam_plans p LEFT JOIN organisations o ON o.code = p.org_code WHERE p.code = ?')
    .get(planCode) as { code: string; name: string; windows_json: string; orgName: string } | undefined;
  if (!plan) throw new AppError('NOT_FOUND', `找不到考试计划 ${planCode.slice(0, 40)}。`);
  const certificates = planInfo(store, planCode)?.certificates ?? [];
  return {
    meta: {
      code: plan.code,
      name: plan.name,
      certificates: certificates.map((c) => ({
        certificateCode: c.certificateCode,
        shortName: c.shortName,
        level: c.level,
        subjects: c.subjects.map((s) => ({ subjectCode: s.subjectCode, subjectName: s.name, passScore: s.passScore })),
      })),
    },
    orgName: plan.orgName,
    phase: planPhase(JSON.parse(plan.windows_json) as ExamPlan['windows'], institutionDate(now)),
  };
}

/** Every enrolled subject of the plan with its current score, or none yet (the rows localResults reads). */
export function subjectScoreRows(rows: readonly PlanScoreRow[]): SubjectScoreRow[] {
  return rows.map((r) => ({ subjectCode: r.subjectCode, major: r.major, entryYear: r.entryYear, scored: r.hasScore === 1, absent: r.absent === 1, score: r.score }));
}

/** Each candidate's 考证结果 per certificate+level, as localResults (the one place results are computed) has it, from the plan's rows read once. */
export function certificateResultRows(store: Store, planCode: string, rows: readonly PlanScoreRow[]): CertificateResultRow[] {
  return localResults(store, planCode, rows).map((r) => ({
    certificateCode: r.certificateCode,
    level: r.level,
    major: r.major,
    entryYear: r.entryYear,
    passed: r.outcome.passed,
    absentAll: r.outcome.subjects.length > 0 && r.outcome.subjects.every((s) => s.absent),
  }));
}

export function scoreTotals(store: Store, planCode: string): { latestAt: string | null; locked: boolean } {
  const latest = store.prepare('SELECT max(received_at) FROM scores WHERE plan_code = ?').pluck().get(planCode) as string | null;
  const locked = store.prepare('SELECT 1 FROM score_locks WHERE plan_code = ?').get(planCode) !== undefined;
  return { latestAt: latest, locked };
}

/** The plans, newest registration first, with their enrolled and scored subjects. */
export function statsPlans(store: Store, now: Date): StatsPlanRow[] {
  const today = institutionDate(now);
  const rows = store
    .prepare(
      `SELECT p.code, p.name, p.windows_json,
         (SELECT count(*) FROM enrollments e WHERE e.plan_code = p.code) AS enrolled,
         (SELECT count(*) FROM scores s WHERE s.plan_code = p.code) AS scored
       FROM exam_plans p ORDER BY p.registration_start DESC, p.code`,
    )
    .all() as { code: string; name: string; windows_json: string; enrolled: number; scored: number }[];
  return rows.map((r) => ({ code: r.code, name: r.name, phase: planPhase(JSON.parse(r.windows_json) as ExamPlan['windows'], today), enrolled: r.enrolled, scored: r.scored }));
}
