import { z } from 'zod';
import { empty, op, pageInput, type Page } from './contract';
import type { ResultCheckStatus } from '../domain/certificate-results';
import type { PlanPhase } from '../domain/plan-phase';
import { STAFF } from '../roles';

/** An exam plan as the 考证结果 page picks it: how many outcomes the app computes, how many the platform sent. */
export interface ResultPlanRow {
  code: string;
  name: string;
  phase: PlanPhase;
  /** Local outcomes: an enrolled candidate × certificate+level. */
  computed: number;
  /** Of them, decided (every subject scored). */
  decided: number;
  /** Verdicts the platform's `results` packages brought. */
  platform: number;
}

/** One subject of a certificate as the composite used it: the figures behind the number. */
export interface ResultSubject {
  subjectCode: string;
  subjectName: string;
  /** The score counted: an absent subject counts 0; null while it has no score. */
  score: number | null;
  absent: boolean;
  /** Enrolled in it (按科目报考 may leave one out: then it never gets a score). */
  enrolled: boolean;
  /** Percent. */
  weight: number;
  /** score × weight, unrounded; null while there is no score. */
  weighted: number | null;
  passScore: number;
  passed: boolean | null;
}

/** The app's own 考证结果: the composite (one decimal, half up), the verdict, and why it did not pass. */
export interface LocalFigures {
  /** Σ score × weight before rounding; null while a subject has no score. */
  sum: number | null;
  composite: number | null;
  /** null: 成绩未齐. */
  passed: boolean | null;
  reasons: string[];
  subjects: ResultSubject[];
}

export interface PlatformFigures {
  composite: number | null;
  passed: boolean;
  issuedAt: string;
}

/** One candidate × certificate+level of the plan: both sides and how they compare. */
export interface ResultRow {
  key: string;
  candidateId: number;
  name: string;
  idNumber: string;
  certificateCode: string;
  /** 物流管理（初级）. */
  certificateLabel: string;
  level: string;
  /** The plan's 考核通过条件 in words. */
  rule: string;
  /** null: the app has no such outcome (the candidate did not enroll in the certificate). */
  local: LocalFigures | null;
  /** null: the platform sent no verdict for it. */
  platform: PlatformFigures | null;
  status: ResultCheckStatus;
  /** What differs, in words: empty when they agree. */
  differences: string[];
}

export interface ResultsView {
  plan: { code: string; name: string };
  /** 综合成绩保留一位小数，四舍五入. */
  rounding: string;
  certificates: { certificateCode: string; label: string; level: string; rule: string; subjects: { code: string; name: string; weight: number; passScore: number }[] }[];
  /** Over the whole plan, whatever the filter. */
  counts: { computed: number; passed: number; failed: number; undecided: number; platform: number; agree: number; disagree: number };
  /** When the platform issued its newest verdict for the plan; null: none yet (every row 待平台结果). */
  platformIssuedAt: string | null;
  rows: Page<ResultRow>;
}

/** `results check --json`: exactly the shape. `local`/`platform` null when that side has no outcome. */
export interface ResultsCheck {
  plan: string;
  computed: number;
  platform: number;
  agree: number;
  disagreements: ResultDisagreement[];
}

export interface ResultDisagreement {
  candidate: { idNumber: string; name: string };
  certificate: string;
  level: string;
  local: { composite: number | null; passed: boolean | null } | null;
  platform: { composite: number | null; passed: boolean } | null;
  inputs: {
    rule: { compositePassScore: number | null; allSubjectsPass: boolean; rounding: string };
    /** `score` as the organisation sent it: null when absent or not yet scored. */
    subjects: { subject: string; name: string; score: number | null; absent: boolean; weight: number; passScore: number }[];
  };
}

export const RESULT_FILTERS = ['all', 'disagree', 'agree', 'passed', 'failed', 'undecided'] as const;
export type ResultFilter = (typeof RESULT_FILTERS)[number];

const planCode = z.string().trim().min(1, { error: '请选择考试计划' }).max(40);

export const resultsViewInput = z
  .object({
    planCode,
    filter: z.enum(RESULT_FILTERS).default('all'),
    /** 证书代码/等级, e.g. ZS2019003/初级. */
    certificate: z.string().max(60).optional(),
    /** Name, or any part of the ID number. */
    search: z.string().trim().max(60).optional(),
    ...pageInput,
  })
  .strict();

export const resultOps = {
  'results.plans': op<ResultPlanRow[]>()({ input: empty, access: STAFF, summary: '考证结果的考试计划' }),
  'results.view': op<ResultsView>()({ input: resultsViewInput, access: STAFF, summary: '考证结果' }),
  'results.check': op<ResultsCheck>()({ input: z.object({ planCode }).strict(), access: STAFF, summary: '核对考证结果' }),
};
