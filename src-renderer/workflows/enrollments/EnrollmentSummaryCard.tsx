import { Card, Col, Row, Statistic, Table } from 'antd';
import type { EnrollmentFilter, EnrollmentSummary } from '../../../src-shared/api/enrollments';
import { useOp } from '../../api/hooks';

type Line = { key: string; label: string; candidates?: number; enrollments: number };

/** `people`: the heading of the candidates' count (人数 distinct people, 人次 a person per plan); none where a line counts subjects only. */
function CountTable({ title, lines, people, count }: { title: string; lines: Line[]; people?: '人数' | '人次'; count: string }) {
  return (
    <section aria-label={title}>
      <Table<Line>
        size="small"
        rowKey="key"
        dataSource={lines}
        pagination={false}
        scroll={{ y: 96 }}
        locale={{ emptyText: '—' }}
        columns={[
          { title, dataIndex: 'label', ellipsis: true },
          ...(people ? [{ title: people, dataIndex: 'candidates', width: 64, align: 'right' as const }] : []),
          { title: count, dataIndex: 'enrollments', width: 64, align: 'right' as const },
        ]}
      />
    </section>
  );
}

/** The counts at the top of 报考管理, for the view as filtered: people, subjects, paid; per plan, certificate and subject. */
export function EnrollmentSummaryCard({ filter }: { filter: EnrollmentFilter }) {
  const summary = useOp('enrollments.summary', filter, { placeholderData: (previous) => previous });
  const s: EnrollmentSummary | undefined = summary.data;
  return (
    <Row gutter={12} style={{ marginBottom: 12 }}>
      <Col flex="200px">
        <Card size="small" styles={{ body: { padding: '8px 12px' } }}>
          <div role="group" aria-label="报考概况" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 4 }}>
            <Statistic title="报考人数" value={s?.candidates ?? 0} suffix="人" styles={{ content: { fontSize: 20 } }} />
            <Statistic title="报考科目" value={s?.enrollments ?? 0} styles={{ content: { fontSize: 20 } }} />
            <Statistic title="已缴费" value={s?.paid ?? 0} styles={{ content: { fontSize: 20, color: s?.paid ? 'var(--ant-color-success)' : undefined } }} />
            <Statistic title="未缴费" value={(s?.enrollments ?? 0) - (s?.paid ?? 0)} styles={{ content: { fontSize: 20 } }} />
          </div>
        </Card>
      </Col>
      <Col flex="1">
        <CountTable
          title="考试计划"
          people="人数"
          count="科目"
          lines={(s?.byPlan ?? []).map((p) => ({ key: p.code, label: p.name, candidates: p.candidates, enrollments: p.enrollments }))}
        />
      </Col>
      <Col flex="1">
        <CountTable
          title="证书"
          people="人次"
          count="科目"
          lines={(s?.byCertificate ?? []).map((c) => ({ key: `${c.code}/${c.level}`, label: `${c.name} ${c.level}`, candidates: c.candidates, enrollments: c.enrollments }))}
        />
      </Col>
      <Col flex="1">
        <CountTable title="科目" count="人次" lines={(s?.bySubject ?? []).map((x) => ({ key: x.code, label: `${x.code} ${x.name}（${x.level}）`, enrollments: x.enrollments }))} />
      </Col>
    </Row>
  );
}
