import { PLAN_WINDOW_LABELS, PLAN_WINDOWS, weightProblems } from '../../../../src-shared/domain/catalog';
import { existingMap, refuseReference, type EntityRecord, type InboundModule } from '../../packages/kind-module';
import { certificateLevels, organisationCodes, subjectOwners } from '../catalog-lookups';
import { upsertExamPlan } from '../catalog-store';

interface CertificateField {
  certificateCode: string;
  level: string;
  compositePassScore: number | null;
  allSubjectsPass: boolean;
  subjects: unknown[];
}

/** A plan's certificates and subjects as one comparable field, whatever order they came in. */
function certificatesField(certs: CertificateField[]): string {
  return JSON.stringify(
    [...certs]
      .sort((a, b) => `${a.certificateCode}${a.level}`.localeCompare(`${b.certificateCode}${b.level}`))
      .map((c) => ({ 证书: c.certificateCode, 等级: c.level, 综合成绩合格分数: c.compositePassScore, 各科均需合格: c.allSubjectsPass, 科目: c.subjects })),
  );
}

const windowFields = (windows: Record<string, { start: string; end: string }>) =>
  Object.fromEntries(PLAN_WINDOWS.map((k) => [`${PLAN_WINDOW_LABELS[k]}时间`, `${windows[k]!.start} ~ ${windows[k]!.end}`]));

/** 考试计划: windows, and per certificate and level the pass rule and the subjects with their weights. */
export const examPlansKind: InboundModule<'exam-plans'> = {
  dependsOn: ['catalog', 'exam-subjects'],
  validate: (p) => p.plans.flatMap(weightProblems)[0] ?? null,
  checkReferences(p, ctx) {
    const orgs = organisationCodes(ctx);
    const levels = certificateLevels(ctx);
    const subjects = subjectOwners(ctx);
    p.plans.forEach((plan, i) => {
      if (!orgs.has(plan.orgCode)) refuseReference('exam-plans', `plans[${i}].orgCode`, `考核单位 ${plan.orgCode} 不存在`);
      plan.certificates.forEach((c, j) => {
        const certLevels = levels.get(c.certificateCode);
        if (!certLevels) refuseReference('exam-plans', `plans[${i}].certificates[${j}].certificateCode`, `证书 ${c.certificateCode} 不存在`);
        if (!certLevels.includes(c.level)) refuseReference('exam-plans', `plans[${i}].certificates[${j}].level`, `证书 ${c.certificateCode} 没有“${c.level}”等级`);
        c.subjects.forEach((s, k) => {
          const subject = subjects.get(s.subjectCode);
          const path = `plans[${i}].certificates[${j}].subjects[${k}].subjectCode`;
          if (!subject) refuseReference('exam-plans', path, `科目 ${s.subjectCode} 不存在`);
          if (subject.certificateCode !== c.certificateCode || subject.level !== c.level)
            refuseReference('exam-plans', path, `科目 ${s.subjectCode} 属于证书 ${subject.certificateCode}（${subject.level}），不属于 ${c.certificateCode}（${c.level}）`);
        });
      });
    });
  },
  records: (p): EntityRecord[] =>
    p.plans.map((plan) => ({
      kind: 'exam-plans',
      entity: '考试计划',
      key: `plan:${plan.code}`,
      title: `${plan.code} ${plan.name}`,
      fields: {
        计划名称: plan.name,
        考核单位: plan.orgCode,
        状态: plan.status,
        ...windowFields(plan.windows),
        考核证书与科目: certificatesField(
          plan.certificates.map((c) => ({
            certificateCode: c.certificateCode,
            level: c.level,
            compositePassScore: c.passRule.compositePassScore,
            allSubjectsPass: c.passRule.allSubjectsPass,
            subjects: c.subjects,
          })),
        ),
      },
      write: (s) => upsertExamPlan(s, plan),
    })),
  existing: (store) => {
    const certs = new Map<string, CertificateField[]>();
    for (const c of store.all(store.q.selectFrom('exam_plan_certificates').selectAll())) {
      const list = certs.get(c.plan_code) ?? [];
      list.push({
        certificateCode: c.certificate_code,
        level: c.level,
        compositePassScore: c.composite_pass_score,
        allSubjectsPass: c.all_subjects_pass === 1,
        subjects: JSON.parse(c.subjects_json) as unknown[],
      });
      certs.set(c.plan_code, list);
    }
    return existingMap(
      store.all(store.q.selectFrom('exam_plans').selectAll()),
      (p) => `plan:${p.code}`,
      (p) => ({
        计划名称: p.name,
        考核单位: p.org_code,
        状态: p.status,
        ...windowFields(JSON.parse(p.windows_json) as Record<string, { start: string; end: string }>),
        考核证书与科目: certificatesField(certs.get(p.code) ?? []),
      }),
    );
  },
};
