import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Roster, RosterRow } from '../../../src-shared/api/attendance';
import { ATTENDANCE_NOTE_MAX } from '../../../src-shared/domain/attendance';
import { useApi, useOp } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { STATUS_COLORS } from './status-colors';

function Thumb({ scheduleRoomId, row }: { scheduleRoomId: number; row: RosterRow }) {
  const photo = useOp('attendance.photo', { scheduleRoomId, seatId: row.seatId }, { enabled: row.hasPhoto, staleTime: 10 * 60_000 });
  const box = { width: 30, height: 42, borderRadius: 2, background: 'var(--ant-color-fill-tertiary)', display: 'inline-block', verticalAlign: 'middle' } as const;
  if (photo.data) return <img src={photo.data.dataUrl} alt={`${row.name}的照片`} width={30} height={42} style={{ ...box, objectFit: 'cover' }} />;
  return <span style={box} role="img" aria-label={row.hasPhoto ? `${row.name}的照片（读取中）` : `${row.name}没有照片`} />;
}

/** 考生名单: every seat of the room with its status; 缺考 and 违纪 are recorded here, a row's 核对 shows its candidate above. */
export function RosterTable({ roster, onShow, onModal }: { roster: Roster; onShow: (seat: number) => void; onModal: (open: boolean) => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const scheduleRoomId = roster.room.scheduleRoomId;
  const [busy, setBusy] = useState<number | null>(null);

  const run = async (row: RosterRow, call: () => Promise<{ message: string }>) => {
    setBusy(row.seatId);
    try {
      void message.success((await call()).message);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(null);
      await queryClient.invalidateQueries({ queryKey: ['attendance.roster'] });
    }
  };

  const absent = (row: RosterRow) => {
    onModal(true);
    modal.confirm({
      title: `将 ${row.seat} 号 ${row.name} 记为缺考？`,
      content: row.status === 'present' ? '这位考生已签到，记为缺考将取消签到。' : undefined,
      okText: '记为缺考',
      cancelText: '取消',
      onOk: () => run(row, () => api.call('attendance.markAbsent', { scheduleRoomId, seatId: row.seatId })),
      afterClose: () => onModal(false),
    });
  };

  const irregular = (row: RosterRow) => {
    let note = row.note ?? '';
    onModal(true);
    modal.confirm({
      title: `记录 ${row.seat} 号 ${row.name} 违纪`,
      content: (
        <Input.TextArea
          aria-label="违纪说明"
          autoFocus
          defaultValue={note}
          maxLength={ATTENDANCE_NOTE_MAX}
          showCount
          rows={3}
          placeholder="例如：携带手机进入考场"
          style={{ marginBottom: 16 }}
          onChange={(e) => (note = e.target.value)}
        />
      ),
      okText: '记为违纪',
      cancelText: '取消',
      // Called with `close`, the dialog stays open until the note is there and recorded.
      onOk: (close: () => void) => {
        if (!note.trim()) return void message.error('请填写违纪说明');
        void run(row, () => api.call('attendance.markIrregular', { scheduleRoomId, seatId: row.seatId, note })).then(close);
      },
      afterClose: () => onModal(false),
    });
  };

  return (
    <Table<RosterRow>
      rowKey="seatId"
      size="small"
      pagination={false}
      dataSource={roster.rows}
      columns={[
        { key: 'seat', title: '座位号', dataIndex: 'seat', width: 72, align: 'center' },
        { key: 'photo', title: '照片', width: 56, align: 'center', render: (_, r) => <Thumb scheduleRoomId={scheduleRoomId} row={r} /> },
        { key: 'name', title: '学生姓名', dataIndex: 'name', width: 110 },
        { key: 'id', title: '身份证号码', dataIndex: 'idNumber', width: 170 },
        { key: 'ticket', title: '准考证号', dataIndex: 'ticketNumber', width: 190 },
        {
          key: 'status',
          title: '考勤',
          render: (_, r) => (
            <Space size={4} wrap>
              <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
              {r.flags > 0 && <Tag color="orange">人证不符 {r.flags} 次</Tag>}
              {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
            </Space>
          ),
        },
        { key: 'time', title: '签到时间', width: 90, render: (_, r) => (r.checkedInAt ? formatTime(r.checkedInAt).slice(11, 16) : '—') },
        {
          key: 'actions',
          title: '操作',
          width: 180,
          render: (_, r) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => onShow(r.seat)} aria-label={`核对 ${r.seat} 号 ${r.name}`}>
                核对
              </Button>
              <Button
                type="link"
                size="small"
                danger
                disabled={!roster.canEdit || r.status === 'absent'}
                loading={busy === r.seatId}
                onClick={() => absent(r)}
                aria-label={`${r.seat} 号 ${r.name} 缺考`}
              >
                缺考
              </Button>
              <Button type="link" size="small" disabled={!roster.canEdit} onClick={() => irregular(r)} aria-label={`${r.seat} 号 ${r.name} 违纪`}>
                违纪
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
