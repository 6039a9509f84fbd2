import { Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { SeatRow } from '../../../src-shared/api/schedule';
import { useOp } from '../../api/hooks';
import { QueryError } from '../../ui/QueryError';
import { sittingLabel } from './schedule-queries';

const PAGE_SIZE = 50;

/**
 * 排考明细: every seat, a page at a time from the server (a plan holds ten thousand), narrowed to
 * a room's sitting when one is chosen.
 */
export function SeatsTable({ planCode, draft }: { planCode: string; draft: boolean }) {
  const [page, setPage] = useState(1);
  const [room, setRoom] = useState<number | undefined>(undefined);
  const rooms = useOp('schedule.rooms', { planCode });
  const seats = useOp('schedule.seats', { planCode, page, pageSize: PAGE_SIZE, ...(room ? { scheduleRoomId: room } : {}) }, { placeholderData: (prev) => prev });
  return (
    <>
      <QueryError error={seats.error} />
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>
          <label htmlFor="seats-room">考场</label>
        </Typography.Text>
        <Select
          id="seats-room"
          value={room ?? 0}
          onChange={(v: number) => {
            setRoom(v || undefined);
            setPage(1);
          }}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 420 }}
          options={[
            { value: 0, label: '全部考场' },
            ...(rooms.data?.rows ?? []).map((r) => ({ value: r.scheduleRoomId, label: `${r.roomName} · ${r.subjectName} · ${sittingLabel(r)}（${r.expected} 人）` })),
          ]}
        />
        {draft && <Typography.Text type="secondary">草稿没有准考证号：准考证号由平台排考时生成。</Typography.Text>}
      </Flex>
      <Table<SeatRow>
        rowKey={(s) => `${s.index}`}
        size="small"
        aria-label="排考明细"
        loading={seats.isPending}
        dataSource={seats.data?.items}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: seats.data?.total ?? 0,
          showSizeChanger: false,
          showQuickJumper: true,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 名考生`,
        }}
        locale={{ emptyText: '没有考生' }}
        columns={[
          { title: '序号', dataIndex: 'index', width: 70, align: 'right' },
          { title: '学生姓名', dataIndex: 'name', width: 100 },
          { title: '身份证号码', dataIndex: 'idNumber', width: 180 },
          { title: '准考证号', dataIndex: 'ticketNumber', width: 200, render: (t: string | null) => t ?? <Typography.Text type="secondary">（草稿无）</Typography.Text> },
          { title: '所属院校', dataIndex: 'institution', ellipsis: true },
          { title: '座位号', dataIndex: 'seat', width: 70, align: 'right' },
          { title: '考场', dataIndex: 'roomName', width: 110 },
          { title: '考试科目', key: 'subject', width: 200, render: (_, s) => `${s.subjectName} ${s.date} ${s.start}` },
        ]}
      />
    </>
  );
}
