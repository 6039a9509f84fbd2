import { CERT_LEVELS, type PlanCertificate, type PlanSubject } from '../../../src-shared/domain/catalog';
import type { Store } from '../../store/store';

/** One certificate+level of a plan with its rule, and the names people read it by. */
export interface PlanCertificateInfo {
  certificateCode: string;
  certificateName: string;
  /** 物流管理 for 物流管理职业技能等级证书. */
  shortName: string;
  level: (typeof CERT_LEVELS)[number];
  passRule: PlanCertificate['passRule'];
  subjects: (PlanSubject & { name: string })[];
}

export interface PlanInfo {
  code: string;
  name: string;
  certificates: PlanCertificateInfo[];
}

const levelRank = (level: string) => CERT_LEVELS.indexOf(level as (typeof CERT_LEVELS)[number]);

/** A plan as the store holds it, its certificates by code and level (the order of localResults); null when there is no such plan. */
export function planInfo(store: Store, planCode: string): PlanInfo | null {
  const plan = store.get(store.q.selectFrom('exam_plans').select(['code', 'name']).where('code', '=', planCode));
  if (!plan) return null;
  const subjectNames = new Map(store.all(store.q.selectFrom('exam_subjects').select(['code', 'name'])).map((s) => [s.code, s.name]));
  const rows = store
    .prepare(
      `SELECT p.certificate_code AS certificateCode, c.name AS certificateName, c.short_name AS shortName, p.level, p.composite_pass_score AS compositePassScore,
         p.all_subjects_pass AS allSubjectsPass, p.subjects_json AS subjectsJson
       FROM exam_plan_certificates p LEFT JOIN certificates c ON c.code = p.certificate_code WHERE p.plan_code = ?`,
    )
    .all(planCode) as {
    certificateCode: string;
    certificateName: string | null;
    shortName: string | null;
    level: PlanCertificateInfo['level'];
    compositePassScore: number | null;
    allSubjectsPass: number;
    subjectsJson: string;
  }[];
  const certificates = rows
    .map((r) => ({
      certificateCode: r.certificateCode,
      certificateName: r.certificateName ?? r.certificateCode,
      shortName: r.shortName ?? r.certificateCode,
      level: r.level,
      passRule: { compositePassScore: r.compositePassScore, allSubjectsPass: r.allSubjectsPass === 1 },
      subjects: (JSON.parse(r.subjectsJson) as PlanSubject[]).map((s) => ({ ...s, name: subjectNames.get(s.subjectCode) ?? s.subjectCode })),
    }))
    .sort((a, b) => (a.certificateCode === b.certificateCode ? levelRank(a.level) - levelRank(b.level) : a.certificateCode < b.certificateCode ? -1 : 1));
  return { code: plan.code, name: plan.name, certificates };
}

/** 物流管理（初级）. */
export const certificateLabel = (c: { shortName: string; level: string }) => `${c.shortName}（${c.level}）`;
