import { Button, Space, Table, Tag, Typography } from 'antd';
import type { OverviewDate, OverviewSession } from '../../../src-shared/api/schedule';
import { useOp } from '../../api/hooks';
import { QueryError } from '../../ui/QueryError';
import { ROOM_DOCS, usePrintDoc } from '../exam-docs/PrintDocModal';
import { certificateLabel } from './schedule-queries';

const STATUS_COLORS: Record<string, string> = { 已安排: 'green', 草稿: 'orange', 未安排: 'default' };

export function StatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{status}</Tag>;
}

/** A sitting anyone enrolled in or sits: the plan's other levels' sittings only add noise. */
const inUse = (s: OverviewSession) => s.enrolled > 0 || s.seated > 0;

/** The day's subjects by level, as the manual lists them: 基础考核（初级）、综合应用考核（初级）. */
function subjectsOf(d: OverviewDate): string {
  const used = d.sessions.filter(inUse);
  return [...new Set((used.length ? used : d.sessions).map((s) => `${s.subjectName}（${s.level}）`))].join('、');
}

/** 考点编排: one row per exam day, its sittings listed under it; once the platform's schedule is in, a day's documents print from its row, every room at once. */
export function OverviewTable({ planCode, staff, draft }: { planCode: string; staff: boolean; draft: boolean }) {
  const overview = useOp('schedule.overview', { planCode });
  const { print, modal } = usePrintDoc();
  return (
    <>
      {modal}
      <QueryError error={overview.error} />
      <Table<OverviewDate>
        // Mounted again once the days arrive, so every day opens (antd expands only the first data it gets).
        key={overview.data ? 'ready' : 'loading'}
        rowKey="date"
        size="middle"
        aria-label="考点编排"
        loading={overview.isPending}
        dataSource={overview.data}
        pagination={false}
        expandable={{ defaultExpandAllRows: true, expandedRowRender: (d) => <SessionsTable sessions={d.sessions} staff={staff} />, rowExpandable: (d) => d.sessions.length > 0 }}
        locale={{ emptyText: '还没有排考' }}
        columns={[
          { title: '考试日期', dataIndex: 'date', width: 130 },
          { title: '考试科目', key: 'subjects', render: (_, d) => subjectsOf(d) },
          { title: '考生人数', dataIndex: 'seated', width: 100, align: 'right' },
          { title: '场次', key: 'sessions', width: 80, align: 'right', render: (_, d) => d.sessions.filter(inUse).length },
          { title: '考场', dataIndex: 'rooms', width: 80, align: 'right' },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => <StatusTag status={s} /> },
          ...(draft
            ? []
            : [
                {
                  title: '打印当天全部考场',
                  key: 'print',
                  width: 190,
                  render: (_: unknown, d: OverviewDate) =>
                    d.rooms > 0 && (
                      <Space size={4}>
                        {ROOM_DOCS.map((doc) => (
                          <Button
                            key={doc.kind}
                            size="small"
                            aria-label={`打印${doc.label} ${d.date} 全天`}
                            onClick={() => print({ kind: doc.kind, title: `打印${doc.label}（${d.date} 全天，${d.rooms} 个考场场次）`, selection: { planCode, date: d.date } })}
                          >
                            {doc.label}
                          </Button>
                        ))}
                      </Space>
                    ),
                },
              ]),
        ]}
      />
    </>
  );
}

function SessionsTable({ sessions, staff }: { sessions: OverviewSession[]; staff: boolean }) {
  const used = sessions.filter(inUse);
  const idle = sessions.length - used.length;
  return (
    <Table<OverviewSession>
      rowKey={(s) => `${s.subjectCode} ${s.start}`}
      size="small"
      aria-label="场次"
      dataSource={used}
      pagination={false}
      footer={idle ? () => <Typography.Text type="secondary">{`另有 ${idle} 个场次无人报考，未列出`}</Typography.Text> : undefined}
      columns={[
        { title: '考试时间', key: 'time', width: 130, render: (_, s) => `${s.start}–${s.end}` },
        { title: '考试科目', key: 'subject', render: (_, s) => `${s.subjectName}（${s.subjectCode}）` },
        { title: '证书', key: 'certificate', render: (_, s) => certificateLabel(s) },
        { title: '考生人数', dataIndex: 'seated', width: 100, align: 'right' },
        // A subject's candidates are spread over its sittings: its enrollments are the whole subject's (an invigilator sees only its rooms).
        ...(staff ? [{ title: '本科目报考', dataIndex: 'enrolled', width: 110, align: 'right' as const }] : []),
        { title: '考场', dataIndex: 'rooms', width: 80, align: 'right' },
        { title: '状态', dataIndex: 'status', width: 100, render: (st: string) => <StatusTag status={st} /> },
      ]}
    />
  );
}
