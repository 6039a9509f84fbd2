import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Empty, Flex, InputNumber, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RoomSessionRow, StaffList, StaffRow } from '../../../src-shared/api/schedule';
import { MIN_INVIGILATORS_RANGE } from '../../../src-shared/domain/schedule';
import { useApi, useOp } from '../../api/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { DutyModal, type DutyTarget } from './DutyModal';
import { DateFilter, people, roomColumns, RoomPlanView, useRoomPlan } from './RoomPlanTable';
import { SchedulePlanPicker, useSchedulePlan } from './SchedulePlanPicker';
import { certificateLabel, SCHEDULE_QUERIES, sittingLabel } from './schedule-queries';
import { StaffModal } from './StaffModal';

/** 监考安排: the staff list, each room's invigilators and each site's patrol, sitting by sitting. */
export function InvigilationPage() {
  const staff = useOp('staff.list', {});
  const [tab, setTab] = useState('rooms');
  return (
    <>
      <PageHeader
        title="监考安排"
        description="为每个考场的每个场次安排监考老师，为每个考核站点的每个场次安排巡考老师；同一时间一个人只能在一个地方。安排好后生成“监考安排”数据包报送平台。"
        extra={
          <Link to="/packages/export?kinds=invigilators">
            <Button icon={<ExportOutlined />}>报送监考安排</Button>
          </Link>
        }
      />
      <QueryError error={staff.error} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'rooms', label: '考场监考与巡考', children: staff.data && <Assignments staff={staff.data.staff} /> },
          { key: 'staff', label: `监考人员${staff.data ? `（${staff.data.staff.length}）` : ''}`, children: staff.data && <StaffTable list={staff.data} /> },
        ]}
      />
    </>
  );
}

interface PatrolRow {
  key: string;
  sessionId: number;
  siteId: number;
  siteName: string;
  subjectName: string;
  date: string;
  start: string;
  end: string;
  rooms: number;
  expected: number;
  patrol: RoomSessionRow['patrol'];
}

/** The site's sittings, one row per site and sitting: who patrols it. */
function patrolRows(rows: RoomSessionRow[]): PatrolRow[] {
  const out = new Map<string, PatrolRow>();
  for (const r of rows) {
    const key = `${r.sessionId}/${r.siteId}`;
    const row = out.get(key) ?? {
      key,
      sessionId: r.sessionId,
      siteId: r.siteId,
      siteName: r.siteName,
      subjectName: r.subjectName,
      date: r.date,
      start: r.start,
      end: r.end,
      rooms: 0,
      expected: 0,
      patrol: r.patrol,
    };
    row.rooms += 1;
    row.expected += r.expected;
    out.set(key, row);
  }
  return [...out.values()];
}

function Assignments({ staff }: { staff: StaffRow[] }) {
  const { plans, planCode, setPlan } = useSchedulePlan();
  const scheduled = plans.data?.plans.filter((p) => p.source !== null) ?? [];
  const data = plans.data ? { ...plans.data, plans: scheduled } : undefined;
  const code = scheduled.some((p) => p.code === planCode) ? planCode : scheduled[0]?.code;
  return (
    <>
      <QueryError error={plans.error} />
      <SchedulePlanPicker id="invigilation-plan" data={data} loading={plans.isPending} planCode={code} onChange={setPlan} />
      {code ? (
        <PlanAssignments key={code} planCode={code} staff={staff} />
      ) : (
        plans.data && (
          <Empty
            description={
              <>
                还没有排考：导入平台的排考数据包，或在“<Link to="/schedule">排考查看</Link>”中先生成草稿。
              </>
            }
          />
        )
      )}
    </>
  );
}

