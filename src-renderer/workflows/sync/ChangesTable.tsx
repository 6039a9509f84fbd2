import { ArrowRightOutlined } from '@ant-design/icons';
import { Flex, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { EntityChange, FieldChange } from '../../../src-shared/api/packages';
import { displayValue, fieldValue } from './package-labels';

const STATUS = { new: { label: '新增', color: 'green' }, changed: { label: '变更', color: 'orange' } } as const;
type StatusFilter = '全部' | '新增' | '变更';

/** A long value (a plan's whole subject list) stays on one line; the full text is in its tooltip. */
function Value({ v, type }: { v: unknown; type?: 'secondary' | 'success' }) {
  const text = displayValue(v);
  return (
    <Typography.Text type={type} ellipsis={{ tooltip: text }} style={{ maxWidth: 320 }}>
      {text}
    </Typography.Text>
  );
}

/** One field: its name, then (for a change) the old value → the new one. */
function FieldLine({ c, status, organisations }: { c: FieldChange; status: EntityChange['status']; organisations: ReadonlyMap<string, string> }) {
  return (
    <>
      <Typography.Text type="secondary">{c.field}</Typography.Text>
      <Flex gap={6} align="baseline" style={{ minWidth: 0 }}>
        {status === 'changed' && (
          <>
            <Value v={fieldValue(c.field, c.old, organisations)} type="secondary" />
            <ArrowRightOutlined style={{ flex: 'none', fontSize: 11, color: 'var(--ant-color-text-tertiary)' }} />
          </>
        )}
        <Value v={fieldValue(c.field, c.new, organisations)} />
      </Flex>
    </>
  );
}

/** The new and changed entities of a preview, filterable, a page at a time; organisations by name (`organisations`: code → name). */
export function ChangesTable({ changes, organisations }: { changes: EntityChange[]; organisations: ReadonlyMap<string, string> }) {
  const [status, setStatus] = useState<StatusFilter>('全部');
  const [entity, setEntity] = useState<string | undefined>();
  const entities = useMemo(() => [...new Set(changes.map((c) => c.entity))].map((e) => ({ value: e, label: e })), [changes]);
  const rows = useMemo(() => changes.filter((c) => (status === '全部' || STATUS[c.status].label === status) && (!entity || c.entity === entity)), [changes, status, entity]);

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Segmented<StatusFilter> value={status} onChange={setStatus} options={['全部', '新增', '变更']} aria-label="按状态筛选" />
        <Select allowClear placeholder="全部类型" style={{ width: 160 }} value={entity} onChange={setEntity} options={entities} aria-label="按类型筛选" />
      </Flex>
      <Table<EntityChange>
        rowKey={(c) => `${c.kind}:${c.key}`}
        size="small"
        dataSource={rows}
        pagination={{ defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 20, 50], showTotal: (t) => `共 ${t} 项` }}
        locale={{ emptyText: '没有需要写入的新内容' }}
        columns={[
          { title: '类型', dataIndex: 'entity', width: 120 },
          { title: '名称', dataIndex: 'title', width: 280, render: (t: string) => <Typography.Text strong>{t}</Typography.Text> },
          { title: '状态', dataIndex: 'status', width: 80, render: (s: EntityChange['status']) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag> },
          {
            title: '内容',
            key: 'changes',
            render: (_, c) => (
              <div style={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 12, rowGap: 2 }}>
                {c.changes.map((f) => (
                  <FieldLine key={f.field} c={f} status={c.status} organisations={organisations} />
                ))}
              </div>
            ),
          },
        ]}
      />
    </>
  );
}
