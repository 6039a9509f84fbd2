import { ImportOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Flex, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PaymentOrderRow } from '../../../src-shared/api/payments';
import { formatYuan, PAYMENT_STATUS_LABELS, PAYMENT_STATUSES, type PaymentStatus } from '../../../src-shared/domain/payment';
import { useApi, useOp } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { RowAction } from '../../ui/RowAction';
import { CreateOrderDrawer } from './CreateOrderDrawer';
import { OrderDrawer } from './OrderDrawer';
import { PAYMENT_QUERIES, PaymentStatusTag } from './payment-status';
import { PrintOrderModal } from './PrintOrderModal';

type Tab = PaymentStatus | 'all';

/** 缴费管理 (the manual's 2.2.8): the payment orders, what each asks for and where it stands. */
export function PaymentsPage() {
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const [tab, setTab] = useState<Tab>('all');
  const list = useOp('payments.list', tab === 'all' ? {} : { status: tab });
  const plans = useOp('payments.plans', {});
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const [printing, setPrinting] = useState<PaymentOrderRow | null>(null);
  const refresh = () => Promise.all(PAYMENT_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));

  const remove = (o: PaymentOrderRow) =>
    modal.confirm({
      title: `删除缴费单 ${o.orderNo}？`,
      content:
        o.status === 'sent'
          ? '这张缴费单已报送平台：删除后平台对它的缴费确认将无法导入。如已按此单号付款，请不要删除。删除后，其中的报考记录可以重新生成缴费单。'
          : '删除后，其中的报考记录可以重新生成缴费单。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.call('payments.delete', { id: o.id });
          message.success(`已删除缴费单 ${o.orderNo}`);
          if (viewing === o.id) setViewing(null);
          await refresh();
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });

  const counts = list.data?.counts;
  const tabs: { value: Tab; label: string }[] = [
    { value: 'all', label: `全部${counts ? ` ${counts.all}` : ''}` },
    ...PAYMENT_STATUSES.map((s) => ({ value: s, label: `${PAYMENT_STATUS_LABELS[s]}${counts ? ` ${counts[s]}` : ''}` })),
  ];
  const open = (plans.data ?? []).reduce((n, p) => n + p.open, 0);

  return (
    <>
      <PageHeader
        title="缴费管理"
        description="按培训评价组织的收费方式（按报考证书或按报考科目）生成缴费申请单，线下付款时附上缴费单号；培训评价组织确认缴费后，报考记录即为已缴费，缴费单不能再修改或删除。"
        extra={
          <Space>
            <Button icon={<SettingOutlined />} onClick={() => void navigate('/payments/fees')}>
              收费标准
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => void navigate('/payments/import')}>
              导入缴费单
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              生成缴费单
            </Button>
          </Space>
        }
      />
      <QueryError error={list.error ?? plans.error} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={12} wrap>
        <Segmented<Tab> value={tab} onChange={setTab} options={tabs} aria-label="缴费状态" />
        {plans.data && (
          <Typography.Text type="secondary" role="status">
            {plans.data.length === 0 ? '还没有报考记录。' : open > 0 ? `还有 ${open} 条未缴费的报考记录没有生成缴费单。` : '所有未缴费的报考记录都已生成缴费单。'}
          </Typography.Text>
        )}
      </Flex>
      <Table<PaymentOrderRow>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 张缴费单` }}
        locale={{ emptyText: tab === 'all' ? '还没有缴费单：点右上角“生成缴费单”，或按模板“导入缴费单”。' : '没有这个状态的缴费单' }}
        columns={[
          {
            title: '缴费单号',
            dataIndex: 'orderNo',
            width: 250,
            render: (no: string, o) => (
              <Button type="link" style={{ padding: 0, height: 'auto', fontFamily: 'monospace' }} onClick={() => setViewing(o.id)}>
                {no}
              </Button>
            ),
          },
          { title: '考试计划', dataIndex: 'planName' },
          { title: '生成方式', dataIndex: 'basisLabel', width: 110 },
          { title: '条数', dataIndex: 'lineCount', width: 80, align: 'right' },
          { title: '应缴金额（元）', dataIndex: 'amountFen', width: 140, align: 'right', render: (fen: number) => formatYuan(fen) },
          {
            title: '状态',
            key: 'status',
            width: 200,
            render: (_, o) => (
              <Flex vertical gap={2} align="flex-start">
                <PaymentStatusTag status={o.status} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {o.confirmedAt ? `${formatTime(o.confirmedAt)} 确认` : o.sentAt ? `${formatTime(o.sentAt)} 报送` : `${formatTime(o.createdAt)} 生成`}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_, o) => (
              <Space size={12}>
                <RowAction onClick={() => setViewing(o.id)}>查看</RowAction>
                <RowAction onClick={() => setPrinting(o)}>打印</RowAction>
                {o.canDelete && (
                  <RowAction danger onClick={() => remove(o)}>
                    删除
                  </RowAction>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && (
        <CreateOrderDrawer
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setViewing(id);
          }}
        />
      )}
      {viewing !== null && <OrderDrawer id={viewing} onClose={() => setViewing(null)} onPrint={setPrinting} onDelete={remove} />}
      {printing && <PrintOrderModal order={printing} onClose={() => setPrinting(null)} />}
    </>
  );
}
