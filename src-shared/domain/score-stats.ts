import { CERT_LEVELS } from './catalog';
import { tenths } from './scores';

/**
 * 统计分析 of one exam plan, computed from plain rows: pass rates by plan, certificate, level,
 * major, entry year and subject, and each subject's score distribution. The core reads the rows
 * (subject scores from the store, certificate outcomes from `localResults`, the one place results
 * are computed); the page, the xlsx and the PDF all show what this returns.
 */

/** One enrolled subject of one candidate, with its score as stored (or none yet). */
export interface SubjectScoreRow {
  subjectCode: string;
  major: string | null;
  entryYear: number | null;
  /** False while the organisation has sent no score for it (未出成绩). */
  scored: boolean;
  absent: boolean;
  score: number | null;
}

/** One candidate's 考证结果 for one certificate+level, as `localResults` computed it. */
export interface CertificateResultRow {
  certificateCode: string;
  level: string;
  major: string | null;
  entryYear: number | null;
  /** null: undecided (a subject has no score yet). */
  passed: boolean | null;
  /** Absent (缺考) in every subject of the certificate. */
  absentAll: boolean;
}

export interface PlanSubjectMeta {
  subjectCode: string;
  subjectName: string;
  passScore: number;
}

export interface PlanCertificateMeta {
  certificateCode: string;
  /** 物流管理 (the certificate's short name). */
  shortName: string;
  level: string;
  subjects: PlanSubjectMeta[];
}

export interface PlanMeta {
  code: string;
  name: string;
  certificates: PlanCertificateMeta[];
}

/** The counts behind a rate: every number a rate shows can be traced to these. */
export interface RateCounts {
  /** 报考: enrolled subjects, or certificate+level results. */
  enrolled: number;
  /** 应考: those with an outcome (absent included): the rate's denominator. */
  decided: number;
  /** 通过: the rate's numerator. */
  passed: number;
  /** 缺考 (included in `decided`, never passed). */
  absent: number;
  /** 未出成绩 / 成绩未齐: not in the rate. */
  undecided: number;
}

export interface RateRow extends RateCounts {
  key: string;
  label: string;
  /** 通过率 in percent, one decimal, half up; null when nobody has an outcome yet. */
  rate: number | null;
}

