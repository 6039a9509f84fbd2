import { Alert, Descriptions, Flex, Table, Typography } from 'antd';
import type { ResultRow, ResultSubject } from '../../../src-shared/api/results';
import { compositeText, ROUNDING_RULE } from '../../../src-shared/domain/certificate-results';
import { formatTime } from '../../ui/format';
import { VerdictTag } from './result-tags';

/** 23.96, 18.00, 23.331: at least two decimals, no trailing zeros past them (the parts are exact to 1e-5). */
export function exactText(n: number): string {
  const text = n.toFixed(5).replace(/0+$/, '');
  const [whole, decimals = ''] = text.split('.');
  return `${whole}.${decimals.padEnd(2, '0')}`;
}

function scoreText(s: ResultSubject): string {
  if (s.absent) return '缺考（计 0 分）';
  if (s.score === null) return s.enrolled ? '尚无成绩' : '未报考';
  return s.score.toFixed(1);
}

const subjectVerdict = (s: ResultSubject) => (s.passed === null ? '—' : s.passed ? '是' : '否');

/** 综合成绩 = 59.9 × 40% + … = 23.96 + … = 59.96 → 60.0: every number of the composite with its source. */
function Making({ row }: { row: ResultRow }) {
  const local = row.local!;
  const terms = local.subjects.map((s) => `${s.absent ? '0（缺考）' : s.score === null ? '？' : s.score.toFixed(1)} × ${s.weight}%`).join(' + ');
  if (local.sum === null) return <Typography.Text>{`综合成绩 = ${terms}：还有科目没有成绩，暂不能计算。`}</Typography.Text>;
  const parts = local.subjects.map((s) => exactText(s.weighted!)).join(' + ');
  return (
    <Typography.Text>
      {`综合成绩 = ${terms} = ${parts} = ${exactText(local.sum)}，${ROUNDING_RULE} → `}
      <Typography.Text strong>{compositeText(local.composite)}</Typography.Text>
    </Typography.Text>
  );
}

/** A row opened: how the app's composite was made and why it failed, the platform's verdict, and what differs. */
export function ResultDetail({ row }: { row: ResultRow }) {
  const local = row.local;
  return (
    <Flex vertical gap={12} style={{ padding: '4px 8px' }} aria-label={`${row.name} ${row.certificateLabel} 的计算过程`} role="region">
      {row.differences.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="本院校的计算与平台的考证结果不一致"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {row.differences.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          }
        />
      )}
      {local && (
        <Table<ResultSubject>
          rowKey="subjectCode"
          size="small"
          aria-label="综合成绩的计算"
          pagination={false}
          dataSource={local.subjects}
          columns={[
            { title: '考试科目', key: 'subject', render: (_, s) => `${s.subjectName}（${s.subjectCode}）` },
            { title: '成绩', key: 'score', width: 130, align: 'right', render: (_, s) => scoreText(s) },
            { title: '权重', key: 'weight', width: 80, align: 'right', render: (_, s) => `${s.weight}%` },
            { title: '成绩 × 权重', key: 'weighted', width: 110, align: 'right', render: (_, s) => (s.weighted === null ? '—' : exactText(s.weighted)) },
            { title: '科目合格分数', dataIndex: 'passScore', width: 110, align: 'right' },
            { title: '达到合格分数', key: 'passed', width: 110, render: (_, s) => subjectVerdict(s) },
          ]}
        />
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 150 } }}
        items={[
          ...(local ? [{ key: 'making', label: '综合成绩的计算', children: <Making row={row} /> }] : []),
          { key: 'rule', label: '考核通过条件', children: row.rule },
          {
            key: 'local',
            label: '本院校计算结果',
            children: local ? (
              <Flex vertical gap={4}>
                <span>
                  <VerdictTag passed={local.passed} />
                  {`综合成绩 ${compositeText(local.composite)}`}
                </span>
                {local.reasons.map((r) => (
                  <Typography.Text key={r} type={local.passed === null ? 'secondary' : 'danger'}>
                    {local.passed === null ? r : `未通过原因：${r}`}
                  </Typography.Text>
                ))}
              </Flex>
            ) : (
              '无：考生没有报考这个证书'
            ),
          },
          {
            key: 'platform',
            label: '平台考证结果',
            children: row.platform ? (
              <span>
                <VerdictTag passed={row.platform.passed} />
                {`综合成绩 ${row.platform.composite === null ? '（平台未报告）' : compositeText(row.platform.composite)}，平台于 ${formatTime(row.platform.issuedAt)} 发布`}
              </span>
            ) : (
              '平台没有发来这项考证结果'
            ),
          },
        ]}
      />
    </Flex>
  );
}
