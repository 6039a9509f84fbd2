import { Alert, Card, Collapse, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { QuotaRow } from '../../../src-shared/api/declarations';
import { useOp } from '../../api/hooks';
import { PageHeader } from '../../ui/PageHeader';

const COLUMNS = [
  { title: '证书', dataIndex: 'certificateName' },
  { title: '等级', dataIndex: 'level' },
  { title: '批准培训人数（指标）', dataIndex: 'approved', align: 'right' as const },
  { title: '已用（本年度报考）', dataIndex: 'used', align: 'right' as const },
  { title: '剩余', dataIndex: 'left', align: 'right' as const },
];

/** 指标: what this year's approved declarations allow, what enrollment has used; earlier years are void. */
export function QuotaPage() {
  const quota = useOp('quota.get', {});
  const q = quota.data;
  return (
    <>
      <PageHeader title="年度指标" description="证书申报审核通过的培训人数就是本年度的报考指标，按证书和等级计算；指标不能跨年使用，过了本年度未使用的直接作废。" />
      {q && (
        <Alert
          style={{ marginBottom: 16 }}
          type={q.pilot ? 'success' : 'warning'}
          showIcon
          title={q.pilot ? `${q.year} 年度：本院校是试点院校` : `${q.year} 年度：本院校还不是试点院校`}
          description={
            q.pilot ? (
              '报考时按下表的剩余指标控制人数。'
            ) : (
              <>
                至少有一个证书的申报审核通过，才能成为本年度的试点院校。请在 <Link to="/declarations">证书试点申报</Link> 中申报并提交审核。
              </>
            )
          }
        />
      )}
      <Card title={q ? `${q.year} 年度指标` : '本年度指标'}>
        <Table<QuotaRow>
          rowKey={(r) => `${r.certificateCode}/${r.level}`}
          loading={quota.isPending}
          dataSource={q?.rows}
          columns={COLUMNS}
          pagination={false}
          locale={{ emptyText: '本年度还没有审核通过的申报' }}
        />
      </Card>
      {q && q.past.length > 0 && (
        <Collapse
          style={{ marginTop: 16 }}
          items={q.past.map((p) => ({
            key: p.year,
            label: (
              <>
                {p.year} 年度 <Tag>已作废</Tag>
              </>
            ),
            children: <Table<QuotaRow> rowKey={(r) => `${r.certificateCode}/${r.level}`} dataSource={p.rows} columns={COLUMNS} pagination={false} size="small" />,
          }))}
        />
      )}
    </>
  );
}
