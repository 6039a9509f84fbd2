import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Space, Statistic, Typography } from 'antd';
import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { sat } from '../../../src-shared/domain/attendance';
import { useOp } from '../../api/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { usePrintDoc } from '../exam-docs/PrintDocModal';
import { RosterTable } from './RosterTable';
import { ScanPanel, type ScanPanelHandle } from './ScanPanel';
import { SessionStateTag } from './session-state';

/** 考场签到: one room in one session — the scanner field, the candidate for the face check, the totals, the roster. */
export function CheckInPage() {
  const [params] = useSearchParams();
  const id = Number(params.get('room'));
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="没有选择考场" subTitle="请从“考试当天”页面选择考场。" />;
  return <CheckIn key={id} scheduleRoomId={id} />;
}

function CheckIn({ scheduleRoomId }: { scheduleRoomId: number }) {
  const roster = useOp('attendance.roster', { scheduleRoomId }, { refetchInterval: 20_000 });
  const panel = useRef<ScanPanelHandle>(null);
  const room = roster.data?.room;
  // The scanner field keeps the keyboard except while the print dialog is open.
  const { print, modal } = usePrintDoc((open) => panel.current?.hold(open));
  const doc = (kind: 'signin' | 'desk' | 'door', label: string) =>
    room && print({ kind, title: `${label}（${room.roomName} ${room.date} ${room.start}）`, selection: { planCode: room.planCode, scheduleRoomId } });
  return (
    <>
      {modal}
      <PageHeader
        title={room ? `${room.roomName} 签到` : '考场签到'}
        extra={
          room && (
            <Space wrap>
              <Button icon={<PrinterOutlined />} onClick={() => doc('signin', '打印签到表')}>
                打印签到表
              </Button>
              <Button onClick={() => doc('desk', '打印桌贴')}>桌贴</Button>
              <Button onClick={() => doc('door', '打印门贴')}>门贴</Button>
            </Space>
          )
        }
        description={
          room && (
            <Space wrap>
              <span>
                {room.date} {room.start}–{room.end} {room.subjectName}
              </span>
              <span>
                {room.certificateName} {room.level}
              </span>
              <span>监考：{room.invigilators.length ? room.invigilators.join('、') : '未安排'}</span>
              <SessionStateTag state={room.state} />
            </Space>
          )
        }
      />
      <QueryError error={roster.error} />
      {roster.data && !roster.data.canEdit && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={roster.data.editBlocked} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={24}>
          <ScanPanel ref={panel} scheduleRoomId={scheduleRoomId} canEdit={roster.data?.canEdit ?? false} />
        </Col>
      </Row>
      {room && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Flex gap={48} align="center" role="group" aria-label="签到统计">
            <Statistic title="应考人数" value={room.totals.expected} />
            <Statistic title="实考人数" value={sat(room.totals)} styles={{ content: { color: 'var(--ant-color-success)' } }} />
            <Statistic title="缺考人数" value={room.totals.absent} />
            <Statistic title="未签到" value={room.totals.pending} />
            <Statistic title="违纪" value={room.totals.irregular} />
            <Descriptions size="small" column={1} style={{ marginLeft: 'auto' }}>
              <Descriptions.Item label="考核站点">{room.siteName}</Descriptions.Item>
              <Descriptions.Item label="考试计划">{room.planName}</Descriptions.Item>
            </Descriptions>
          </Flex>
        </Card>
      )}
      {roster.data && (
        <>
          <Typography.Title level={5}>考生名单</Typography.Title>
          <RosterTable roster={roster.data} onShow={(seat) => panel.current?.lookup(String(seat))} onModal={(open) => panel.current?.hold(open)} />
        </>
      )}
    </>
  );
}
