import { SearchOutlined } from '@ant-design/icons';
import { Flex, Input, Segmented, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { MajorRow } from '../../../src-shared/api/catalog';
import { MAJOR_LEVELS } from '../../../src-shared/domain/catalog';
import { useOp } from '../../api/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { emptyText } from './CatalogEmpty';

const ALL = '全部';
/** 中职 → 高职专科 → 本科: the order people read the list in, not the order of the characters. */
const LEVEL_ORDER = (level: string) => (MAJOR_LEVELS as readonly string[]).indexOf(level);
const LEVEL_COLORS: Record<string, string> = { 中职: 'cyan', 高职专科: 'blue', 职业本科: 'purple', 本科: 'geekblue' };

/** The majors list (专业目录) declarations and candidates choose from, with their level. */
export function MajorsPage() {
  const list = useOp('catalog.majors', {});
  const [text, setText] = useState('');
  const [level, setLevel] = useState<string>(ALL);
  const rows = useMemo(() => {
    const t = text.trim();
    return (list.data ?? [])
      .filter((m) => (!t || m.code.includes(t) || m.name.includes(t)) && (level === ALL || m.level === level))
      .sort((a, b) => LEVEL_ORDER(a.level) - LEVEL_ORDER(b.level) || a.code.localeCompare(b.code));
  }, [list.data, text, level]);

  return (
    <>
      <PageHeader title="专业目录" description="专业名称和专业层次以平台下发的目录为准，证书申报和考生信息都从这里选择专业。" />
      <QueryError error={list.error} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="专业代码或名称"
          style={{ width: 240 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="搜索专业"
        />
        <Segmented value={level} onChange={(v) => setLevel(String(v))} options={[ALL, ...MAJOR_LEVELS]} aria-label="专业层次" />
      </Flex>
      <Table<MajorRow>
        rowKey="code"
        size="middle"
        loading={list.isPending}
        dataSource={rows}
        locale={{ emptyText: emptyText(list.data?.length, '专业目录') }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个专业` }}
        columns={[
          { title: '专业代码', dataIndex: 'code', width: 160 },
          { title: '专业名称', dataIndex: 'name' },
          { title: '专业层次', dataIndex: 'level', width: 160, render: (l: string) => <Tag color={LEVEL_COLORS[l]}>{l}</Tag> },
        ]}
      />
    </>
  );
}
