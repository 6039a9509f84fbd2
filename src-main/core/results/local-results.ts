import type { PlanSubject } from '../../../src-shared/domain/catalog';
import { certificateOutcome, type CertificateOutcome, type SubjectScore } from '../../../src-shared/domain/certificate-rule';
import type { Store } from '../../store/store';
import { planInfo } from '../catalog/plan-certificates';

/** One candidate's 考证结果 for one certificate+level of a plan, as the app computes it. */
export interface LocalResult {
  candidateId: number;
  idNumber: string;
  name: string;
  major: string | null;
  entryYear: number | null;
  certificateCode: string;
  level: string;
  outcome: CertificateOutcome;
  /** Subjects of the certificate the candidate did not enroll in (按科目报考): they never get a score. */
  notEnrolled: string[];
}

/** One enrolled subject of a plan with its current score, if any: what localResults computes from. */
export interface PlanScoreRow {
  candidateId: number;
  idNumber: string;
  name: string;
  major: string | null;
  entryYear: number | null;
  subjectCode: string;
  score: number | null;
  absent: number | null;
  hasScore: number;
}

/**
 * The plan's enrolled subjects with their scores, in candidate order: read once by a caller that
 * needs them beside the results (统计分析) and handed to localResults, not read a second time.
 */
export function planScoreRows(store: Store, planCode: string): PlanScoreRow[] {
  return store
    .prepare(
      `SELECT c.id AS candidateId, c.id_number AS idNumber, c.name, c.major, c.entry_year AS entryYear, e.subject_code AS subjectCode,
         s.score, s.absent, s.id IS NOT NULL AS hasScore
       FROM enrollments e JOIN candidates c ON c.id = e.candidate_id LEFT JOIN scores s ON s.enrollment_id = e.id
       WHERE e.plan_code = ? ORDER BY c.id, e.subject_code`,
    )
    .all(planCode) as PlanScoreRow[];
}

/**
 * 成绩未齐 names what it waits for: a subject enrolled but not yet scored, or one the candidate
 * never enrolled in (按科目报考), which no score package will ever bring.
 */
function undecidedReason(subjects: readonly PlanSubject[], scores: ReadonlyMap<string, SubjectScore>, enrolled: ReadonlySet<string>): string {
  const missing = subjects.filter((s) => !scores.has(s.subjectCode)).map((s) => s.subjectCode);
  const waiting = missing.filter((code) => enrolled.has(code));
  const notEnrolled = missing.filter((code) => !enrolled.has(code));
  return `成绩未齐：${[waiting.length ? `${waiting.join('、')} 尚无成绩` : '', notEnrolled.length ? `${notEnrolled.join('、')} 未报考` : ''].filter(Boolean).join('；')}`;
}

/**
 * Every enrolled candidate's outcome of every certificate+level of the plan they sat a subject
 * of, from the plan's rule (certificateOutcome) and the scores in the store: the one place the
 * app computes 考证结果, for the results view, the cross-check, issuance and the statistics.
 * A subject of the certificate without a score (or not enrolled) leaves it undecided. In
 * candidate order (as imported), each candidate's certificates by code and level.
 */
export function localResults(store: Store, planCode: string, rows: readonly PlanScoreRow[] = planScoreRows(store, planCode)): LocalResult[] {
  // The plan's certificates in its own order (code, then 初级 · 中级 · 高级), each with its rule.
  const rules = planInfo(store, planCode)?.certificates ?? [];
  const certOfSubject = new Map<string, number>();
  rules.forEach((c, i) => {
    for (const s of c.subjects) certOfSubject.set(s.subjectCode, i);
  });
  // candidate → certificate index → that certificate's scores so far, and the subjects enrolled
  const byCandidate = new Map<number, { row: PlanScoreRow; certs: Map<number, { scores: Map<string, SubjectScore>; enrolled: Set<string> }> }>();
  for (const r of rows) {
    const cert = certOfSubject.get(r.subjectCode);
    if (cert === undefined) continue;
    const entry = byCandidate.get(r.candidateId) ?? { row: r, certs: new Map() };
    byCandidate.set(r.candidateId, entry);
    const taken = entry.certs.get(cert) ?? { scores: new Map<string, SubjectScore>(), enrolled: new Set<string>() };
    entry.certs.set(cert, taken);
    taken.enrolled.add(r.subjectCode);
    if (r.hasScore) taken.scores.set(r.subjectCode, { score: r.score, absent: r.absent === 1 });
  }
  const results: LocalResult[] = [];
  for (const { row, certs: taken } of byCandidate.values()) {
    for (const [i, { scores, enrolled }] of [...taken].sort(([a], [b]) => a - b)) {
      const rule = rules[i]!;
      const computed = certificateOutcome(rule, scores);
      const outcome = computed.passed === null ? { ...computed, reasons: [undecidedReason(rule.subjects, scores, enrolled)] } : computed;
      results.push({
        candidateId: row.candidateId,
        idNumber: row.idNumber,
        name: row.name,
        major: row.major,
        entryYear: row.entryYear,
        certificateCode: rule.certificateCode,
        level: rule.level,
        outcome,
        notEnrolled: rule.subjects.filter((s) => !enrolled.has(s.subjectCode)).map((s) => s.subjectCode),
      });
    }
  }
  return results;
}
