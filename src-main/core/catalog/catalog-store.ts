import type { Certificate, DeclarationPlan, ExamPlan, ExamSubject, Major, Organisation } from '../../../src-shared/domain/catalog';
import type { Store } from '../../store/store';

/** The one place the catalog tables are written: upserts of what the platform sends. */

export function upsertOrganisation(s: Store, o: Organisation): void {
  s.prepare('INSERT INTO organisations (code, name) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name').run(o.code, o.name);
}

export function upsertCertificate(s: Store, c: Certificate): void {
  s.prepare(
    `INSERT INTO certificates (code, name, short_name, org_code, levels_json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name, org_code = excluded.org_code, levels_json = excluded.levels_json`,
  ).run(c.code, c.name, c.shortName, c.orgCode, JSON.stringify(c.levels));
}

export function upsertMajor(s: Store, m: Major): void {
  s.prepare('INSERT INTO majors (code, name, level) VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level').run(m.code, m.name, m.level);
}

export function upsertDeclarationPlan(s: Store, d: DeclarationPlan): void {
  s.prepare(
    `INSERT INTO declaration_plans (code, province, batch, window_start, window_end, by_major, city_approval, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET province = excluded.province, batch = excluded.batch, window_start = excluded.window_start,
       window_end = excluded.window_end, by_major = excluded.by_major, city_approval = excluded.city_approval, status = excluded.status`,
  ).run(d.code, d.province, d.batch, d.windowStart, d.windowEnd, d.byMajor ? 1 : 0, d.cityApproval ? 1 : 0, d.status);
}

export function upsertExamSubject(s: Store, x: ExamSubject): void {
  s.prepare(
    `INSERT INTO exam_subjects (code, name, method, certificate_code, level, target, status) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, method = excluded.method, certificate_code = excluded.certificate_code,
       level = excluded.level, target = excluded.target, status = excluded.status`,
  ).run(x.code, x.name, x.method, x.certificateCode, x.level, x.target, x.status);
}

/** A plan and its certificates as sent: the certificates are replaced, not merged. */
export function upsertExamPlan(s: Store, plan: ExamPlan): void {
  s.prepare(
    `INSERT INTO exam_plans (code, name, org_code, status, windows_json, registration_start, publicity_end) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, org_code = excluded.org_code, status = excluded.status,
       windows_json = excluded.windows_json, registration_start = excluded.registration_start, publicity_end = excluded.publicity_end`,
  ).run(plan.code, plan.name, plan.orgCode, plan.status, JSON.stringify(plan.windows), plan.windows.registration.start, plan.windows.publicity.end);
  s.prepare('DELETE FROM exam_plan_certificates WHERE plan_code = ?').run(plan.code);
  const insert = s.prepare(
    'INSERT INTO exam_plan_certificates (plan_code, certificate_code, level, composite_pass_score, all_subjects_pass, subjects_json) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const c of plan.certificates)
    insert.run(plan.code, c.certificateCode, c.level, c.passRule.compositePassScore, c.passRule.allSubjectsPass ? 1 : 0, JSON.stringify(c.subjects));
}
