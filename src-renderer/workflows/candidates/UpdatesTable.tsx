import { Table, Typography } from 'antd';
import type { CandidateUpdatePreview } from '../../../src-shared/api/candidates';
import { ChangesCell } from '../../ui/import-flow/preview-pieces';

/** 批量修改's preview: per candidate, each changed field as old → new (only those are written). */
export function UpdatesTable({ updates, total }: { updates: CandidateUpdatePreview[]; total: number }) {
  return (
    <section aria-label="将更新的考生">
      {total > updates.length && (
        <Typography.Paragraph type="secondary">
          共 {total} 名考生将更新，这里列出前 {updates.length} 名。
        </Typography.Paragraph>
      )}
      <Table<CandidateUpdatePreview>
        rowKey={(u) => `${u.row}:${u.idNumber}`}
        size="small"
        dataSource={updates}
        pagination={{ defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 20, 50], showTotal: (t) => `共 ${t} 名` }}
        columns={[
          { title: '行号', dataIndex: 'row', width: 80, render: (r: number) => `第 ${r} 行` },
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '身份证号', dataIndex: 'idNumber', width: 190 },
          {
            title: '改动',
            key: 'changes',
            render: (_, u) => <ChangesCell changes={u.changes} />,
          },
        ]}
      />
    </section>
  );
}
