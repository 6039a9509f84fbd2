import type { ExamPlan } from './catalog';

/**
 * 科目成绩 as the plan's windows frame it: before 成绩登记 opens, while it is open (and until
 * 公示 begins), during 公示, and locked for good once 公示 has ended.
 */
export type ScoreStage = 'before' | 'entry' | 'publicity' | 'locked';

export const SCORE_STAGE_LABELS: Record<ScoreStage, string> = {
  before: '未到成绩登记',
  entry: '成绩登记中',
  publicity: '公示中',
  locked: '已锁定',
};

/**
 * Where a plan's scores stand on a Beijing date. A plan the store has locked stays locked
 * whatever windows a later catalog brings: the lock is permanent.
 */
export function scoreStage(windows: Pick<ExamPlan['windows'], 'scoreEntry' | 'publicity'>, today: string, locked = false): ScoreStage {
  if (locked || today > windows.publicity.end) return 'locked';
  if (today >= windows.publicity.start) return 'publicity';
  if (today >= windows.scoreEntry.start) return 'entry';
  return 'before';
}

/** 有异议: why the coordinator doubts a score, a sentence or two. */
export const DISPUTE_NOTE_MAX = 200;

export type DisputeClosedReason = 'corrected' | 'withdrawn' | 'locked';

export const DISPUTE_CLOSED_LABELS: Record<DisputeClosedReason, string> = {
  corrected: '已更正',
  withdrawn: '已撤回',
  locked: '锁定时关闭',
};

/** A score as people read it: one decimal, or 缺考. */
export function formatScore(score: number | null, absent: boolean): string {
  return absent || score === null ? '缺考' : score.toFixed(1);
}

/** A score in tenths, the integer every sum and comparison of one-decimal scores is exact in. */
export const tenths = (score: number): number => Math.round(score * 10);

/** Scores are marked to one decimal: compared in tenths, so 59.9 from JSON and from SQLite are one value. */
export function sameScore(a: { score: number | null; absent: boolean }, b: { score: number | null; absent: boolean }): boolean {
  if (a.absent || b.absent) return a.absent === b.absent;
  return tenths(a.score!) === tenths(b.score!);
}
