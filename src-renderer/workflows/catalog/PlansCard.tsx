import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { PlanListRow } from '../../../src-shared/api/catalog';
import { PLAN_WINDOW_LABELS, PLAN_WINDOWS } from '../../../src-shared/domain/catalog';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { windowOpen } from '../../../src-shared/domain/plan-phase';
import { useOp } from '../../api/hooks';
import { CatalogEmpty } from './CatalogEmpty';
import { PhaseTag } from './PhaseTag';
import { formatWindow } from './plan-format';

/** The window that matters today: the latest open one, else the next to open. */
function currentWindow(p: PlanListRow, today: string): string {
  const open = PLAN_WINDOWS.filter((k) => windowOpen(p.windows, k, today));
  const k = open.length ? open[open.length - 1]! : PLAN_WINDOWS.find((w) => today < p.windows[w].start);
  return k ? `${PLAN_WINDOW_LABELS[k]}：${formatWindow(p.windows[k])}` : '—';
}

/** The home page's view of the exam plans still under way or to come, with where each stands today. */
export function PlansCard() {
  const list = useOp('plans.list', {});
  const today = institutionDate(new Date());
  const active = (list.data ?? []).filter((p) => p.phase !== '已结束').sort((a, b) => a.windows.registration.start.localeCompare(b.windows.registration.start));
  return (
    <Card title="考试计划" loading={list.isPending} extra={<Link to="/plans">全部考试计划</Link>}>
      {list.data?.length === 0 ? (
        <CatalogEmpty what="考试计划" />
      ) : active.length === 0 ? (
        <Typography.Text type="secondary">所有考试计划都已结束。</Typography.Text>
      ) : (
        <Table<PlanListRow>
          rowKey="code"
          size="small"
          dataSource={active}
          pagination={active.length > 6 ? { pageSize: 6, size: 'small' } : false}
          columns={[
            { title: '计划名称', dataIndex: 'name', render: (name: string, p) => <Link to={`/plans/${encodeURIComponent(p.code)}`}>{name}</Link> },
            { title: '考核单位', dataIndex: 'orgName' },
            { title: '当前阶段', dataIndex: 'phase', width: 110, render: (phase: PlanListRow['phase']) => <PhaseTag phase={phase} /> },
            { title: '当前或下一时间段', key: 'window', width: 280, render: (_, p) => currentWindow(p, today) },
          ]}
        />
      )}
    </Card>
  );
}
