import { PLAN_WINDOWS, type ExamPlan, type PlanWindowKey } from './catalog';

export type PlanPhase = '未开始' | '报名中' | '准考证打印' | '考试中' | '成绩登记' | '公示中' | '已结束' | `待${string}`;

const OPEN_LABEL: Record<PlanWindowKey, PlanPhase> = {
  registration: '报名中',
  ticketPrint: '准考证打印',
  exam: '考试中',
  scoreEntry: '成绩登记',
  publicity: '公示中',
};

const NEXT_LABEL: Record<PlanWindowKey, PlanPhase> = {
  registration: '未开始',
  ticketPrint: '待准考证打印',
  exam: '待考试',
  scoreEntry: '待成绩登记',
  publicity: '待公示',
};

/**
 * Where a plan stands on a given day. Windows may overlap (ticket printing opens before
 * registration closes): the latest open window names the phase. Between windows, the next
 * one is awaited ("待考试").
 */
export function planPhase(windows: ExamPlan['windows'], today: string): PlanPhase {
  const open = PLAN_WINDOWS.filter((k) => windows[k].start <= today && today <= windows[k].end);
  if (open.length) return OPEN_LABEL[open[open.length - 1]!];
  if (today > windows.publicity.end) return '已结束';
  const next = PLAN_WINDOWS.find((k) => today < windows[k].start)!;
  return NEXT_LABEL[next];
}

/** Whether a dated action of a window may happen today (the window check of DESIGN.md §4). */
export function windowOpen(windows: ExamPlan['windows'], key: PlanWindowKey, today: string): boolean {
  return windows[key].start <= today && today <= windows[key].end;
}
