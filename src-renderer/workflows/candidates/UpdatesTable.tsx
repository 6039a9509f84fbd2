import { ArrowRightOutlined } from '@ant-design/icons';
import { Flex, Table, Typography } from 'antd';
import { Fragment } from 'react';
import type { CandidateUpdatePreview } from '../../../src-shared/api/candidates';

const shown = (v: unknown) => (v === null || v === undefined || v === '' ? '（空）' : String(v));

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
            render: (_, u) => (
              <div style={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 12, rowGap: 2 }}>
                {u.changes.map((c) => (
                  <Fragment key={c.field}>
                    <Typography.Text type="secondary">{c.field}</Typography.Text>
                    <Flex gap={6} align="baseline" wrap>
                      <Typography.Text delete type="secondary">
                        {shown(c.old)}
                      </Typography.Text>
                      <ArrowRightOutlined style={{ fontSize: 11, color: 'var(--ant-color-text-tertiary)' }} />
                      <Typography.Text strong>{shown(c.new)}</Typography.Text>
                    </Flex>
                  </Fragment>
                ))}
              </div>
            ),
          },
        ]}
      />
    </section>
  );
}
