import { Table, Tag, Typography } from 'antd';
import type { OverviewDate, OverviewSession } from '../../../src-shared/api/schedule';
import { useOp } from '../../api/hooks';
import { QueryError } from '../../ui/QueryError';
import { certificateLabel } from './schedule-queries';

const STATUS_COLORS: Record<string, string> = { 已安排: 'green', 草稿: 'orange', 未安排: 'default' };

export function StatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{status}</Tag>;
}

/** 考点编排: one row per exam day, its sittings listed under it. */
export function OverviewTable({ planCode }: { planCode: string }) {
  const overview = useOp('schedule.overview', { planCode });
  return (
    <>
      <QueryError error={overview.error} />
      <Table<OverviewDate>
        rowKey="date"
        size="middle"
        aria-label="考点编排"
        loading={overview.isPending}
        dataSource={overview.data}
        pagination={false}
        expandable={{ defaultExpandAllRows: true, expandedRowRender: (d) => <SessionsTable sessions={d.sessions} />, rowExpandable: (d) => d.sessions.length > 0 }}
        locale={{ emptyText: '还没有排考' }}
        columns={[
          { title: '考试日期', dataIndex: 'date', width: 130 },
          { title: '考试科目', key: 'subjects', render: (_, d) => d.subjects.map((s) => s.name).join('、') },
          { title: '考生人数', dataIndex: 'seated', width: 100, align: 'right' },
          { title: '场次', key: 'sessions', width: 80, align: 'right', render: (_, d) => d.sessions.length },
          { title: '考场', dataIndex: 'rooms', width: 80, align: 'right' },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => <StatusTag status={s} /> },
        ]}
      />
    </>
  );
}

function SessionsTable({ sessions }: { sessions: OverviewSession[] }) {
  return (
    <Table<OverviewSession>
      rowKey={(s) => `${s.subjectCode} ${s.start}`}
      size="small"
      aria-label="场次"
      dataSource={sessions}
      pagination={false}
      columns={[
        { title: '考试时间', key: 'time', width: 130, render: (_, s) => `${s.start}–${s.end}` },
        { title: '考试科目', key: 'subject', render: (_, s) => `${s.subjectName}（${s.subjectCode}）` },
        { title: '证书', key: 'certificate', render: (_, s) => certificateLabel(s) },
        {
          title: '考生人数',
          key: 'count',
          width: 130,
          align: 'right',
          render: (_, s) => (s.seated < s.enrolled ? <Typography.Text type="danger">{`${s.seated} / 报考 ${s.enrolled}`}</Typography.Text> : s.seated),
        },
        { title: '考场', dataIndex: 'rooms', width: 80, align: 'right' },
        { title: '状态', dataIndex: 'status', width: 100, render: (st: string) => <StatusTag status={st} /> },
      ]}
    />
  );
}
