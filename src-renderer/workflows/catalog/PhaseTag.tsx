import { Tag } from 'antd';
import type { PlanPhase } from '../../../src-shared/domain/plan-phase';

const COLORS: Record<string, string> = {
  未开始: 'blue',
  报名中: 'green',
  准考证打印: 'cyan',
  考试中: 'volcano',
  成绩登记: 'purple',
  公示中: 'gold',
  已结束: 'default',
};

/** A plan's current phase; the waits between windows (待考试…) share one quiet colour. */
export function PhaseTag({ phase }: { phase: PlanPhase }) {
  return <Tag color={COLORS[phase] ?? 'geekblue'}>{phase}</Tag>;
}
