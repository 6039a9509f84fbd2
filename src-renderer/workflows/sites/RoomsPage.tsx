import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PlanRooms, RoomPlanRow, RoomRow } from '../../../src-shared/api/sites';
import { useApi, useOp } from '../../api/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { PlanPicker } from '../../ui/PlanPicker';
import { QueryError } from '../../ui/QueryError';
import { CapacityPanel } from './CapacityPanel';
import { RoomCopyModal } from './RoomCopyModal';
import { RoomDrawer } from './RoomDrawer';
import { ROOM_QUERIES } from './site-status';

const TYPE_COLORS: Record<string, string> = { 机考: 'blue', 实操: 'orange', 笔试: 'green' };

/** The plan to show first: one still ahead or running, else the newest. */
function defaultPlan(plans: RoomPlanRow[]): string | undefined {
  return (plans.find((p) => p.phase !== '已结束') ?? plans[0])?.code;
}

/** 考场管理 (the manual's 2.2.6): per exam plan, the rooms of the school's approved sites, 考场沿用 and the capacity check. */
export function RoomsPage() {
  const [params, setParams] = useSearchParams();
  const plans = useOp('rooms.plans', {});
  const planCode = params.get('plan') ?? (plans.data ? defaultPlan(plans.data) : undefined);
  const plan = plans.data?.find((p) => p.code === planCode);
  return (
    <>
      <PageHeader
        title="考场管理"
        description="考场信息每次考试都需要设置一次；考场没有变化时，可以沿用之前考试计划的设置。设置考场和座位数时，要充分考虑本次考试需要考试的人数，尽量准备充足。"
      />
      <QueryError error={plans.error} />
      <PlanPicker
        id="rooms-plan"
        planCode={planCode}
        loading={plans.isPending}
        onChange={(code) => setParams({ plan: code })}
        options={(plans.data ?? []).map((p) => ({ value: p.code, label: `${p.name}（${p.code}）· ${p.phase} · ${p.roomCount} 个考场` }))}
        notFoundContent="还没有考试计划：请先导入平台的数据包"
      />
      {plan && <PlanRoomsView key={plan.code} plan={plan} plans={plans.data!} />}
    </>
  );
}

function PlanRoomsView({ plan, plans }: { plan: RoomPlanRow; plans: RoomPlanRow[] }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const rooms = useOp('rooms.list', { planCode: plan.code });
  // undefined: closed; null: a new room.
  const [editing, setEditing] = useState<RoomRow | null | undefined>(undefined);
  const [copying, setCopying] = useState(false);
  const data: PlanRooms | undefined = rooms.data;
  const noSites = data !== undefined && data.sites.length === 0;
  const seats = (data?.rooms ?? []).reduce((n, r) => n + r.seats, 0);

  const remove = (r: RoomRow) =>
    modal.confirm({
      title: `删除考场“${r.name}”？`,
      content: `${r.siteName}，${r.type}考场，${r.seats} 个座位。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.call('rooms.delete', { id: r.id });
          message.success(`已删除考场“${r.name}”`);
          await Promise.all(ROOM_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });

  return (
    <Flex vertical gap={16}>
      <QueryError error={rooms.error} />
      {noSites && (
        <Alert
          type="info"
          showIcon
          title="本考试计划还没有可用的考核站点"
          description={
            <>
              考场只能设在本校审核通过、且获批本计划证书的考核站点。请先在“<Link to="/sites">申报考点</Link>”中申报并等待审核通过。
            </>
          }
        />
      )}
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{data ? `共 ${data.rooms.length} 个考场，${seats} 个座位` : ' '}</Typography.Text>
        <Space>
          <Button icon={<CopyOutlined />} onClick={() => setCopying(true)} disabled={noSites}>
            沿用考场
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} disabled={noSites || !data}>
            添加考场
          </Button>
        </Space>
      </Flex>
      <Table<RoomRow>
        rowKey="id"
        size="middle"
        aria-label="考场"
        loading={rooms.isPending}
        dataSource={data?.rooms}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个考场` }}
        locale={{ emptyText: '本考试计划还没有考场：点“添加考场”，或“沿用考场”复制之前的设置。' }}
        columns={[
          { title: '站点名称', dataIndex: 'siteName', ellipsis: true },
          { title: '考场名称', dataIndex: 'name', width: 130 },
          { title: '考场类型', dataIndex: 'type', width: 90, render: (t: string) => <Tag color={TYPE_COLORS[t]}>{t}</Tag> },
          { title: '座位数', dataIndex: 'seats', width: 80, align: 'right' },
          { title: '考场地址', key: 'address', ellipsis: true, render: (_, r) => `${r.province}${r.city}${r.district}${r.address}` },
          {
            title: '考试的证书',
            key: 'certificates',
            width: 200,
            render: (_, r) =>
              r.certificates.length ? (
                <Flex gap={4} wrap>
                  {r.certificates.map((c) => (
                    <Tag key={`${c.certificateCode}/${c.level}`}>{`${c.certificateName.replace(/职业技能等级证书$/, '')}（${c.level}）`}</Tag>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">本站点获批的全部证书</Typography.Text>
              ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_, r) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(r)} aria-label={`修改 ${r.name}`}>
                  修改
                </Button>
                <Button type="link" size="small" danger onClick={() => remove(r)} aria-label={`删除 ${r.name}`}>
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <CapacityPanel planCode={plan.code} />
      {editing !== undefined && data && <RoomDrawer plan={data} room={editing} onClose={() => setEditing(undefined)} />}
      {copying && <RoomCopyModal plan={plan} plans={plans} onClose={() => setCopying(false)} />}
    </Flex>
  );
}
