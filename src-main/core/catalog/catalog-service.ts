import type { CertificateRow, MajorRow, PlanCertificateDetail, PlanDetail, PlanListRow, SubjectRow } from '../../../src-shared/api/catalog';
import { PLAN_WINDOWS, type CertLevel, type DeclarationPlan, type ExamPlan, type PlanSubject } from '../../../src-shared/domain/catalog';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { planPhase } from '../../../src-shared/domain/plan-phase';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import type { CallContext } from '../call-context';

function orgNames(store: Store): Map<string, string> {
  return new Map(store.all(store.q.selectFrom('organisations').select(['code', 'name'])).map((o) => [o.code, o.name]));
}

export function listCertificates(store: Store): CertificateRow[] {
  const orgs = orgNames(store);
  return store.all(store.q.selectFrom('certificates').selectAll().orderBy('code')).map((c) => ({
    code: c.code,
    name: c.name,
    shortName: c.short_name,
    orgCode: c.org_code,
    orgName: orgs.get(c.org_code) ?? c.org_code,
    levels: JSON.parse(c.levels_json) as CertLevel[],
  }));
}

export function listSubjects(store: Store): SubjectRow[] {
  const orgs = orgNames(store);
  const certs = new Map(store.all(store.q.selectFrom('certificates').select(['code', 'name', 'org_code'])).map((c) => [c.code, c]));
  return store.all(store.q.selectFrom('exam_subjects').selectAll().orderBy('certificate_code').orderBy('level').orderBy('code')).map((s) => {
    const cert = certs.get(s.certificate_code);
    return {
      code: s.code,
      name: s.name,
      method: s.method,
      certificateCode: s.certificate_code,
      certificateName: cert ? `${cert.name}(${s.level})` : `${s.certificate_code}(${s.level})`,
      level: s.level,
      orgName: cert ? (orgs.get(cert.org_code) ?? cert.org_code) : '',
      target: s.target,
      status: s.status,
    };
  });
}

export function listMajors(store: Store): MajorRow[] {
  return store.all(store.q.selectFrom('majors').selectAll().orderBy('level').orderBy('code'));
}

export function listDeclarationPlans(store: Store): DeclarationPlan[] {
  return store.all(store.q.selectFrom('declaration_plans').selectAll().orderBy('window_start', 'desc')).map((p) => ({
    code: p.code,
    province: p.province,
    batch: p.batch,
    windowStart: p.window_start,
    windowEnd: p.window_end,
    byMajor: p.by_major === 1,
    cityApproval: p.city_approval === 1,
    status: p.status as DeclarationPlan['status'],
  }));
}

export function listPlans(call: CallContext): PlanListRow[] {
  const { store } = call.app;
  const orgs = orgNames(store);
  const today = institutionDate(call.app.now());
  const certRows = store.all(store.q.selectFrom('exam_plan_certificates').select(['plan_code', 'subjects_json']));
  const subjectCount = new Map<string, number>();
  for (const r of certRows) subjectCount.set(r.plan_code, (subjectCount.get(r.plan_code) ?? 0) + (JSON.parse(r.subjects_json) as unknown[]).length);
  return store.all(store.q.selectFrom('exam_plans').selectAll().orderBy('registration_start', 'desc').orderBy('code')).map((p) => {
    const windows = JSON.parse(p.windows_json) as ExamPlan['windows'];
    return {
      code: p.code,
      name: p.name,
      orgCode: p.org_code,
      orgName: orgs.get(p.org_code) ?? p.org_code,
      status: p.status,
      subjectCount: subjectCount.get(p.code) ?? 0,
      windows,
      phase: planPhase(windows, today),
    };
  });
}

export function getPlan(call: CallContext, code: string): PlanDetail {
  const { store } = call.app;
  const row = listPlans(call).find((p) => p.code === code);
  if (!row) throw new AppError('NOT_FOUND', `找不到考试计划 ${code}。`);
  const today = institutionDate(call.app.now());
  const certNames = new Map(store.all(store.q.selectFrom('certificates').select(['code', 'name'])).map((c) => [c.code, c.name]));
  const subjects = new Map(store.all(store.q.selectFrom('exam_subjects').select(['code', 'name', 'method'])).map((s) => [s.code, s]));
  const certificates: PlanCertificateDetail[] = store
    .all(store.q.selectFrom('exam_plan_certificates').selectAll().where('plan_code', '=', code).orderBy('certificate_code').orderBy('level'))
    .map((c) => ({
      certificateCode: c.certificate_code,
      certificateName: certNames.get(c.certificate_code) ?? c.certificate_code,
      level: c.level,
      compositePassScore: c.composite_pass_score,
      allSubjectsPass: c.all_subjects_pass === 1,
      subjects: (JSON.parse(c.subjects_json) as PlanSubject[]).map((s) => ({
        ...s,
        subjectName: subjects.get(s.subjectCode)?.name ?? s.subjectCode,
        method: subjects.get(s.subjectCode)?.method ?? '',
      })),
    }));
  return { ...row, openWindows: PLAN_WINDOWS.filter((k) => row.windows[k].start <= today && today <= row.windows[k].end), certificates };
}