function PlanAssignments({ planCode, staff }: { planCode: string; staff: StaffRow[] }) {
  const api = useApi();
  const { rooms, date, setDate, dates } = useRoomPlan(planCode);
  const [target, setTarget] = useState<DutyTarget | null>(null);
  const minimum = rooms.data?.minInvigilators ?? 2;

  const editRoom = (r: RoomSessionRow) =>
    setTarget({
      kind: '监考',
      title: `安排监考：${r.roomName} ${sittingLabel(r)}`,
      facts: [
        { label: '考场', value: `${r.siteName} ${r.roomName}（${r.roomType}考场）` },
        { label: '考试科目', value: `${r.subjectName} · ${certificateLabel(r)}` },
        { label: '考试时间', value: sittingLabel(r) },
        { label: '应考人数', value: r.expected },
      ],
      current: r.invigilators,
      minimum,
      save: (staffIds) => api.call('invigilation.setRoom', { scheduleRoomId: r.scheduleRoomId, staffIds }),
    });
  const editPatrol = (p: PatrolRow) =>
    setTarget({
      kind: '巡考',
      title: `安排巡考：${p.siteName} ${sittingLabel(p)}`,
      facts: [
        { label: '考核站点', value: p.siteName },
        { label: '考试科目', value: p.subjectName },
        { label: '考试时间', value: sittingLabel(p) },
        { label: '考场', value: `${p.rooms} 个，应考 ${p.expected} 人` },
      ],
      current: p.patrol,
      save: (staffIds) => api.call('invigilation.setPatrol', { sessionId: p.sessionId, siteId: p.siteId, staffIds }),
    });

  const short = rooms.data?.shortRooms ?? 0;
  return (
    <Flex vertical gap={8}>
      <QueryError error={rooms.error} />
      <DateFilter
        dates={dates}
        date={date}
        onChange={setDate}
        extra={
          <>
            <MinimumSetting planCode={planCode} minimum={minimum} />
            <Typography.Text type={short ? 'warning' : 'success'}>
              {rooms.data && (short ? `${short} 个考场场次的监考老师不足 ${minimum} 人` : '每个考场场次的监考老师都已够数')}
            </Typography.Text>
          </>
        }
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        考场监考
      </Typography.Title>
      <RoomPlanView
        plan={rooms.data}
        loading={rooms.isPending}
        label="考场监考"
        columns={roomColumns([
          {
            title: '操作',
            key: 'actions',
            width: 80,
            fixed: 'right',
            render: (_, r) => (
              <Button type="link" size="small" onClick={() => editRoom(r)} aria-label={`安排监考 ${r.roomName} ${sittingLabel(r)}`}>
                安排
              </Button>
            ),
          },
        ])}
      />
      <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
        站点巡考
      </Typography.Title>
      <Table<PatrolRow>
        rowKey="key"
        size="middle"
        aria-label="站点巡考"
        loading={rooms.isPending}
        dataSource={rooms.data ? patrolRows(rooms.data.rows) : undefined}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: '考核站点', dataIndex: 'siteName', ellipsis: true },
          { title: '考试科目', dataIndex: 'subjectName', width: 120 },
          { title: '考试时间', key: 'time', width: 200, render: (_, p) => sittingLabel(p) },
          { title: '考场', dataIndex: 'rooms', width: 70, align: 'right' },
          { title: '应考人数', dataIndex: 'expected', width: 90, align: 'right' },
          { title: '巡考老师', key: 'patrol', width: 180, render: (_, p) => people(p.patrol) },
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_, p) => (
              <Button type="link" size="small" onClick={() => editPatrol(p)} aria-label={`安排巡考 ${p.siteName} ${sittingLabel(p)}`}>
                安排
              </Button>
            ),
          },
        ]}
      />
      {target && <DutyModal target={target} staff={staff} onClose={() => setTarget(null)} />}
    </Flex>
  );
}

function MinimumSetting({ planCode, minimum }: { planCode: string; minimum: number }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [value, setValue] = useState<number | null>(minimum);
  const save = async () => {
    if (value === null || value === minimum) return;
    try {
      await api.call('invigilation.setMinimum', { planCode, minimum: value });
      await Promise.all(SCHEDULE_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
      message.success(`每个考场至少安排 ${value} 名监考老师`);
    } catch (e) {
      message.error((e as Error).message);
      setValue(minimum);
    }
  };
  return (
    <Space size={4} style={{ marginLeft: 16 }}>
      <Typography.Text>
        <label htmlFor="min-invigilators">每个考场至少</label>
      </Typography.Text>
      <InputNumber id="min-invigilators" min={MIN_INVIGILATORS_RANGE.min} max={MIN_INVIGILATORS_RANGE.max} value={value} onChange={setValue} style={{ width: 64 }} />
      <Typography.Text>名监考</Typography.Text>
      <Button size="small" onClick={() => void save()} disabled={value === minimum || value === null}>
        设置
      </Button>
    </Space>
  );
}

function StaffTable({ list }: { list: StaffList }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { modal, message } = AntApp.useApp();
  // undefined: closed; null: a new person.
  const [editing, setEditing] = useState<StaffRow | null | undefined>(undefined);
  const remove = (s: StaffRow) =>
    modal.confirm({
      title: `删除监考人员“${s.name}”？`,
      content: `${s.phone}${s.department ? `，${s.department}` : ''}`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.call('staff.delete', { id: s.id });
          await Promise.all(SCHEDULE_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
          message.success(`已删除监考人员“${s.name}”`);
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">监考和巡考老师的名单；有监考/巡考账号的老师可以关联账号，登录后只看到自己的安排。</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          添加监考人员
        </Button>
      </Flex>
      <Table<StaffRow>
        rowKey="id"
        size="middle"
        aria-label="监考人员"
        dataSource={list.staff}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人` }}
        locale={{ emptyText: '还没有监考人员：点“添加监考人员”。' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '手机号', dataIndex: 'phone', width: 140 },
          { title: '所在部门', dataIndex: 'department', ellipsis: true },
          {
            title: '登录账号',
            key: 'account',
            width: 180,
            render: (_, s) => (s.account ? `${s.account.displayName}（${s.account.username}）` : <Typography.Text type="secondary">未关联</Typography.Text>),
          },
          { title: '安排', dataIndex: 'duties', width: 80, align: 'right', render: (n: number) => (n ? `${n} 项` : '—') },
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_, s) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(s)} aria-label={`修改 ${s.name}`}>
                  修改
                </Button>
                <Button type="link" size="small" danger onClick={() => remove(s)} aria-label={`删除 ${s.name}`}>
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined && <StaffModal list={list} row={editing} onClose={() => setEditing(undefined)} />}
    </Flex>
  );
}
