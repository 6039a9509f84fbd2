import { CLI_ACTOR } from '../../../src-shared/actor';
import type { EnrollInput } from '../../../src-shared/api/enrollments';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import type { AppCore } from '../app-core';
import { allCandidates } from '../candidates/candidates-service';
import { enrollAs, enrollPlans } from '../enrollments/enroll-service';
import { exportJob } from '../packages/export-job';

export interface DemoEnrollments {
  plans: { code: string; name: string; candidates: number; subjects: number }[];
}

const CERTIFICATE = 'ZS2019003';
const LEVEL = '初级';

/**
 * 报考 in the year's two 物流管理 plans whose registration is over, as the school did while each
 * was open (the demo's clock for it is the window's first morning): the later plan by
 * certificate (every subject) for most of the complete 物流管理 students — more than its
 * rooms seat, so the capacity check still shows a shortfall — and the earlier one by subject
 * (each of the certificate's subjects, so its year can end in certificates) for others, within the year's approved quota; then the enrollments sent to the platform.
 */
export async function addDemoEnrollments(app: AppCore, say: (m: string) => void): Promise<DemoEnrollments> {
  const { store } = app;
  const today = institutionDate(app.now());
  const plans = enrollPlans(store, today)
    .filter((p) => p.registration.end < today && p.certificates.some((c) => c.code === CERTIFICATE && c.level === LEVEL && c.quota))
    .sort((a, b) => b.registration.start.localeCompare(a.registration.start))
    .slice(0, 2);
  const [later, earlier] = plans;
  const students = allCandidates(store, { kind: 'school', major: '物流管理', complete: true }).map((c) => c.id);
  const left = later?.certificates.find((c) => c.code === CERTIFICATE && c.level === LEVEL)?.quota?.left ?? 0;
  const forLater = students.slice(0, Math.min(150, Math.max(0, left - 40)));
  const forEarlier = students.slice(forLater.length, forLater.length + Math.min(40, left - forLater.length));
  const report: DemoEnrollments = { plans: [] };
  const enroll = (plan: NonNullable<typeof later>, ids: number[], input: Omit<EnrollInput, 'candidates' | 'planCode'>) => {
    if (!ids.length) return;
    say(`报考“${plan.name}”（${ids.length} 人）…`);
    const at = new Date(`${plan.registration.start}T02:00:00Z`);
    const result = enrollAs(store, CLI_ACTOR, at, { ...input, candidates: { ids }, planCode: plan.code } as EnrollInput);
    report.plans.push({ code: plan.code, name: plan.name, candidates: result.counts.accepted, subjects: result.written });
  };
  // Older first, so the enrollments' dates run in the order they happened.
  if (earlier) {
    const subjects = earlier.certificates.find((c) => c.code === CERTIFICATE && c.level === LEVEL)!.subjects;
    enroll(earlier, forEarlier, { mode: 'subject', subjectCodes: subjects.map((s) => s.code) });
  }
  if (later) enroll(later, forLater, { mode: 'certificate', certificateCode: CERTIFICATE, level: LEVEL });
  if (report.plans.length) {
    say('向平台报送报考信息…');
    await app.jobs.run(exportJob, { kinds: ['enrollments'] }, { title: '生成数据包', actor: CLI_ACTOR, owner: null });
  }
  return report;
}
