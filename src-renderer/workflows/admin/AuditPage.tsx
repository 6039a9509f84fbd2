import { Button, DatePicker, Flex, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditEntry } from '../../../src-shared/api/audit';
import { useOp } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ACTOR_LABELS, ENTITY_LABELS, OPERATION_LABELS } from './operation-labels';

interface Filters {
  actor?: string;
  operation?: string;
  entityType?: string;
  range?: [Dayjs, Dayjs] | null;
}

/** Every change, who made it and when; append-only, so nothing here can be edited. */
export function AuditPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const facets = useOp('audit.facets', {});
  const query = useOp('audit.list', {
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.operation ? { operation: filters.operation } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.range ? { from: filters.range[0].format('YYYY-MM-DD'), to: filters.range[1].format('YYYY-MM-DD') } : {}),
    page,
    pageSize,
  });
  const set = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  return (
    <>
      <PageHeader title="审计日志" description="每一次修改都记录在这里：谁、何时、做了什么、改前与改后。日志只能追加，不能修改或删除。" />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="操作人"
          style={{ width: 160 }}
          value={filters.actor}
          onChange={(v) => set({ actor: v })}
          options={facets.data?.actors.map((a) => ({ value: a, label: ACTOR_LABELS[a] ?? a }))}
          aria-label="操作人"
        />
        <Select
          allowClear
          placeholder="操作"
          style={{ width: 200 }}
          value={filters.operation}
          onChange={(v) => set({ operation: v })}
          options={facets.data?.operations.map((o) => ({ value: o, label: OPERATION_LABELS[o] ?? o }))}
          aria-label="操作"
        />
        <Select
          allowClear
          placeholder="对象类型"
          style={{ width: 160 }}
          value={filters.entityType}
          onChange={(v) => set({ entityType: v })}
          options={facets.data?.entityTypes.map((t) => ({ value: t, label: ENTITY_LABELS[t] ?? t }))}
          aria-label="对象类型"
        />
        <DatePicker.RangePicker value={filters.range ?? null} onChange={(v) => set({ range: v && v[0] && v[1] ? [v[0], v[1]] : null })} />
        <Button onClick={() => (setFilters({}), setPage(1))}>清除筛选</Button>
      </Flex>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={query.isPending}
        dataSource={query.data?.items}
        pagination={{
          current: page,
          pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => (setPage(p), setPageSize(s)),
        }}
        expandable={{
          rowExpandable: (r) => r.before !== null || r.after !== null,
          expandedRowRender: (r) => (
            <Flex gap={16}>
              <Change title="修改前" value={r.before} />
              <Change title="修改后" value={r.after} />
            </Flex>
          ),
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 180, render: formatTime },
          { title: '操作人', dataIndex: 'actor', width: 140, render: (a: string) => ACTOR_LABELS[a] ?? a },
          { title: '操作', dataIndex: 'operation', render: (o: string) => OPERATION_LABELS[o] ?? o },
          { title: '对象', key: 'entity', render: (_, r) => `${ENTITY_LABELS[r.entityType] ?? r.entityType}${r.entityId ? ` ${r.entityId}` : ''}` },
        ]}
      />
    </>
  );
}

function Change({ title, value }: { title: string; value: unknown }) {
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <pre style={{ background: 'var(--ant-color-fill-quaternary)', padding: 8, borderRadius: 6, maxHeight: 240, overflow: 'auto', fontSize: 12 }}>
        {value === null ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}
