import { Table, Tag } from 'antd';
import type { CertificateRow } from '../../../src-shared/api/catalog';
import { useOp } from '../../api/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { emptyText } from './CatalogEmpty';

const LEVEL_COLORS: Record<string, string> = { 初级: 'green', 中级: 'blue', 高级: 'purple' };

export function LevelTag({ level }: { level: string }) {
  return <Tag color={LEVEL_COLORS[level]}>{level}</Tag>;
}

/** The certificates the platform lists, with their evaluation organisation and levels. */
export function CertificatesPage() {
  const list = useOp('catalog.certificates', {});
  return (
    <>
      <PageHeader title="证书目录" description="职业技能等级证书及其培训评价组织，随平台数据包更新。" />
      <QueryError error={list.error} />
      <Table<CertificateRow>
        rowKey="code"
        loading={list.isPending}
        dataSource={list.data}
        locale={{ emptyText: emptyText(list.data?.length, '证书目录') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 种证书` }}
        columns={[
          { title: '证书编号', dataIndex: 'code', width: 140 },
          { title: '证书名称', dataIndex: 'name' },
          { title: '简称', dataIndex: 'shortName', width: 160 },
          { title: '培训评价组织', dataIndex: 'orgName' },
          { title: '等级', dataIndex: 'levels', width: 200, render: (levels: string[]) => levels.map((l) => <LevelTag key={l} level={l} />) },
        ]}
      />
    </>
  );
}
