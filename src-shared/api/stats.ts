import { z } from 'zod';
import { empty, op } from './contract';
import type { JobInfo } from './jobs';
import type { PlanPhase } from '../domain/plan-phase';
import { BIN_WIDTHS, type BinWidth, type PlanStatistics } from '../domain/score-stats';
import { STAFF } from '../roles';

/** A plan 统计分析 can show, with how far its scores have come. */
export interface StatsPlanRow {
  code: string;
  name: string;
  phase: PlanPhase;
  /** Enrolled subjects, and those with a score (absent included). */
  enrolled: number;
  scored: number;
}

/** 统计分析 of one plan: what the page shows and the xlsx and PDF report hold. */
export interface PlanStats extends PlanStatistics {
  plan: { code: string; name: string; orgName: string; phase: PlanPhase };
  binWidth: BinWidth;
  scores: {
    enrolled: number;
    scored: number;
    absent: number;
    /** When the newest score arrived (ISO), null before any. */
    latestAt: string | null;
    /** 永久锁定 after the publicity window: the numbers will not change again. */
    locked: boolean;
  };
}

export const STATS_FORMATS = ['xlsx', 'pdf'] as const;
export type StatsFormat = (typeof STATS_FORMATS)[number];

export interface StatsExportResult {
  format: StatsFormat;
  fileName: string;
  exportFile: 'export';
  /** Pages of the PDF report; null for the xlsx. */
  pages: number | null;
}

const planCode = z.string().trim().min(1, { error: '请选择考试计划' }).max(40);
const binWidth = z.literal(BIN_WIDTHS, { error: `分数段宽度只能是 ${BIN_WIDTHS.join(' 或 ')} 分` }).default(10);

export const statsQuery = z.object({ planCode, binWidth }).strict();
export const statsExportInput = statsQuery.extend({ format: z.enum(STATS_FORMATS, { error: '导出格式只能是 xlsx 或 pdf' }) }).strict();
export type StatsExportInput = z.output<typeof statsExportInput>;

export const statsOps = {
  'stats.plans': op<StatsPlanRow[]>()({ input: empty, access: STAFF, summary: '统计分析的考试计划' }),
  'stats.plan': op<PlanStats>()({ input: statsQuery, access: STAFF, summary: '考试计划的成绩统计' }),
  'stats.export': op<JobInfo<StatsExportResult>>()({ input: statsExportInput, access: STAFF, summary: '导出成绩统计' }),
};
