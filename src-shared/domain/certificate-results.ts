import type { PlanCertificate } from './catalog';

/** How the composite is rounded, in the words the 考证结果 page and the README state (see compositeOf). */
export const ROUNDING_RULE = '综合成绩保留一位小数，四舍五入';

/** 通过, 未通过, or 成绩未齐 while a subject has no score. */
export function verdictLabel(passed: boolean | null): string {
  return passed === null ? '成绩未齐' : passed ? '通过' : '未通过';
}

/** The plan's 考核通过条件 of one certificate+level, as the page states it. */
export function passRuleText(rule: PlanCertificate['passRule']): string {
  const parts = [
    ...(rule.compositePassScore !== null ? [`综合成绩不低于 ${rule.compositePassScore} 分`] : []),
    ...(rule.allSubjectsPass ? ['每个科目均不低于其合格分数（缺考计 0 分，不合格）'] : []),
  ];
  return parts.join('，且');
}

/** A composite as shown: one decimal always (60 → 60.0), or — when there is none. */
export function compositeText(composite: number | null): string {
  return composite === null ? '—' : composite.toFixed(1);
}

/** Where the app's 考证结果 and the platform's stand to each other: `awaiting` until the platform has sent any for the plan. */
export const RESULT_CHECK_STATUSES = ['agree', 'disagree', 'awaiting'] as const;
export type ResultCheckStatus = (typeof RESULT_CHECK_STATUSES)[number];
export const RESULT_CHECK_LABELS: Record<ResultCheckStatus, string> = { agree: '一致', disagree: '不一致', awaiting: '待平台结果' };
