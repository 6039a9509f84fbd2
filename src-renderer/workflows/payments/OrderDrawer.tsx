import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Space, Spin, Table, Tag, Typography } from 'antd';
import type { PaymentLineRow, PaymentOrderRow } from '../../../src-shared/api/payments';
import { chineseAmount, formatYuan, groupLabel, type PaymentGroup } from '../../../src-shared/domain/payment';
import { useOp } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { PaymentStatusTag } from './payment-status';

/** 查看: an order's heading, its lines grouped with counts and subtotals, and each line with whether it is paid. */
export function OrderDrawer({
  id,
  onClose,
  onPrint,
  onDelete,
}: {
  id: number;
  onClose: () => void;
  onPrint: (o: PaymentOrderRow) => void;
  onDelete: (o: PaymentOrderRow) => void;
}) {
  const order = useOp('payments.get', { id });
  const o = order.data;
  const unit = o?.basis === 'certificate' ? '人' : '科次';

  return (
    <Drawer
      open
      title={o ? `缴费单 ${o.orderNo}` : '缴费单'}
      size={920}
      onClose={onClose}
      destroyOnHidden
      extra={
        o && (
          <Space>
            <Button icon={<PrinterOutlined />} onClick={() => onPrint(o)}>
              打印
            </Button>
            {o.canDelete && (
              <Button danger onClick={() => onDelete(o)}>
                删除
              </Button>
            )}
          </Space>
        )
      }
    >
      <QueryError error={order.error} />
      {!o ? (
        <Spin />
      ) : (
        <>
          <Descriptions
            size="small"
            column={2}
            bordered
            style={{ marginBottom: 16 }}
            items={[
              { key: 'no', label: '缴费单号', children: <Typography.Text copyable>{o.orderNo}</Typography.Text> },
              { key: 'status', label: '状态', children: <PaymentStatusTag status={o.status} /> },
              { key: 'plan', label: '考试计划', children: `${o.planName}（${o.planCode}）` },
              { key: 'org', label: '培训评价组织', children: o.orgName },
              { key: 'basis', label: '生成方式', children: `${o.basisLabel}${o.source === 'import' ? '（按模板导入）' : ''}` },
              { key: 'count', label: '条数', children: `${o.lineCount} ${unit}` },
              { key: 'amount', label: '应缴金额', span: 2, children: `¥${formatYuan(o.amountFen)} 元（大写：${chineseAmount(o.amountFen)}）` },
              { key: 'created', label: '生成时间', children: formatTime(o.createdAt) },
              { key: 'sent', label: '报送平台', children: o.sentAt ? formatTime(o.sentAt) : '尚未报送' },
              ...(o.confirmedAt ? [{ key: 'confirmed', label: '确认缴费', children: formatTime(o.confirmedAt) }] : []),
            ]}
          />
          <Typography.Title level={5}>缴费汇总</Typography.Title>
          <Table<PaymentGroup>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={o.groups}
            style={{ marginBottom: 16 }}
            columns={[
              { title: o.basis === 'certificate' ? '报考证书（等级）' : '报考科目', key: 'label', render: (_, g) => groupLabel(g) },
              { title: '数量', dataIndex: 'count', width: 90, align: 'right', render: (n: number) => `${n} ${unit}` },
              { title: '收费标准（元）', dataIndex: 'feeFen', width: 130, align: 'right', render: formatYuan },
              { title: '小计（元）', dataIndex: 'subtotalFen', width: 130, align: 'right', render: formatYuan },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>合计</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Typography.Text strong>{`${o.lineCount} ${unit}`}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} />
                <Table.Summary.Cell index={3} align="right">
                  <Typography.Text strong>{formatYuan(o.amountFen)}</Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          <Typography.Title level={5}>缴费明细</Typography.Title>
          <Table<PaymentLineRow & { index: number }>
            rowKey="index"
            size="small"
            dataSource={o.lines.map((l, index) => ({ ...l, index }))}
            pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (t) => `共 ${t} 条` }}
            columns={[
              { title: '序号', dataIndex: 'index', width: 60, render: (i: number) => i + 1 },
              { title: '姓名', dataIndex: 'name', width: 100 },
              { title: '身份证号', dataIndex: 'idNumber', width: 190 },
              {
                title: o.basis === 'certificate' ? '报考证书' : '报考科目',
                key: 'item',
                render: (_, l) => (l.subjectCode ? `${l.subjectName ?? ''}（${l.subjectCode}）` : `${l.certificateName}（${l.level}）`),
              },
              { title: '金额（元）', dataIndex: 'feeFen', width: 100, align: 'right', render: formatYuan },
              { title: '缴费状态', dataIndex: 'paid', width: 100, render: (paid: boolean) => (paid ? <Tag color="success">已缴费</Tag> : <Tag>未缴费</Tag>) },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
