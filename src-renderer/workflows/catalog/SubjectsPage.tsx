import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { SubjectRow } from '../../../src-shared/api/catalog';
import { CERT_LEVELS, EXAM_METHODS } from '../../../src-shared/domain/catalog';
import { useOp } from '../../api/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { emptyText } from './CatalogEmpty';

interface Filters {
  text: string;
  certificate?: string;
  level?: string;
  method?: string;
}

const METHOD_COLORS: Record<string, string> = { 机考: 'blue', 实操: 'orange', 笔试: 'cyan' };

export function MethodTag({ method }: { method: string }) {
  return <Tag color={METHOD_COLORS[method]}>{method}</Tag>;
}

/** The manual's 考试科目: what each certificate level is examined on. */
export function SubjectsPage() {
  const list = useOp('catalog.subjects', {});
  const [filters, setFilters] = useState<Filters>({ text: '' });
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const certificates = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of list.data ?? []) if (!seen.has(s.certificateCode)) seen.set(s.certificateCode, s.certificateName.replace(/\([^)]*\)$/, ''));
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [list.data]);

  const rows = useMemo(() => {
    const text = filters.text.trim().toLowerCase();
    return (list.data ?? []).filter(
      (s) =>
        (!text || s.code.toLowerCase().includes(text) || s.name.toLowerCase().includes(text) || s.certificateName.toLowerCase().includes(text)) &&
        (!filters.certificate || s.certificateCode === filters.certificate) &&
        (!filters.level || s.level === filters.level) &&
        (!filters.method || s.method === filters.method),
    );
  }, [list.data, filters]);

  return (
    <>
      <PageHeader title="考试科目" description="各培训评价组织发布的证书考试科目。参考对象不是“所有考生”的科目，报考时需要填写考生所属的参考对象类型。" />
      <QueryError error={list.error} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="科目编号、科目名称或证书"
          style={{ width: 260 }}
          value={filters.text}
          onChange={(e) => set({ text: e.target.value })}
          aria-label="搜索科目"
        />
        <Select
          allowClear
          placeholder="考证证书"
          style={{ width: 280 }}
          value={filters.certificate}
          onChange={(v) => set({ certificate: v })}
          options={certificates}
          aria-label="考证证书"
        />
        <Select
          allowClear
          placeholder="等级"
          style={{ width: 110 }}
          value={filters.level}
          onChange={(v) => set({ level: v })}
          options={CERT_LEVELS.map((l) => ({ value: l, label: l }))}
          aria-label="等级"
        />
        <Select
          allowClear
          placeholder="考试方式"
          style={{ width: 130 }}
          value={filters.method}
          onChange={(v) => set({ method: v })}
          options={EXAM_METHODS.map((m) => ({ value: m, label: m }))}
          aria-label="考试方式"
        />
        <Button onClick={() => setFilters({ text: '' })}>清除筛选</Button>
      </Flex>
      <Table<SubjectRow>
        rowKey="code"
        size="middle"
        loading={list.isPending}
        dataSource={rows}
        locale={{ emptyText: emptyText(list.data?.length, '考试科目') }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: false, showTotal: (t) => `共 ${t} 个科目` }}
        columns={[
          { title: '科目编号', dataIndex: 'code', width: 110 },
          { title: '科目名称', dataIndex: 'name' },
          { title: '考试方式', dataIndex: 'method', width: 100, render: (m: string) => <MethodTag method={m} /> },
          { title: '考证证书', dataIndex: 'certificateName' },
          { title: '考证单位', dataIndex: 'orgName' },
          { title: '参考对象', dataIndex: 'target', width: 110 },
          { title: '科目状态', dataIndex: 'status', width: 100, render: (s: string) => <Tag color={s === '已启用' ? 'success' : 'default'}>{s}</Tag> },
        ]}
      />
    </>
  );
}
