import { useSearchParams } from 'react-router';
import type { SchedulePlanRow, SchedulePlans } from '../../../src-shared/api/schedule';
import { useOp } from '../../api/hooks';
import { PlanPicker } from '../../ui/PlanPicker';

/** The plan to show first: one not ended with a schedule, else with enrollments, else any not ended, else the first. */
function defaultPlan(plans: SchedulePlanRow[]): string | undefined {
  const open = plans.filter((p) => p.phase !== '已结束');
  return (open.find((p) => p.source !== null) ?? open.find((p) => p.enrolled > 0) ?? open[0] ?? plans[0])?.code;
}

/** The plan a schedule page shows, kept in the address (?plan=) so a reload or a link keeps it. */
export function useSchedulePlan(): { plans: ReturnType<typeof useOp<'schedule.plans'>>; planCode: string | undefined; setPlan: (code: string) => void } {
  const [params, setParams] = useSearchParams();
  const plans = useOp('schedule.plans', {});
  const asked = params.get('plan');
  const planCode = asked && plans.data?.plans.some((p) => p.code === asked) ? asked : plans.data ? defaultPlan(plans.data.plans) : undefined;
  return { plans, planCode, setPlan: (code) => setParams({ plan: code }) };
}

export function SchedulePlanPicker({
  data,
  loading,
  planCode,
  onChange,
  id,
}: {
  data: SchedulePlans | undefined;
  loading: boolean;
  planCode: string | undefined;
  onChange: (code: string) => void;
  id: string;
}) {
  return (
    <PlanPicker
      id={id}
      planCode={planCode}
      loading={loading}
      onChange={onChange}
      options={(data?.plans ?? []).map((p) => ({ value: p.code, label: `${p.name}（${p.code}）· ${p.phase} · ${p.sourceLabel}` }))}
      notFoundContent={data?.assignedOnly ? '您还没有监考或巡考安排' : '还没有考试计划：请先导入平台的数据包'}
    />
  );
}
