import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Tooltip } from 'antd';
import type { DeclarationPlanRow } from '../../../src-shared/api/declarations';

/** The province's plans with the manual's columns; a new declaration only while a plan's window is open. */
export function PlansTable({
  plans,
  loading,
  canDeclare,
  onDeclare,
}: {
  plans: DeclarationPlanRow[];
  loading: boolean;
  canDeclare: boolean;
  onDeclare: (plan: DeclarationPlanRow) => void;
}) {
  return (
    <Card title="省级教育行政部门的申报计划" size="small" style={{ marginBottom: 16 }}>
      <Table<DeclarationPlanRow>
        rowKey="code"
        size="small"
        pagination={false}
        loading={loading}
        dataSource={plans}
        locale={{ emptyText: '本省还没有发布申报计划：导入平台的数据包后这里会列出' }}
        columns={[
          { title: '申报批次', render: (_, p) => `${p.province} ${p.batch}` },
          { title: '申报时间', render: (_, p) => `${p.windowStart} 00:00 ~ ${p.windowEnd} 23:59` },
          { title: '是否要求按专业填报', dataIndex: 'byMajor', render: (v: boolean) => (v ? '是' : '否') },
          { title: '是否需要地市级教育局审批', dataIndex: 'cityApproval', render: (v: boolean) => (v ? '是' : '否') },
          { title: '状态', render: (_, p) => (p.open ? <Tag color="green">申报中</Tag> : <Tag>{p.status === '申报中' ? '已截止' : p.status}</Tag>) },
          {
            title: '操作',
            render: (_, p) => (
              <Tooltip title={p.closedReason ?? (canDeclare ? null : '请先完善院校基础信息')}>
                <Button size="small" type="primary" icon={<PlusOutlined />} disabled={!p.open || !canDeclare} onClick={() => onDeclare(p)}>
                  申报新的证书试点
                </Button>
              </Tooltip>
            ),
          },
        ]}
      />
    </Card>
  );
}
