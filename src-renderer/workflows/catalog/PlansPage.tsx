import { SearchOutlined } from '@ant-design/icons';
import { Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { Fragment, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { PlanListRow } from '../../../src-shared/api/catalog';
import { PLAN_WINDOWS } from '../../../src-shared/domain/catalog';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { windowOpen } from '../../../src-shared/domain/plan-phase';
import { useOp } from '../../api/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { emptyText } from './CatalogEmpty';
import { PhaseTag } from './PhaseTag';
import { formatWindow, WINDOW_LIST_LABELS } from './plan-format';

/** The five windows, one a line; the ones open today stand out. */
function WindowLines({ windows, today }: { windows: PlanListRow['windows']; today: string }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'max-content max-content', columnGap: 8, lineHeight: 1.7, whiteSpace: 'nowrap' }}>
      {PLAN_WINDOWS.map((k) => {
        const open = windowOpen(windows, k, today);
        return (
          <Fragment key={k}>
            <Typography.Text type={open ? undefined : 'secondary'} strong={open}>
              {WINDOW_LIST_LABELS[k]}
            </Typography.Text>
            <Typography.Text type={open ? 'success' : undefined} strong={open}>
              {formatWindow(windows[k])}
            </Typography.Text>
          </Fragment>
        );
      })}
    </div>
  );
}

/** The manual's 考试计划 list: each row is one plan of an evaluation organisation; a row opens its detail. */
export function PlansPage() {
  const navigate = useNavigate();
  const today = institutionDate(new Date());
  const list = useOp('plans.list', {});
  const [text, setText] = useState('');
  const [phase, setPhase] = useState<string | undefined>();

  const phases = useMemo(() => [...new Set((list.data ?? []).map((p) => p.phase))].map((p) => ({ value: p, label: p })), [list.data]);
  const rows = useMemo(() => {
    const t = text.trim().toLowerCase();
    return (list.data ?? []).filter((p) => (!t || `${p.code} ${p.name} ${p.orgName}`.toLowerCase().includes(t)) && (!phase || p.phase === phase));
  }, [list.data, text, phase]);

  return (
    <>
      <PageHeader title="考试计划" description="培训评价组织发布的考试组织计划。请在计划的时间范围内完成考点申报、考场设置、考生信息录入和报考等工作。" />
      <QueryError error={list.error} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="计划编号、计划名称或考核单位"
          style={{ width: 300 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="搜索考试计划"
        />
        <Select allowClear placeholder="当前阶段" style={{ width: 160 }} value={phase} onChange={setPhase} options={phases} aria-label="当前阶段" />
      </Flex>
      <Table<PlanListRow>
        rowKey="code"
        loading={list.isPending}
        dataSource={rows}
        locale={{ emptyText: emptyText(list.data?.length, '考试计划') }}
        pagination={{ defaultPageSize: 10, showSizeChanger: true, showTotal: (t) => `共 ${t} 个考试计划` }}
        onRow={(p) => ({ onClick: () => void navigate(`/plans/${encodeURIComponent(p.code)}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '计划编号',
            dataIndex: 'code',
            width: 150,
            render: (code: string) => (
              <Link to={`/plans/${encodeURIComponent(code)}`} onClick={(e) => e.stopPropagation()}>
                {code}
              </Link>
            ),
          },
          { title: '计划名称', dataIndex: 'name' },
          { title: '开考科目', dataIndex: 'subjectCount', width: 90, align: 'center' },
          {
            title: '考试安排',
            key: 'windows',
            width: 290,
            render: (_, p) => <WindowLines windows={p.windows} today={today} />,
          },
          { title: '考核单位', dataIndex: 'orgName' },
          { title: '计划状态', dataIndex: 'status', width: 100, render: (s: string) => <Tag>{s}</Tag> },
          { title: '当前阶段', dataIndex: 'phase', width: 120, render: (p: PlanListRow['phase']) => <PhaseTag phase={p} /> },
        ]}
      />
    </>
  );
}
