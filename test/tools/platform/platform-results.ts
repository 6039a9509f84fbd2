import type { WrittenPackage } from '../../../src-main/pipelines/packages/write-package';
import type { ResultsPayload, ScoresPayload } from '../../../src-shared/domain/score-kinds';
import { issuePackage } from './issue-package';
import type { Platform } from './platform';
import type { Assessment, Scenario } from './scenario-schema';

/**
 * The platform's own 考证结果, as its side computes them from the scores it issued and the
 * scenario's assessments (the pass rule and weights every plan of a certificate+level uses).
 *
 * Its quirk, on purpose — the kind real systems have, so the app's cross-check has something to
 * find: the platform TRUNCATES the composite Σ score × weight to one decimal instead of rounding
 * half up. 59.96 is 59.9 on the platform and 60.0 in the app, and against a pass mark of 60 the
 * two disagree on the verdict too. With weights like 40/30/30 about half of all composites end
 * in a second decimal of 5 or more and so differ by 0.1; a single-subject certificate never does.
 */
export const PLATFORM_ROUNDING = '平台将综合成绩截断到一位小数（不四舍五入）';

/** Σ score × weight%, truncated to one decimal — in integers (tenths × hundredths), so only the truncation differs from the app. */
export function platformComposite(parts: readonly { score: number; weight: number }[]): number {
  const units = parts.reduce((sum, p) => sum + Math.round(p.score * 10) * Math.round(p.weight * 100), 0);
  return Math.floor(units / 10_000) / 10;
}

type ScoreEntry = ScoresPayload['scores'][number]['entries'][number];
type ResultEntry = ResultsPayload['results'][number]['entries'][number];

/** The platform's verdict of one candidate for one assessment, when every subject of it has a score; null otherwise (it decides complete ones only). */
function verdictOf(a: Assessment, scores: ReadonlyMap<string, ScoreEntry>): Pick<ResultEntry, 'composite' | 'passed'> | null {
  const taken = a.subjects.map((s) => ({ subject: s, entry: scores.get(s.subjectCode) }));
  if (taken.some((t) => !t.entry)) return null;
  const composite = platformComposite(taken.map((t) => ({ score: t.entry!.absent ? 0 : t.entry!.score!, weight: t.subject.weight })));
  const { compositePassScore, allSubjectsPass } = a.passRule;
  const compositeOk = compositePassScore === null || composite >= compositePassScore;
  const subjectsOk = !allSubjectsPass || taken.every((t) => !t.entry!.absent && t.entry!.score! >= t.subject.passScore);
  return { composite: compositePassScore === null ? null : composite, passed: compositeOk && subjectsOk };
}

/**
 * The `results` payload answering a `scores` payload: per plan, every candidate whose scores
 * cover all subjects of a certificate+level gets the platform's verdict. Of the same plan,
 * subject and candidate the latest issued score counts (a corrected one after 成绩异议). Issued
 * at `issuedAt`, default the latest time of issue among the plan's scores. Pure: the same scores
 * give the same results.
 */
export function platformResults(scores: ScoresPayload, scenario: Pick<Scenario, 'assessments'>, opts: { issuedAt?: string } = {}): ResultsPayload {
  // plan → candidate → subject → the latest score, and the plan's latest time of issue
  const plans = new Map<string, { issuedAt: string; names: Map<string, string>; byCandidate: Map<string, Map<string, { entry: ScoreEntry; issuedAt: string }>> }>();
  for (const item of scores.scores) {
    const plan = plans.get(item.planCode) ?? { issuedAt: item.issuedAt, names: new Map(), byCandidate: new Map() };
    plans.set(item.planCode, plan);
    if (Date.parse(item.issuedAt) > Date.parse(plan.issuedAt)) plan.issuedAt = item.issuedAt;
    for (const entry of item.entries) {
      const subjects = plan.byCandidate.get(entry.idNumber) ?? new Map();
      plan.byCandidate.set(entry.idNumber, subjects);
      const had = subjects.get(item.subjectCode);
      if (!had || Date.parse(item.issuedAt) >= Date.parse(had.issuedAt)) {
        subjects.set(item.subjectCode, { entry, issuedAt: item.issuedAt });
        plan.names.set(entry.idNumber, entry.name);
      }
    }
  }
  const results = [...plans].map(([planCode, plan]) => {
    const entries: ResultEntry[] = [];
    for (const [idNumber, subjects] of plan.byCandidate) {
      const current = new Map([...subjects].map(([code, s]) => [code, s.entry]));
      for (const a of scenario.assessments.filter((x) => x.subjects.some((s) => current.has(s.subjectCode)))) {
        const verdict = verdictOf(a, current);
        if (verdict) entries.push({ idNumber, name: plan.names.get(idNumber)!, certificateCode: a.certificateCode, level: a.level, ...verdict });
      }
    }
    return { planCode, issuedAt: opts.issuedAt ?? plan.issuedAt, entries };
  });
  return { results };
}

/** A signed `results` package to an institution: platformResults of the scores, with the folder's next sequence number. */
export async function issueResultsPackage(
  platform: Platform,
  opts: { institutionCode: string; scores: ScoresPayload; out: string; now?: Date; issuedAt?: string },
): Promise<{ written: WrittenPackage; results: ResultsPayload }> {
  const results = platformResults(opts.scores, platform.scenario, opts.issuedAt ? { issuedAt: opts.issuedAt } : {});
  const written = await issuePackage(platform, { results }, { institutionCode: opts.institutionCode, out: opts.out, ...(opts.now ? { now: opts.now } : {}) });
  return { written, results };
}
