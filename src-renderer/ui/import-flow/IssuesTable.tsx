import { Flex, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ImportIssue } from '../../../src-shared/api/candidates';

/** Every problem of an import by row (as Excel numbers it), column (the template's header) and reason. */
export function IssuesTable({ issues, label }: { issues: ImportIssue[]; label: string }) {
  const [column, setColumn] = useState<string | undefined>();
  const columns = useMemo(() => [...new Set(issues.map((i) => i.column))].map((c) => ({ value: c, label: c })), [issues]);
  const rows = useMemo(() => (column ? issues.filter((i) => i.column === column) : issues), [issues, column]);
  return (
    <section aria-label={label}>
      {columns.length > 1 && (
        <Flex style={{ marginBottom: 12 }}>
          <Select allowClear placeholder="全部列" aria-label={`${label}按列筛选`} style={{ width: 180 }} value={column} onChange={setColumn} options={columns} />
        </Flex>
      )}
      <Table<ImportIssue>
        rowKey={(i) => `${i.row}:${i.column}:${i.code}`}
        size="small"
        dataSource={rows}
        pagination={{ defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '行号', dataIndex: 'row', width: 80, render: (r: number) => `第 ${r} 行` },
          { title: '列', dataIndex: 'column', width: 120 },
          { title: '原因', dataIndex: 'message', render: (m: string) => <Typography.Text>{m}</Typography.Text> },
        ]}
      />
    </section>
  );
}
