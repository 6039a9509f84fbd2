import type { PlanCertificate } from './catalog';
import { tenths } from './scores';

/** One subject's score as the organisation sent it: absent (缺考) has no score. */
export interface SubjectScore {
  score: number | null;
  absent: boolean;
}

export interface SubjectOutcome {
  subjectCode: string;
  /** The score the rule used: an absent subject counts as 0; null while it has no score yet. */
  counted: number | null;
  absent: boolean;
  passScore: number;
  /** 所占总成绩比例, percent. */
  weight: number;
  /** score × weight, unrounded, for showing how the composite was made. */
  weighted: number | null;
  /** At or above its pass mark (an absent subject never is). */
  passed: boolean | null;
}

export interface CertificateOutcome {
  /** Σ score × weight, rounded to one decimal half up (see compositeOf); null while a subject has no score. */
  composite: number | null;
  /** null: not every subject has a score yet (成绩未齐). */
  passed: boolean | null;
  subjects: SubjectOutcome[];
  /** Why it did not pass (or is not decided), in the words shown to the coordinator. */
  reasons: string[];
}

/** Scores carry one decimal and weights two: as integers (tenths × hundredths) every sum is exact. */
const hundredths = (weight: number): number => Math.round(weight * 100);

/**
 * The weighted composite (综合成绩) of the plan's rule: Σ score × weight% over the certificate's
 * subjects, rounded to ONE decimal, HALF UP (59.95 → 60.0, 59.94 → 59.9). Computed in integers so
 * 0.1-steps and weights like 33.33 never meet floating-point error. The pass mark is compared
 * with the rounded composite.
 */
export function compositeOf(parts: readonly { score: number; weight: number }[]): number {
  // Σ (score×10)(weight×100) is the composite in units of 1e-5; half up to units of 0.1 (1e4 of them).
  const units = parts.reduce((sum, p) => sum + tenths(p.score) * hundredths(p.weight), 0);
  return Math.floor((units + 5_000) / 10_000) / 10;
}

/**
 * 考证结果 of one candidate for one certificate+level of a plan, from its rule (考核通过条件):
 * the composite at or above the composite pass mark, and/or every subject at or above its own
 * pass mark — both when the rule names both. Absent subjects count as 0 and fail an
 * all-subjects rule. Until every subject has a score the result is undecided.
 */
export function certificateOutcome(cert: Pick<PlanCertificate, 'passRule' | 'subjects'>, scores: ReadonlyMap<string, SubjectScore>): CertificateOutcome {
  const subjects: SubjectOutcome[] = cert.subjects.map((s) => {
    const got = scores.get(s.subjectCode);
    const counted = got === undefined ? null : got.absent ? 0 : got.score;
    return {
      subjectCode: s.subjectCode,
      counted,
      absent: got?.absent ?? false,
      passScore: s.passScore,
      weight: s.weight,
      weighted: counted === null ? null : (tenths(counted) * hundredths(s.weight)) / 100_000,
      passed: counted === null ? null : !got!.absent && counted >= s.passScore,
    };
  });
  const missing = subjects.filter((s) => s.counted === null);
  if (missing.length) {
    return { composite: null, passed: null, subjects, reasons: [`成绩未齐：${missing.map((s) => s.subjectCode).join('、')} 尚无成绩`] };
  }
  const composite = compositeOf(subjects.map((s) => ({ score: s.counted!, weight: s.weight })));
  const reasons: string[] = [];
  const { compositePassScore, allSubjectsPass } = cert.passRule;
  if (compositePassScore !== null && composite < compositePassScore) reasons.push(`综合成绩 ${composite.toFixed(1)} 低于合格分数 ${compositePassScore}`);
  if (allSubjectsPass) {
    for (const s of subjects) {
      if (s.absent) reasons.push(`科目 ${s.subjectCode} 缺考`);
      else if (!s.passed) reasons.push(`科目 ${s.subjectCode} 成绩 ${s.counted!.toFixed(1)} 低于合格分数 ${s.passScore}`);
    }
  }
  return { composite, passed: reasons.length === 0, subjects, reasons };
}
