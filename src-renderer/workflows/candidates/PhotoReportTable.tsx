import { Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { PhotoFileReport } from '../../../src-shared/api/photos';

const STATUS: Record<PhotoFileReport['status'], { label: string; color: string }> = {
  accepted: { label: '接受', color: 'success' },
  refused: { label: '退回', color: 'error' },
  ignored: { label: '忽略', color: 'default' },
};
type Filter = '全部' | '接受' | '退回' | '忽略';

/** One line per ZIP entry: its name as decoded, the ID read from it, and what happens to it. */
export function PhotoReportTable({ files }: { files: PhotoFileReport[] }) {
  const [filter, setFilter] = useState<Filter>(() => (files.some((f) => f.status === 'refused') ? '退回' : '全部'));
  // A ZIP may hold one name twice (that is one of the refusals): the entry's position keys the row.
  const keyed = useMemo(() => files.map((f, i) => ({ ...f, key: i })), [files]);
  const rows = useMemo(() => (filter === '全部' ? keyed : keyed.filter((f) => STATUS[f.status].label === filter)), [keyed, filter]);
  const count = (s: PhotoFileReport['status']) => files.filter((f) => f.status === s).length;
  return (
    <section aria-label="每个文件的检查结果">
      <Flex style={{ marginBottom: 12 }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          aria-label="按结果筛选"
          options={[
            { value: '全部', label: `全部 ${files.length}` },
            { value: '接受', label: `接受 ${count('accepted')}` },
            { value: '退回', label: `退回 ${count('refused')}` },
            { value: '忽略', label: `忽略 ${count('ignored')}` },
          ]}
        />
      </Flex>
      <Table<PhotoFileReport & { key: number }>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (t) => `共 ${t} 个文件` }}
        columns={[
          { title: '文件', dataIndex: 'name', minWidth: 280, render: (n: string) => <Typography.Text style={{ wordBreak: 'break-all' }}>{n}</Typography.Text> },
          { title: '身份证号', dataIndex: 'id', width: 180, render: (id: string | null) => id ?? '—' },
          {
            title: '结果',
            dataIndex: 'status',
            width: 150,
            render: (s: PhotoFileReport['status'], f) => (
              <Flex gap={4} wrap>
                <Tag color={STATUS[s].color} style={{ marginInlineEnd: 0 }}>
                  {STATUS[s].label}
                </Tag>
                {f.fixed && (
                  <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                    已调整尺寸
                  </Tag>
                )}
                {f.replaces && s === 'accepted' && (
                  <Tag color="warning" style={{ marginInlineEnd: 0 }}>
                    替换
                  </Tag>
                )}
              </Flex>
            ),
          },
          { title: '说明', dataIndex: 'message' },
        ]}
      />
    </section>
  );
}