export const STATS_DIMENSIONS = ['plan', 'certificate', 'certificateLevel', 'level', 'major', 'entryYear', 'subject'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<StatsDimension, string> = {
  plan: '考试计划',
  certificate: '证书',
  certificateLevel: '证书等级',
  level: '等级',
  major: '专业',
  entryYear: '入学年份',
  subject: '科目',
};

export interface RateTable {
  dimension: StatsDimension;
  /** 按证书等级 */
  title: string;
  /** What is counted: certificate results (考证结果) or subject scores (科目成绩). */
  basis: 'certificate' | 'subject';
  rows: RateRow[];
}

export const BIN_WIDTHS = [10, 5] as const;
export type BinWidth = (typeof BIN_WIDTHS)[number];

export interface HistogramBin {
  from: number;
  to: number;
  /** The last bin holds its upper edge too ([90, 100]); every other one stops short of it ([60, 70)). */
  closed: boolean;
  label: string;
  count: number;
}

export interface SubjectHistogram {
  subjectCode: string;
  subjectName: string;
  /** 物流管理（初级） */
  certificateLabel: string;
  passScore: number;
  binWidth: BinWidth;
  bins: HistogramBin[];
  /** Scores in the bins (absent and unscored subjects are not). */
  scored: number;
  absent: number;
  undecided: number;
  passed: number;
  /** One decimal, half up; null without scores. */
  mean: number | null;
  min: number | null;
  max: number | null;
}

export interface PlanStatistics {
  tables: RateTable[];
  histograms: SubjectHistogram[];
}

const NO_MAJOR = '（无专业）';
const NO_YEAR = '（无入学年份）';

/** passed / decided in percent to one decimal, half up, in integers; null for an empty denominator. */
export function ratePercent(passed: number, decided: number): number | null {
  if (decided === 0) return null;
  return Math.floor((2000 * passed + decided) / (2 * decided)) / 10;
}

/** 66.7% / — */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${rate.toFixed(1)}%`;
}

/** 通过 3 / 应考 4 (缺考 1，未出成绩 2): the numbers behind a rate, in the words the page uses. */
export function countsText(c: RateCounts, basis: RateTable['basis']): string {
  const extra = [c.absent ? `缺考 ${c.absent}` : '', c.undecided ? `${basis === 'subject' ? '未出成绩' : '成绩未齐'} ${c.undecided}` : ''].filter(Boolean);
  return `通过 ${c.passed} / 应考 ${c.decided}${extra.length ? `（${extra.join('，')}）` : ''}`;
}

const zero = (): RateCounts => ({ enrolled: 0, decided: 0, passed: 0, absent: 0, undecided: 0 });

function add(c: RateCounts, outcome: { passed: boolean | null; absent: boolean }): void {
  c.enrolled++;
  if (outcome.passed === null) return void c.undecided++;
  c.decided++;
  if (outcome.passed) c.passed++;
  if (outcome.absent) c.absent++;
}

/** Groups in the given order (known keys first, even when empty), then the others as they sort. */
function rateRows<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  outcomeOf: (item: T) => { passed: boolean | null; absent: boolean },
  known: readonly { key: string; label: string }[],
  labelOf: (key: string) => string,
  compare: (a: string, b: string) => number,
): RateRow[] {
  const groups = new Map<string, RateCounts>(known.map((k) => [k.key, zero()]));
  for (const item of items) {
    const key = keyOf(item);
    const counts = groups.get(key) ?? zero();
    groups.set(key, counts);
    add(counts, outcomeOf(item));
  }
  const knownKeys = new Set(known.map((k) => k.key));
  const labels = new Map(known.map((k) => [k.key, k.label]));
  const others = [...groups.keys()].filter((k) => !knownKeys.has(k)).sort(compare);
  return [...known.map((k) => k.key), ...others].map((key) => {
    const c = groups.get(key)!;
    return { key, label: labels.get(key) ?? labelOf(key), ...c, rate: ratePercent(c.passed, c.decided) };
  });
}

const byChinese = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN');
/** Keys that stand for "none" (an empty key) sort last. */
const noneLast = (compare: (a: string, b: string) => number) => (a: string, b: string) => (a === '' ? 1 : b === '' ? -1 : compare(a, b));

export function certificateLevelLabel(c: { shortName: string; level: string }): string {
  return `${c.shortName}（${c.level}）`;
}

/** A subject outcome: at or above its pass mark passes; absent never does; no score yet is undecided. */
function subjectOutcome(row: SubjectScoreRow, passScore: number | undefined): { passed: boolean | null; absent: boolean } {
  if (!row.scored) return { passed: null, absent: false };
  if (row.absent || row.score === null) return { passed: false, absent: true };
  return { passed: passScore !== undefined && tenths(row.score) >= tenths(passScore), absent: false };
}

/**
 * Rates of every dimension. Certificate dimensions count 考证结果 (decided outcomes; undecided
 * ones apart); the subject dimension counts 科目成绩 against each subject's pass mark. A
 * certificate, level or subject of the plan appears even when nobody is in it (rate —).
 */
export function rateTables(plan: PlanMeta, results: readonly CertificateResultRow[], scores: readonly SubjectScoreRow[]): RateTable[] {
  const certOutcome = (r: CertificateResultRow) => ({ passed: r.passed, absent: r.absentAll && r.passed !== null });
  const certificates = uniqueBy(plan.certificates, (c) => c.certificateCode).map((c) => ({ key: c.certificateCode, label: c.shortName }));
  const certLevels = plan.certificates.map((c) => ({ key: `${c.certificateCode}|${c.level}`, label: certificateLevelLabel(c) }));
  const levels = CERT_LEVELS.filter((l) => plan.certificates.some((c) => c.level === l)).map((l) => ({ key: l, label: l }));
  const subjects = plan.certificates.flatMap((c) => c.subjects.map((s) => ({ key: s.subjectCode, label: `${s.subjectName}（${s.subjectCode}）`, passScore: s.passScore })));
  const passMarks = new Map(subjects.map((s) => [s.key, s.passScore]));
  const title = (dimension: StatsDimension) => `按${DIMENSION_LABELS[dimension]}`;
  const byResults = (
    dimension: StatsDimension,
    key: (r: CertificateResultRow) => string,
    known: { key: string; label: string }[],
    labelOf = (k: string) => k,
    compare = byChinese,
  ): RateTable => ({
    dimension,
    title: title(dimension),
    basis: 'certificate',
    rows: rateRows(results, key, certOutcome, known, labelOf, compare),
  });
  const byYear = (a: string, b: string) => Number(a) - Number(b);
  return [
    byResults('plan', () => plan.code, [{ key: plan.code, label: plan.name }]),
    byResults('certificate', (r) => r.certificateCode, certificates),
    byResults('certificateLevel', (r) => `${r.certificateCode}|${r.level}`, certLevels),
    byResults('level', (r) => r.level, levels),
    byResults(
      'major',
      (r) => r.major ?? '',
      [],
      (k) => k || NO_MAJOR,
      noneLast(byChinese),
    ),
    byResults(
      'entryYear',
      (r) => (r.entryYear === null ? '' : String(r.entryYear)),
      [],
      (k) => (k ? `${k} 级` : NO_YEAR),
      noneLast(byYear),
    ),
    {
      dimension: 'subject',
      title: title('subject'),
      basis: 'subject',
      rows: rateRows(
        scores,
        (s) => s.subjectCode,
        (s) => subjectOutcome(s, passMarks.get(s.subjectCode)),
        subjects,
        (k) => k,
        byChinese,
      ),
    },
  ];
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) if (!byKey.has(key(item))) byKey.set(key(item), item);
  return [...byKey.values()];
}

/** `[60, 70)`, and the last bin `[90, 100]`. */
function binLabel(from: number, to: number, closed: boolean): string {
  return `[${from}, ${to}${closed ? ']' : ')'}`;
}

/**
 * A subject's score distribution in bins of `binWidth` from 0: [0, w), [w, 2w), … and the last
 * bin closed. The bins reach at least 100 and the pass mark, and further when a score does (a
 * subject marked out of 150). A score exactly on an edge goes in the bin that starts there.
 */
export function histogramBins(scores: readonly number[], binWidth: BinWidth, passScore: number): HistogramBin[] {
  const width = binWidth * 10;
  const top = scores.reduce((m, s) => Math.max(m, tenths(s)), Math.max(1000, tenths(passScore)));
  const count = Math.max(1, Math.ceil(top / width));
  const bins: HistogramBin[] = Array.from({ length: count }, (_, i) => {
    const from = i * binWidth;
    const to = (i + 1) * binWidth;
    const closed = i === count - 1;
    return { from, to, closed, label: binLabel(from, to, closed), count: 0 };
  });
  for (const s of scores) bins[Math.min(Math.floor(tenths(s) / width), count - 1)]!.count++;
  return bins;
}

/** Mean of scores in tenths, to one decimal, half up, in integers. */
function meanOf(scores: readonly number[]): number | null {
  if (!scores.length) return null;
  const sum = scores.reduce((a, s) => a + tenths(s), 0);
  return Math.floor((2 * sum + scores.length) / (2 * scores.length)) / 10;
}

/** Every subject of the plan, in the plan's order, with its distribution (an empty one when nobody has a score). */
export function subjectHistograms(plan: PlanMeta, scores: readonly SubjectScoreRow[], binWidth: BinWidth): SubjectHistogram[] {
  const bySubject = new Map<string, SubjectScoreRow[]>();
  for (const s of scores) {
    const rows = bySubject.get(s.subjectCode);
    if (rows) rows.push(s);
    else bySubject.set(s.subjectCode, [s]);
  }
  return plan.certificates.flatMap((c) =>
    c.subjects.map((subject) => {
      const rows = bySubject.get(subject.subjectCode) ?? [];
      const values = rows.filter((r) => r.scored && !r.absent && r.score !== null).map((r) => r.score!);
      return {
        subjectCode: subject.subjectCode,
        subjectName: subject.subjectName,
        certificateLabel: certificateLevelLabel(c),
        passScore: subject.passScore,
        binWidth,
        bins: histogramBins(values, binWidth, subject.passScore),
        scored: values.length,
        absent: rows.filter((r) => r.scored && r.absent).length,
        undecided: rows.filter((r) => !r.scored).length,
        passed: values.filter((v) => tenths(v) >= tenths(subject.passScore)).length,
        mean: meanOf(values),
        min: values.length ? values.reduce((a, b) => Math.min(a, b)) : null,
        max: values.length ? values.reduce((a, b) => Math.max(a, b)) : null,
      };
    }),
  );
}

export function planStatistics(plan: PlanMeta, results: readonly CertificateResultRow[], scores: readonly SubjectScoreRow[], binWidth: BinWidth): PlanStatistics {
  return { tables: rateTables(plan, results, scores), histograms: subjectHistograms(plan, scores, binWidth) };
}
