import { Alert, Empty, Tabs } from 'antd';
import { useState } from 'react';
import { roleAllowed, STAFF } from '../../../src-shared/roles';
import { useOp } from '../../api/hooks';
import { useSession } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { OverviewTable } from './OverviewTable';
import { RoomPlanTable } from './RoomPlanTable';
import { SchedulePlanPicker, useSchedulePlan } from './SchedulePlanPicker';
import { ScheduleStatus } from './ScheduleStatus';
import { SeatsTable } from './SeatsTable';

/** 排考查看 (the manual's 2.2.9): 考点编排, 考场编排 and 排考明细 of one plan. */
export function SchedulePage() {
  const { user } = useSession();
  const { plans, planCode, setPlan } = useSchedulePlan();
  const staff = roleAllowed(STAFF, user?.role);
  const assignedOnly = plans.data?.assignedOnly ?? false;
  return (
    <>
      <PageHeader
        title="排考查看"
        description={
          assignedOnly
            ? `${plans.data?.staffName ? `${plans.data.staffName}老师，` : ''}这里只列出安排给您监考或巡考的考场和场次。`
            : '平台根据考场信息和报考情况完成排考后下发排考数据包；导入后在这里查看考点编排、考场编排和排考明细。'
        }
      />
      <QueryError error={plans.error} />
      {assignedOnly && plans.data?.staffName === null && (
        <Alert type="info" showIcon title="您的账号还没有关联到监考人员名单" description="请联系业务管理员在“监考安排”中把您的账号关联到监考人员。" style={{ marginBottom: 16 }} />
      )}
      <SchedulePlanPicker id="schedule-plan" data={plans.data} loading={plans.isPending} planCode={planCode} onChange={setPlan} />
      {planCode ? (
        <PlanSchedule key={planCode} planCode={planCode} staff={staff} />
      ) : (
        plans.data && <Empty description={assignedOnly ? '您还没有监考或巡考安排' : '还没有考试计划'} />
      )}
    </>
  );
}

function PlanSchedule({ planCode, staff }: { planCode: string; staff: boolean }) {
  const summary = useOp('schedule.summary', { planCode });
  const [tab, setTab] = useState('overview');
  if (summary.error) return <QueryError error={summary.error} />;
  if (!summary.data) return null;
  const scheduled = summary.data.source !== null;
  return (
    <>
      <ScheduleStatus summary={summary.data} staff={staff} />
      {scheduled && (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            { key: 'overview', label: '考点编排', children: <OverviewTable planCode={planCode} staff={staff} draft={summary.data.source === 'draft'} /> },
            { key: 'rooms', label: '考场编排', children: <RoomPlanTable planCode={planCode} draft={summary.data.source === 'draft'} staff={staff} /> },
            { key: 'seats', label: '排考明细', children: <SeatsTable planCode={planCode} draft={summary.data.source === 'draft'} /> },
          ]}
        />
      )}
    </>
  );
}
