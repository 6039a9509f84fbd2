import { CERT_LEVELS, type ExamMethod, type ExamPlan, type PlanSubject } from '../../../src-shared/domain/catalog';
import type { TimeSlot } from '../../../src-shared/domain/schedule';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';

/** A subject of a plan with its certificate and the sittings the platform set for it. */
export interface PlanSubjectInfo {
  code: string;
  name: string;
  method: ExamMethod;
  certificateCode: string;
  certificateName: string;
  level: string;
  sessions: TimeSlot[];
}

export interface PlanInfo {
  code: string;
  name: string;
  windows: ExamPlan['windows'];
  subjects: PlanSubjectInfo[];
}

/** The plan as the schedule reads it, or NOT_FOUND naming the code. */
export function loadPlanInfo(store: Store, planCode: string): PlanInfo {
  const plan = store.get(store.q.selectFrom('exam_plans').select(['code', 'name', 'windows_json']).where('code', '=', planCode));
  if (!plan) throw new AppError('NOT_FOUND', `找不到考试计划 ${planCode.slice(0, 40)}。`, { issues: [{ path: 'planCode', message: '考试计划不存在' }] });
  const subjects = new Map(store.all(store.q.selectFrom('exam_subjects').select(['code', 'name', 'method'])).map((s) => [s.code, s]));
  const certs = new Map(store.all(store.q.selectFrom('certificates').select(['code', 'name'])).map((c) => [c.code, c.name]));
  const rows = store
    .all(store.q.selectFrom('exam_plan_certificates').select(['certificate_code', 'level', 'subjects_json']).where('plan_code', '=', planCode))
    .sort((a, b) => a.certificate_code.localeCompare(b.certificate_code) || CERT_LEVELS.indexOf(a.level as never) - CERT_LEVELS.indexOf(b.level as never));
  return {
    code: plan.code,
    name: plan.name,
    windows: JSON.parse(plan.windows_json) as ExamPlan['windows'],
    subjects: rows.flatMap((c) =>
      (JSON.parse(c.subjects_json) as PlanSubject[]).map((s) => ({
        code: s.subjectCode,
        name: subjects.get(s.subjectCode)?.name ?? s.subjectCode,
        method: (subjects.get(s.subjectCode)?.method ?? '机考') as ExamMethod,
        certificateCode: c.certificate_code,
        certificateName: certs.get(c.certificate_code) ?? c.certificate_code,
        level: c.level,
        sessions: s.sessions.map((x) => ({ date: x.date, start: x.start, end: x.end })),
      })),
    ),
  };
}
