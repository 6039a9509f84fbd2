import { z } from 'zod';
import { empty, op, text } from './contract';
import type { ExamPlan } from '../domain/catalog';
import { DISPUTE_NOTE_MAX, type DisputeClosedReason, type ScoreStage } from '../domain/scores';
import { STAFF } from '../roles';

/** An earlier value of a score, replaced by a later package: the score's history. */
export interface ScoreRevision {
  score: number | null;
  absent: boolean;
  /** When the platform issued it, and when the later value replaced it. */
  issuedAt: string;
  replacedAt: string;
}

/** A score's latest 有异议 flag: open (sent to the platform or not yet), or closed and why. */
export interface ScoreDispute {
  id: number;
  note: string;
  flaggedAt: string;
  flaggedBy: string;
  sentAt: string | null;
  open: boolean;
  closedAt: string | null;
  closedReason: DisputeClosedReason | null;
}

/** One enrolled subject of one candidate, with its score once the platform has sent it. */
export interface ScoreRow {
  enrollmentId: number;
  /** Null while the platform has sent no score for it. */
  scoreId: number | null;
  candidateId: number;
  name: string;
  /** Masked by the 身份证号打印方式 setting. */
  idNumber: string;
  ticketNumber: string | null;
  subjectCode: string;
  subjectName: string;
  score: number | null;
  absent: boolean;
  issuedAt: string | null;
  /** 未到成绩登记 / 成绩登记中 / 公示中 / 已锁定, or 未出成绩 while there is none. */
  status: string;
  dispute: ScoreDispute | null;
  /** Earlier values, oldest first. */
  history: ScoreRevision[];
}

export interface ScoreSubjectCount {
  code: string;
  name: string;
  enrolled: number;
  scored: number;
}

/** A plan as 科目成绩 lists it: its windows, where its scores stand, and how many there are. */
export interface ScorePlanRow {
  code: string;
  name: string;
  scoreEntry: ExamPlan['windows']['scoreEntry'];
  publicity: ExamPlan['windows']['publicity'];
  stage: ScoreStage;
  stageLabel: string;
  lockedAt: string | null;
  enrolled: number;
  scored: number;
  absent: number;
  disputesOpen: number;
  /** Open flags not yet sent in a 成绩异议 package. */
  disputesUnsent: number;
  subjects: ScoreSubjectCount[];
}

export const SCORE_SORTS = ['subject', 'name', 'idNumber', 'score'] as const;
export type ScoreSort = (typeof SCORE_SORTS)[number];

const planCode = z.string().trim().min(1, { error: '请选择考试计划' }).max(40);
const rowId = z
  .number()
  .int()
  .positive()
  .max(2 ** 31);

export const scoreFilter = z
  .object({
    planCode,
    subjectCode: z.string().trim().max(40).optional(),
    /** Name, pinyin, ID number or 准考证号, any part. */
    search: z.string().trim().max(60).optional(),
    /** Only scores flagged 有异议 and still open. */
    disputed: z.boolean().optional(),
  })
  .strict();
export type ScoreFilter = z.infer<typeof scoreFilter>;

export const scoreListInput = scoreFilter.extend({
  sort: z.enum(SCORE_SORTS).default('subject'),
  order: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface ScorePage {
  total: number;
  offset: number;
  rows: ScoreRow[];
}

export interface CandidateScores {
  planCode: string;
  planName: string;
  stage: ScoreStage;
  stageLabel: string;
  candidateId: number;
  name: string;
  idNumber: string;
  rows: ScoreRow[];
}

export interface ScoreChange {
  row: ScoreRow;
  message: string;
}

export const scoreOps = {
  'scores.plans': op<ScorePlanRow[]>()({ input: empty, access: STAFF, summary: '科目成绩的考试计划' }),
  'scores.list': op<ScorePage>()({ input: scoreListInput, access: STAFF, summary: '科目成绩列表' }),
  'scores.candidate': op<CandidateScores>()({ input: z.object({ planCode, candidateId: rowId }).strict(), access: STAFF, summary: '考生的科目成绩' }),
  'scores.flag': op<ScoreChange>()({
    input: z.object({ scoreId: rowId, note: text('异议说明', DISPUTE_NOTE_MAX) }).strict(),
    access: STAFF,
    mutates: true,
    summary: '标记成绩有异议',
  }),
  'scores.withdraw': op<ScoreChange>()({ input: z.object({ scoreId: rowId }).strict(), access: STAFF, mutates: true, summary: '撤回成绩异议' }),
};
