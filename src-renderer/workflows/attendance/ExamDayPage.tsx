import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Space, Statistic, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import type { ExamDayRoom } from '../../../src-shared/api/attendance';
import { sat } from '../../../src-shared/domain/attendance';
import { useOp } from '../../api/hooks';
import { useSession } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { SessionStateTag } from './session-state';

/** 考试当天: the day's rooms of the platform's schedule — an invigilator's own, every room for coordinators — each opening its check-in. */
export function ExamDayPage() {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const staff = user?.role !== 'invigilator';
  const date = staff ? (params.get('date') ?? undefined) : undefined;
  const day = useOp('attendance.today', date ? { date } : {}, { refetchInterval: 30_000 });
  const rooms = day.data?.rooms ?? [];
  return (
    <>
      <PageHeader
        title="考试当天"
        description={
          day.data
            ? `${day.data.date} 的考场${day.data.staffName ? ` · 监考人员：${day.data.staffName}` : ''}。选择考场进入签到：扫描准考证二维码，或输入座位号、身份证号后四位。`
            : undefined
        }
        extra={
          staff && (
            <Space>
              <label htmlFor="exam-day-date">日期</label>
              <Input
                id="exam-day-date"
                type="date"
                value={day.data?.date ?? ''}
                onChange={(e) => setParams(e.target.value ? { date: e.target.value } : {})}
                style={{ width: 160 }}
              />
            </Space>
          )
        }
      />
      <QueryError error={day.error} />
      {day.data?.assignedOnly && day.data.staffName === null && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="您的账号还没有关联到监考人员名单"
          description="请联系业务管理员在“监考安排”中把您的账号关联到监考人员，并安排考场。"
        />
      )}
      {day.data && !rooms.length && <Empty description={day.data.assignedOnly ? '今天没有安排您监考的考场。' : '这一天没有平台排考的考场。'} />}
      <Row gutter={[16, 16]}>
        {rooms.map((r) => (
          <Col key={r.scheduleRoomId} xs={24} md={12} xl={8}>
            <RoomCard room={r} />
          </Col>
        ))}
      </Row>
    </>
  );
}

function RoomCard({ room }: { room: ExamDayRoom }) {
  const navigate = useNavigate();
  return (
    <Card
      title={
        <Space>
          <span>{room.roomName}</span>
          <SessionStateTag state={room.state} />
        </Space>
      }
      extra={
        <Button type="primary" onClick={() => void navigate(`/exam-day/check-in?room=${room.scheduleRoomId}`)} aria-label={`进入 ${room.roomName} ${room.start} 签到`}>
          进入签到
        </Button>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {room.start}–{room.end} {room.subjectName}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {room.certificateName} {room.level} · {room.siteName}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary">监考：{room.invigilators.length ? room.invigilators.join('、') : '未安排'}</Typography.Text>
      </Typography.Paragraph>
      <Flex gap={24}>
        <Statistic title="应考" value={room.totals.expected} />
        <Statistic title="实考" value={sat(room.totals)} />
        <Statistic title="缺考" value={room.totals.absent} />
        <Statistic title="未签到" value={room.totals.pending} />
      </Flex>
    </Card>
  );
}
