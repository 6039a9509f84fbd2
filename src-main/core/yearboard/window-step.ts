import type { YearStep } from '../../../src-shared/api/yearboard';
import type { ExamPlan } from '../../../src-shared/domain/catalog';

export interface PlanWindows {
  code: string;
  name: string;
  windows: ExamPlan['windows'];
}

/** A later step: what its plan window says, until its workflow fills it in. */
export function windowStep(key: YearStep['key'], title: string, plans: PlanWindows[], today: string, window: keyof ExamPlan['windows']): YearStep {
  const open = plans.find((p) => p.windows[window].start <= today && today <= p.windows[window].end);
  const next = plans.find((p) => today < p.windows[window].start);
  return {
    key,
    title,
    state: 'idle',
    summary: '尚未开始',
    hint: open ? `“${open.name}”进行中（${open.windows[window].start} ~ ${open.windows[window].end}）` : next ? `下一次：${next.windows[window].start}` : null,
    link: null,
  };
}
