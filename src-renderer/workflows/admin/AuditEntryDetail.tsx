import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { Fragment, useState } from 'react';
import type { AuditChange, AuditEntry, AuditRow } from '../../../src-shared/api/audit';
import { useOp } from '../../api/hooks';
import { QueryError } from '../../ui/QueryError';

const empty = <Typography.Text type="secondary">（空）</Typography.Text>;

/** An entry's fields: 修改前 / 修改后 for an update, one column of what was recorded otherwise. */
function ChangesTable({ changes, kind }: { changes: AuditChange[]; kind: AuditEntry['changeKind'] }) {
  const update = kind === 'updated';
  const single = kind === 'deleted' ? '删除前的内容' : '内容';
  return (
    <Table<AuditChange>
      aria-label="修改内容"
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={changes}
      style={{ maxWidth: 960 }}
      columns={[
        { title: '项目', dataIndex: 'label', width: 200 },
        ...(update
          ? [
              { title: '修改前', dataIndex: 'before', render: (v: string | null) => v ?? empty },
              { title: '修改后', dataIndex: 'after', render: (v: string | null) => (v === null ? empty : <Typography.Text strong>{v}</Typography.Text>) },
            ]
          : [{ title: single, key: 'value', render: (_: unknown, c: AuditChange) => (kind === 'deleted' ? c.before : c.after) ?? empty }]),
      ]}
    />
  );
}

/** One row's changes as label: old → new, the way the import preview showed them. */
function RowChanges({ changes }: { changes: AuditChange[] }) {
  if (!changes.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 12, rowGap: 2 }}>
      {changes.map((c) => (
        <Fragment key={c.field}>
          <Typography.Text type="secondary">{c.label}</Typography.Text>
          <Flex gap={6} align="baseline" wrap>
            {c.before !== null && (
              <>
                <Typography.Text delete type="secondary">
                  {c.before}
                </Typography.Text>
                <ArrowRightOutlined style={{ fontSize: 11, color: 'var(--ant-color-text-tertiary)' }} />
              </>
            )}
            {c.after === null ? empty : <Typography.Text strong={c.before !== null}>{c.after}</Typography.Text>}
          </Flex>
        </Fragment>
      ))}
    </div>
  );
}

const STATUS_COLORS: Record<string, string> = { 新增: 'green', 修改: 'blue', 替换: 'orange' };

/** An import's rows, a page at a time; searching, only those about the candidate searched for. */
function ImportRows({ entry, search }: { entry: AuditEntry; search: string | undefined }) {
  const [all, setAll] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const only = search && !all ? search : undefined;
  const rows = useOp('audit.rows', { id: entry.id, ...(only ? { search: only } : {}), page, pageSize });
  const toggle = (next: boolean) => (setAll(next), setPage(1));
  return (
    <section aria-label="导入明细">
      <Flex gap={8} align="baseline" style={{ marginBottom: 8 }}>
        <Typography.Text strong>导入明细</Typography.Text>
        <Typography.Text type="secondary">{only ? `与“${only}”有关的 ${rows.data?.total ?? '…'} 项（共 ${entry.rowCount} 项）` : `共 ${entry.rowCount} 项`}</Typography.Text>
        {search && (
          <Button type="link" size="small" onClick={() => toggle(!all)}>
            {all ? `只看与“${search}”有关的` : '显示全部'}
          </Button>
        )}
      </Flex>
      <QueryError error={rows.error} />
      <Table<AuditRow>
        aria-label="导入明细"
        rowKey={(r, i) => `${r.entity}:${r.title}:${i ?? 0}`}
        size="small"
        loading={rows.isPending}
        dataSource={rows.data?.items}
        pagination={{
          current: page,
          pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 项`,
          onChange: (p, s) => (setPage(p), setPageSize(s)),
        }}
        columns={[
          { title: '类型', dataIndex: 'entity', width: 110 },
          { title: '对象', dataIndex: 'title', width: 300 },
          { title: '改动', dataIndex: 'status', width: 80, render: (s: string) => <Tag color={STATUS_COLORS[s]}>{s}</Tag> },
          { title: '修改内容', key: 'changes', render: (_, r) => <RowChanges changes={r.changes} /> },
        ]}
      />
    </section>
  );
}

/** What an entry changed: its fields, and an import's rows inside it. */
export function AuditEntryDetail({ entry, search }: { entry: AuditEntry; search: string | undefined }) {
  return (
    <Flex vertical gap={16} style={{ padding: '4px 0' }}>
      {entry.changes.length > 0 && <ChangesTable changes={entry.changes} kind={entry.changeKind} />}
      {entry.rowCount > 0 && <ImportRows entry={entry} search={search} />}
    </Flex>
  );
}
