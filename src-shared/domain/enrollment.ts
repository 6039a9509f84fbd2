import type { CandidateKind } from './candidate';
import type { ExamPlan } from './catalog';
import { excerpt } from '../excerpt';

/**
 * 报考 (the manual's 2.2.7): the institution enrolls its candidates in an exam plan, 按证书 (every
 * subject of a certificate and level in the plan) or 按科目 (the chosen subjects), only inside the
 * plan's registration window, within the year's quota of approved declarations.
 */
export const ENROLL_MODES = ['certificate', 'subject'] as const;
export type EnrollMode = (typeof ENROLL_MODES)[number];
export const ENROLL_MODE_LABELS: Record<EnrollMode, string> = { certificate: '按证书', subject: '按科目' };

/** What a spreadsheet of 报考 does: enroll by certificate or by subject, or 批量删除报考. */
export const ENROLL_SHEETS = ['certificate', 'subject', 'delete'] as const;
export type EnrollSheet = (typeof ENROLL_SHEETS)[number];
export const ENROLL_SHEET_LABELS: Record<EnrollSheet, string> = { certificate: '按证书报考', subject: '按科目报考', delete: '删除报考' };

/** Rows of one enrollment sheet or one selection on the list. */
export const ENROLL_LIMITS = { maxRows: 100_000, maxSubjects: 50 } as const;

/**
 * Why the registration window keeps enrolling (or deleting an enrollment) from happening today,
 * with the window; null inside it. The platform's dates are Beijing days, the last one included.
 */
export function registrationRefusal(plan: { name: string; windows: ExamPlan['windows'] }, today: string): string | null {
  const { start, end } = plan.windows.registration;
  if (start <= today && today <= end) return null;
  const when = `报名时间 ${start} 00:00 ~ ${end} 23:59`;
  return today < start ? `考试计划“${excerpt(plan.name, 40)}”尚未开始报名（${when}）` : `考试计划“${excerpt(plan.name, 40)}”的报名已经结束（${when}）`;
}

/** 参考对象: whether a candidate of this kind may sit a subject meant for `target`. */
export function targetAllows(target: string, kind: CandidateKind): boolean {
  if (target === '院校考生') return kind === 'school';
  if (target === '社会考生') return kind === 'social';
  return true;
}

export interface QuotaUse {
  /** 证书简称, as people say it: 物流管理. */
  certificate: string;
  level: string;
  approved: number;
  used: number;
  adding: number;
}

/** Over the year's quota: "物流管理 初级：本年度指标 120，已用 118，本次 5 人，超出 3 人"; null within it. */
export function quotaOverflow(q: QuotaUse): string | null {
  const over = q.used + q.adding - q.approved;
  if (over <= 0) return null;
  return `${q.certificate} ${q.level}：本年度指标 ${q.approved}，已用 ${q.used}，本次 ${q.adding} 人，超出 ${over} 人`;
}
