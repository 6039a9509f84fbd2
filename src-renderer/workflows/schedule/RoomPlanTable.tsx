import { Button, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import type { DutyPerson, RoomPlan, RoomSessionRow } from '../../../src-shared/api/schedule';
import { useOp } from '../../api/hooks';
import { QueryError } from '../../ui/QueryError';
import { ROOM_DOCS, usePrintDoc, type PrintRequest } from '../exam-docs/PrintDocModal';

export function people(list: DutyPerson[]): ReactNode {
  return list.length ? list.map((p) => p.name).join('、') : <Typography.Text type="secondary">未安排</Typography.Text>;
}

/** The rooms of one plan by sitting, with a day to narrow them to; the data for both schedule pages. */
export function useRoomPlan(planCode: string) {
  const [date, setDate] = useState<string | undefined>(undefined);
  const rooms = useOp('schedule.rooms', { planCode, ...(date ? { date } : {}) });
  const all = useOp('schedule.overview', { planCode });
  const dates = (all.data ?? []).map((d) => d.date);
  return { rooms, date, setDate, dates };
}

export function DateFilter({ dates, date, onChange, extra }: { dates: string[]; date: string | undefined; onChange: (d: string | undefined) => void; extra?: ReactNode }) {
  return (
    <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
      <Typography.Text>
        <label htmlFor="room-plan-date">考试日期</label>
      </Typography.Text>
      <Select
        id="room-plan-date"
        value={date ?? ''}
        onChange={(v: string) => onChange(v || undefined)}
        style={{ width: 160 }}
        options={[{ value: '', label: '全部日期' }, ...dates.map((d) => ({ value: d, label: d }))]}
      />
      {extra}
    </Flex>
  );
}

/** 考场编排's columns, as the manual lists them; the invigilation page adds its own after them. */
export function roomColumns(extra: ColumnsType<RoomSessionRow> = []): ColumnsType<RoomSessionRow> {
  return [
    {
      title: '考场',
      key: 'room',
      width: 150,
      render: (_, r) => (
        <Flex vertical>
          <span>{r.roomName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${r.roomType}考场 · ${r.roomSeats} 座`}</Typography.Text>
        </Flex>
      ),
    },
    { title: '考试科目', dataIndex: 'subjectName', width: 110 },
    { title: '考试证书', key: 'certificate', ellipsis: true, render: (_, r) => r.certificateName },
    { title: '证书等级', dataIndex: 'level', width: 80 },
    {
      title: '考试时间',
      key: 'time',
      width: 120,
      render: (_, r) => (
        <Flex vertical>
          <span>{r.date}</span>
          <span>{`${r.start}–${r.end}`}</span>
        </Flex>
      ),
    },
    { title: '应考人数', dataIndex: 'expected', width: 80, align: 'right' },
    {
      title: '监考老师',
      key: 'invigilators',
      width: 170,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <span>{people(r.invigilators)}</span>
          {r.missing > 0 && <Tag color="warning" style={{ width: 'fit-content' }}>{`还差 ${r.missing} 人`}</Tag>}
        </Flex>
      ),
    },
    { title: '巡考老师', key: 'patrol', width: 130, render: (_, r) => people(r.patrol) },
    ...extra,
  ];
}

export function RoomPlanView({
  plan,
  loading,
  columns,
  label = '考场编排',
}: {
  plan: RoomPlan | undefined;
  loading: boolean;
  columns: ColumnsType<RoomSessionRow>;
  label?: string;
}) {
  return (
    <Table<RoomSessionRow>
      rowKey="scheduleRoomId"
      size="middle"
      aria-label={label}
      loading={loading}
      dataSource={plan?.rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (t) => `共 ${t} 个考场场次` }}
      locale={{ emptyText: '没有考场安排' }}
      columns={columns}
    />
  );
}

/** 考场编排: per room and sitting, read only; once the platform's schedule is in, each sitting's documents print from its row, a day's (or the plan's) from the bar. */
export function RoomPlanTable({ planCode, draft, staff }: { planCode: string; draft: boolean; staff: boolean }) {
  const { rooms, date, setDate, dates } = useRoomPlan(planCode);
  const { print, modal } = usePrintDoc();
  const short = rooms.data?.shortRooms ?? 0;
  const scope = date ?? '整个计划';
  const whole = (kind: PrintRequest['kind'], label: string) => print({ kind, title: `${label}（${scope}）`, selection: { planCode, ...(date ? { date } : {}) } });
  const printColumn: ColumnsType<RoomSessionRow> = draft
    ? []
    : [
        {
          title: '打印',
          key: 'print',
          width: 190,
          render: (_, r) => (
            <Space size={4}>
              {ROOM_DOCS.map((d) => (
                <Button
                  key={d.kind}
                  size="small"
                  aria-label={`打印${d.label} ${r.roomName} ${r.date} ${r.start}`}
                  onClick={() => print({ kind: d.kind, title: `打印${d.label}（${r.roomName} ${r.date} ${r.start}）`, selection: { planCode, scheduleRoomId: r.scheduleRoomId } })}
                >
                  {d.label}
                </Button>
              ))}
            </Space>
          ),
        },
      ];
  return (
    <>
      {modal}
      <QueryError error={rooms.error} />
      <DateFilter
        dates={dates}
        date={date}
        onChange={setDate}
        extra={
          <>
            <Typography.Text type="secondary">
              {draft ? '草稿：座位和考场以平台排考为准。' : ''}
              {short > 0 ? `${short} 个考场场次的监考老师少于 ${rooms.data!.minInvigilators} 人。` : ''}
            </Typography.Text>
            {!draft && (
              <Space wrap style={{ marginLeft: 'auto' }}>
                <Typography.Text type="secondary">{`打印 ${scope}：`}</Typography.Text>
                <Button onClick={() => whole('signin', '打印签到表')}>全部签到表</Button>
                {staff && <Button onClick={() => whole('tickets', '打印准考证')}>准考证 PDF</Button>}
                {staff && <Button onClick={() => whole('zip', '导出准考证 ZIP')}>准考证 ZIP</Button>}
              </Space>
            )}
          </>
        }
      />
      <RoomPlanView plan={rooms.data} loading={rooms.isPending} columns={roomColumns(printColumn)} />
    </>
  );
}
