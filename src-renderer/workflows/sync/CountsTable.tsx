import { Table, Typography } from 'antd';
import type { KindCounts } from '../../../src-shared/api/packages';
import { kindLabel } from './package-labels';

interface Row {
  kind: string;
  new: number;
  changed: number;
  unchanged: number;
}

const count = (n: number, type?: 'success' | 'warning') =>
  n ? (
    <Typography.Text type={type} strong={type !== undefined}>
      {n}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">0</Typography.Text>
  );

/** Per kind: how many records are new, changed or already as the package has them. */
export function CountsTable({ counts }: { counts: KindCounts }) {
  const rows: Row[] = Object.entries(counts).map(([kind, c]) => ({ kind, ...c }));
  const total = rows.reduce((s, r) => ({ new: s.new + r.new, changed: s.changed + r.changed, unchanged: s.unchanged + r.unchanged }), { new: 0, changed: 0, unchanged: 0 });
  return (
    <section aria-label="数量统计">
      <Table<Row>
        rowKey="kind"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '数据类型', dataIndex: 'kind', render: kindLabel },
          { title: '新增', dataIndex: 'new', width: 120, align: 'right', render: (n: number) => count(n, 'success') },
          { title: '变更', dataIndex: 'changed', width: 120, align: 'right', render: (n: number) => count(n, 'warning') },
          { title: '未变', dataIndex: 'unchanged', width: 120, align: 'right', render: (n: number) => count(n) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {count(total.new, 'success')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {count(total.changed, 'warning')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {count(total.unchanged)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </section>
  );
}
