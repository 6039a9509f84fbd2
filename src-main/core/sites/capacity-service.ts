import type { CapacityReport } from '../../../src-shared/api/sites';
import type { ExamMethod, PlanSubject } from '../../../src-shared/domain/catalog';
import { CANDIDATE_SOURCE_LABELS, checkCapacity, type CapacitySubjectInput } from '../../../src-shared/domain/exam-room';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { yearQuota } from '../declarations/declarations-service';
import { loadExpectations, loadRooms, setExpectation } from './room-store';
import { loadPlan, servedBy } from './rooms-service';
import { loadSites } from './site-store';
import { catalogNames } from './sites-service';

/** Each subject of a plan, with what the capacity check counts for it. */
function planSubjects(store: Store, planCode: string): CapacitySubjectInput[] {
  const plan = loadPlan(store, planCode);
  const names = catalogNames(store);
  const subjects = new Map(store.all(store.q.selectFrom('exam_subjects').select(['code', 'name', 'method'])).map((s) => [s.code, s]));
  const enrolled = new Map(
    (
      store.prepare('SELECT subject_code AS code, COUNT(DISTINCT candidate_id) AS n FROM enrollments WHERE plan_code = ? GROUP BY subject_code').all(planCode) as {
        code: string;
        n: number;
      }[]
    ).map((e) => [e.code, e.n]),
  );
  const expected = loadExpectations(store, planCode);
  // 指标 are a calendar year's: the year the plan's registration opens in.
  const quota = yearQuota(store, Number(plan.registrationStart.slice(0, 4))).rows;
  const rows = new Map(
    store
      .all(store.q.selectFrom('exam_plan_certificates').select(['certificate_code', 'level', 'subjects_json']).where('plan_code', '=', planCode))
      .map((c) => [`${c.certificate_code}/${c.level}`, c]),
  );
  // In the plan's own order of certificates (初级 before 中级).
  return plan.certificates
    .map((c) => rows.get(`${c.certificateCode}/${c.level}`)!)
    .flatMap((c) =>
      (JSON.parse(c.subjects_json) as PlanSubject[]).map((s) => ({
        code: s.subjectCode,
        name: subjects.get(s.subjectCode)?.name ?? s.subjectCode,
        method: (subjects.get(s.subjectCode)?.method ?? '机考') as ExamMethod,
        certificateCode: c.certificate_code,
        certificateName: names.certs.get(c.certificate_code)?.name ?? c.certificate_code,
        level: c.level,
        sessions: s.sessions.length,
        enrolled: enrolled.get(s.subjectCode) ?? 0,
        expected: expected.get(s.subjectCode) ?? null,
        quota: quota.find((q) => q.certificateCode === c.certificate_code && q.level === c.level)?.approved ?? null,
      })),
    );
}

/**
 * 考位检查 of one plan. A subject's candidates: those enrolled in it when anyone is, else the
 * expected number entered for it, else the approved quota of its certificate and level in the
 * plan's year, else 0. Its seats: the plan's rooms of its method serving its certificate, times its sessions.
 */
export function capacityReport(store: Store, planCode: string): CapacityReport {
  const plan = loadPlan(store, planCode);
  const sites = new Map(loadSites(store).map((s) => [s.id, s]));
  const rooms = loadRooms(store, planCode).map((r) => ({
    id: r.id,
    name: r.name,
    siteName: sites.get(r.siteId)?.name ?? String(r.siteId),
    type: r.type,
    seats: r.seats,
    serves: servedBy(r, sites.get(r.siteId), plan),
  }));
  const checked = checkCapacity(planSubjects(store, planCode), rooms);
  const subjects = checked.subjects.map((s) => ({ ...s, sourceLabel: CANDIDATE_SOURCE_LABELS[s.source] }));
  const warnings = [...subjects.flatMap((s) => (s.message ? [s.message] : [])), ...checked.flaggedRooms.map((r) => r.message)];
  return { plan: plan.code, planName: plan.name, subjects, flaggedRooms: checked.flaggedRooms, warnings };
}

export function setExpected(call: CallContext, input: { planCode: string; subjectCode: string; expected: number | null }): CapacityReport {
  const { store } = call.app;
  return store.tx(() => {
    const subject = planSubjects(store, input.planCode).find((s) => s.code === input.subjectCode);
    if (!subject)
      throw new AppError('VALIDATION', `科目 ${input.subjectCode} 不是考试计划 ${input.planCode} 的科目。`, { issues: [{ path: 'subjectCode', message: '科目不属于本计划' }] });
    setExpectation(store, input.planCode, input.subjectCode, input.expected);
    writeAudit(call, {
      operation: 'capacity.setExpected',
      entityType: 'capacity',
      entityId: `${input.planCode}/${input.subjectCode}`,
      before: { expected: subject.expected },
      after: { expected: input.expected },
    });
    return capacityReport(store, input.planCode);
  });
}
