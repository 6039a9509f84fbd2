import { Table, Tag } from 'antd';
import type { DeclarationPlan } from '../../../src-shared/domain/catalog';
import { useOp } from '../../api/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { emptyText } from './CatalogEmpty';

const STATUS_COLORS: Record<string, string> = { 未开始: 'blue', 申报中: 'green', 已结束: 'default' };
const yesNo = (b: boolean) => (b ? '是' : '否');

/** The provinces' 证书申报计划: a certificate can be declared only inside a published plan's window. */
export function DeclarationPlansPage() {
  const list = useOp('catalog.declarationPlans', {});
  return (
    <>
      <PageHeader title="申报计划" description="证书申报计划由各省教育行政部门发布。没有发布申报计划的省份不能申报；请在规定时间内完成证书申报，超过时间也无法申报。" />
      <QueryError error={list.error} />
      <Table<DeclarationPlan>
        rowKey="code"
        loading={list.isPending}
        dataSource={list.data}
        locale={{ emptyText: emptyText(list.data?.length, '申报计划') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个申报计划` }}
        columns={[
          { title: '申报批次', dataIndex: 'batch' },
          { title: '省份', dataIndex: 'province', width: 120 },
          { title: '申报时间', key: 'window', width: 240, render: (_, p) => `${p.windowStart} ~ ${p.windowEnd}` },
          { title: '是否要求按专业填报', dataIndex: 'byMajor', width: 170, align: 'center', render: yesNo },
          { title: '是否需要地市级教育局审批', dataIndex: 'cityApproval', width: 210, align: 'center', render: yesNo },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => <Tag color={STATUS_COLORS[s]}>{s}</Tag> },
        ]}
      />
    </>
  );
}
