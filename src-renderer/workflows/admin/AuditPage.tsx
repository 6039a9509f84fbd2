import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditEntry, AuditFilter } from '../../../src-shared/api/audit';
import { useOp } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { useSearchAsTyped } from '../../ui/use-search-as-typed';
import { AuditEntryDetail } from './AuditEntryDetail';
import { AuditExportButton } from './AuditExportButton';

interface Filters {
  actor?: string;
  operation?: string;
  entityType?: string;
  range?: [Dayjs, Dayjs] | null;
  search?: string;
}

function filterOf(f: Filters): AuditFilter {
  return {
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.operation ? { operation: f.operation } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.range ? { from: f.range[0].format('YYYY-MM-DD'), to: f.range[1].format('YYYY-MM-DD') } : {}),
    ...(f.search ? { search: f.search } : {}),
  };
}

/** Every change, who made it and when; append-only, so nothing here can be edited. */
export function AuditPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const facets = useOp('audit.facets', {});
  const filter = filterOf(filters);
  const query = useOp('audit.list', { ...filter, page, pageSize });
  const set = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const composition = useSearchAsTyped(text, filters.search ?? '', query.isFetching, (search) => set({ search }));

  return (
    <>
      <PageHeader
        title="审计日志"
        description="每一次修改都记录在这里：谁、何时、做了什么、改前与改后。日志只能追加，不能修改或删除；身份证号只显示首尾几位。"
        extra={<AuditExportButton filter={filter} />}
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="考生姓名、身份证号，或账号"
          aria-label="搜索考生或账号"
          value={text}
          onChange={(e) => setText(e.target.value)}
          {...composition}
          onPressEnter={() => set({ search: text.trim() })}
          style={{ width: 260 }}
          maxLength={40}
        />
        <Select
          allowClear
          placeholder="操作人"
          style={{ width: 180 }}
          value={filters.actor}
          onChange={(v?: string) => set({ actor: v })}
          options={facets.data?.actors}
          aria-label="操作人"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="操作"
          style={{ width: 200 }}
          value={filters.operation}
          onChange={(v?: string) => set({ operation: v })}
          options={facets.data?.operations}
          aria-label="操作"
        />
        <Select
          allowClear
          placeholder="对象类型"
          style={{ width: 140 }}
          value={filters.entityType}
          onChange={(v?: string) => set({ entityType: v })}
          options={facets.data?.entityTypes}
          aria-label="对象类型"
        />
        <DatePicker.RangePicker value={filters.range ?? null} onChange={(v) => set({ range: v && v[0] && v[1] ? [v[0], v[1]] : null })} />
        <Button onClick={() => (setFilters({}), setText(''), setPage(1))}>清除筛选</Button>
      </Flex>
      {query.error && <QueryError error={query.error} />}
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
          rowExpandable: (r) => r.changes.length > 0 || r.rowCount > 0,
          expandedRowRender: (r) => <AuditEntryDetail entry={r} search={filters.search} />,
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: formatTime },
          { title: '操作人', dataIndex: 'actorLabel', width: 140 },
          { title: '操作', dataIndex: 'operationLabel', width: 150 },
          {
            title: '对象',
            key: 'entity',
            width: 280,
            render: (_, r) => (
              <Flex vertical>
                <span>{r.entityLabel}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.entityTypeLabel}
                  {r.rowCount > 0 && ` · 明细 ${r.rowCount} 项`}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: '修改内容', dataIndex: 'summary', ellipsis: true, render: (s: string) => s || <Typography.Text type="secondary">—</Typography.Text> },
        ]}
      />
    </>
  );
}
