import { Card, Col, Empty, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { histogramOption, HISTOGRAM_SIZE } from '../../../src-shared/charts/stats-charts';
import type { SubjectHistogram } from '../../../src-shared/domain/score-stats';
import { EChart } from '../../ui/EChart';

function HistogramCard({ h }: { h: SubjectHistogram }) {
  const option = useMemo(() => histogramOption(h), [h]);
  const facts = [`合格分数 ${h.passScore}`, `实考 ${h.scored} 人`, `通过 ${h.passed} 人`, `缺考 ${h.absent} 人`];
  if (h.undecided) facts.push(`未出成绩 ${h.undecided} 人`);
  if (h.mean !== null) facts.push(`平均分 ${h.mean.toFixed(1)}`, `最高 ${h.max!.toFixed(1)}`, `最低 ${h.min!.toFixed(1)}`);
  const title = `${h.subjectName}（${h.subjectCode}）`;
  return (
    <Card size="small" title={title} extra={<Typography.Text type="secondary">{h.certificateLabel}</Typography.Text>} role="region" aria-label={`${title}成绩分布`}>
      <Typography.Text type="secondary">{facts.join(' · ')}</Typography.Text>
      {h.scored ? (
        <EChart option={option} height={HISTOGRAM_SIZE.height} label={`${title}成绩分布图（每 ${h.binWidth} 分一段），合格线 ${h.passScore} 分`} />
      ) : (
        <Empty description="还没有成绩" style={{ padding: 40 }} />
      )}
    </Card>
  );
}

/** 成绩分布: a histogram per subject, two to a row, the pass mark drawn on each. */
export function HistogramCards({ histograms }: { histograms: readonly SubjectHistogram[] }) {
  return (
    <Row gutter={[16, 16]}>
      {histograms.map((h) => (
        <Col key={h.subjectCode} xs={24} xl={12}>
          <HistogramCard h={h} />
        </Col>
      ))}
    </Row>
  );
}
