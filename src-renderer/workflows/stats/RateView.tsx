import { Alert, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { chartedNote, chartedRows, rateChartOption, rateChartSize } from '../../../src-shared/charts/stats-charts';
import { countsText, DIMENSION_LABELS, formatRate, type RateRow, type RateTable, type SubjectHistogram } from '../../../src-shared/domain/score-stats';
import { EChart } from '../../ui/EChart';
import { RateCell } from './RateCell';

const count = (title: string, key: keyof RateRow) => ({ title, dataIndex: key, align: 'right' as const, width: 80 });

/**
 * One dimension: its pass rates as bars (click a bar for its counts) above the table of the
 * numbers behind them (click a rate for how it is made).
 */
export function RateView({ table, histograms }: { table: RateTable; histograms: readonly SubjectHistogram[] }) {
  const option = useMemo(() => rateChartOption(table), [table]);
  const bars = useMemo(() => chartedRows(table), [table]);
  const note = chartedNote(table);
  const [picked, setPicked] = useState<RateRow | null>(null);
  const subject = table.dimension === 'subject';
  const bySubject = useMemo(() => new Map(histograms.map((h) => [h.subjectCode, h])), [histograms]);
  const name = DIMENSION_LABELS[table.dimension];
  return (
    <>
      <EChart option={option} height={rateChartSize(table).height} label={`${table.title}的通过率图`} onItemClick={(i) => setPicked(bars[i] ?? null)} />
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      {picked && (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setPicked(null) }}
          title={`${picked.label}：通过率 ${formatRate(picked.rate)}`}
          description={countsText(picked, table.basis)}
          style={{ margin: '8px 0' }}
        />
      )}
      <Table<RateRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={table.rows}
        aria-label={`${table.title}的通过率`}
        rowClassName={(r) => (r.key === picked?.key ? 'ant-table-row-selected' : '')}
        columns={[
          { title: name, dataIndex: 'label' },
          ...(subject
            ? [
                { title: '所属证书', key: 'certificate', render: (_: unknown, r: RateRow) => bySubject.get(r.key)?.certificateLabel },
                { title: '合格分数', key: 'pass', align: 'right' as const, width: 90, render: (_: unknown, r: RateRow) => bySubject.get(r.key)?.passScore },
              ]
            : []),
          count('报考', 'enrolled'),
          count('应考', 'decided'),
          count('通过', 'passed'),
          count('缺考', 'absent'),
          count(subject ? '未出成绩' : '成绩未齐', 'undecided'),
          {
            title: '通过率',
            key: 'rate',
            align: 'right',
            width: 100,
            render: (_: unknown, r: RateRow) => <RateCell row={r} basis={table.basis} title={r.label} />,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {table.basis === 'subject'
          ? '科目成绩达到合格分数为通过；缺考计入应考、不算通过；未出成绩的不计入通过率。'
          : '考证结果按考试计划的考核通过条件计算；某科缺考按 0 分计；成绩未齐的不计入通过率。'}
      </Typography.Paragraph>
    </>
  );
}
