import type { PlanCertificateDetail } from '../../../src-shared/api/catalog';
import type { ExamPlan, ExamSession, PlanWindowKey } from '../../../src-shared/domain/catalog';

/** The plan list's 考试安排 lines, worded as the platform's list shows them. */
export const WINDOW_LIST_LABELS: Record<PlanWindowKey, string> = {
  registration: '报名时间',
  ticketPrint: '准考证打印',
  exam: '考试时间',
  scoreEntry: '查分时间',
  publicity: '公示时间',
};

/** The plan detail's labels, as the platform's 查看考试计划 shows them. */
export const WINDOW_DETAIL_LABELS: Record<PlanWindowKey, string> = {
  registration: '报考时间',
  ticketPrint: '准考证打印时间',
  exam: '考试时间',
  scoreEntry: '成绩登记时间',
  publicity: '成绩公示时间',
};

export function formatWindow(w: ExamPlan['windows'][PlanWindowKey]): string {
  return `${w.start} ~ ${w.end}`;
}

/** One exam session as the manual prints it: 2019-12-21 08:30~10:00. */
export function formatSession(s: ExamSession): string {
  return `${s.date} ${s.start}~${s.end}`;
}

/** 考核通过条件 in the platform's words. */
export function passRuleText(c: Pick<PlanCertificateDetail, 'compositePassScore' | 'allSubjectsPass'>): string {
  if (c.compositePassScore !== null && c.allSubjectsPass) return '综合成绩合格且各科目均需合格';
  if (c.compositePassScore !== null) return '综合成绩合格';
  return '各科目均需合格';
}

/** 40 → "40%", 33.33 → "33.33%". */
export function formatWeight(weight: number): string {
  return `${Number(weight.toFixed(2))}%`;
}
