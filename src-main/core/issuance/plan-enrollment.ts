import type { Store } from '../../store/store';
import { planInfo } from '../catalog/plan-certificates';

/** A plan's certificates and levels, each with its subjects: `certificateCode|level` → subject codes. */
export function planCertificateSubjects(store: Store, planCode: string): Map<string, Set<string>> {
  const certificates = planInfo(store, planCode)?.certificates ?? [];
  return new Map(certificates.map((c) => [`${c.certificateCode}|${c.level}`, new Set(c.subjects.map((s) => s.subjectCode))]));
}

/** Who is enrolled in the plan, by ID number: the candidate (and their name) and the subjects they sat. */
export function planEnrollees(store: Store, planCode: string): Map<string, { candidateId: number; name: string; subjects: Set<string> }> {
  const rows = store
    .prepare(
      'SELECT c.id AS candidateId, c.id_number AS idNumber, c.name, e.subject_code AS subjectCode FROM enrollments e JOIN candidates c ON c.id = e.candidate_id WHERE e.plan_code = ?',
    )
    .all(planCode) as { candidateId: number; idNumber: string; name: string; subjectCode: string }[];
  const out = new Map<string, { candidateId: number; name: string; subjects: Set<string> }>();
  for (const r of rows) {
    const entry = out.get(r.idNumber) ?? { candidateId: r.candidateId, name: r.name, subjects: new Set<string>() };
    entry.subjects.add(r.subjectCode);
    out.set(r.idNumber, entry);
  }
  return out;
}

export function planExists(store: Store, planCode: string): boolean {
  return store.get(store.q.selectFrom('exam_plans').select('code').where('code', '=', planCode)) !== undefined;
}
