import { FilePdfOutlined, FileExcelOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { PlanStats, StatsFormat, StatsPlanRow } from '../../../src-shared/api/stats';
import { BIN_WIDTHS, type BinWidth } from '../../../src-shared/domain/score-stats';
import { useApi, useOp } from '../../api/hooks';
import { usePageDetail } from '../../app/page-meta';
import { JobFileButton } from '../../ui/JobFileButton';
import { PageHeader } from '../../ui/PageHeader';
import { PlanPicker } from '../../ui/PlanPicker';
import { QueryError } from '../../ui/QueryError';
import { PhaseTag } from '../catalog/PhaseTag';
import { HistogramCards } from './HistogramCards';
import { RateCell } from './RateCell';
import { RateView } from './RateView';

/** The plan to show first: the newest with scores, else with enrollments, else the newest. */
function defaultPlan(plans: StatsPlanRow[]): string | undefined {
  return (plans.find((p) => p.scored > 0) ?? plans.find((p) => p.enrolled > 0) ?? plans[0])?.code;
}

/** 统计分析 (the manual's 考证结果统计): one plan's pass rates by each dimension, and each subject's score distribution. */
export function StatsPage() {
  const [params, setParams] = useSearchParams();
  const plans = useOp('stats.plans', {});
  const asked = params.get('plan');
  const planCode = asked && plans.data?.some((p) => p.code === asked) ? asked : plans.data ? defaultPlan(plans.data) : undefined;
  // The bin width is in the address too, and the exports draw what the page shows.
  const binWidth: BinWidth = params.get('bins') === '5' ? 5 : 10;
  const choose = (next: { plan?: string; bins?: BinWidth }) => {
    const plan = next.plan ?? planCode;
    setParams({ ...(plan ? { plan } : {}), bins: String(next.bins ?? binWidth) });
  };
  return (
    <>
      <PageHeader
        title="统计分析"
        description="按考试计划统计考证通过率（按证书、等级、专业、入学年份）和各科目的通过率与成绩分布。点击通过率或图中的柱子，可查看它由多少人算出。"
        extra={planCode && <ExportButtons planCode={planCode} binWidth={binWidth} />}
      />
      <QueryError error={plans.error} />
      <PlanPicker
        id="stats-plan"
        planCode={planCode}
        loading={plans.isPending}
        onChange={(code) => choose({ plan: code })}
        width={640}
        options={(plans.data ?? []).map((p) => ({ value: p.code, label: `${p.name}（${p.code}）· ${p.phase} · 已出成绩 ${p.scored}/${p.enrolled} 科次` }))}
        notFoundContent="还没有考试计划：请先导入平台的数据包"
      />
      {planCode ? (
        <PlanStatsView key={planCode} planCode={planCode} binWidth={binWidth} setBinWidth={(bins) => choose({ bins })} />
      ) : (
        plans.data && <Empty description="还没有考试计划" />
      )}
    </>
  );
}

function ExportButtons({ planCode, binWidth }: { planCode: string; binWidth: BinWidth }) {
  const api = useApi();
  const start = (format: StatsFormat) => () => api.call('stats.export', { planCode, binWidth, format });
  return (
    <Space>
      <JobFileButton
        label="导出 Excel"
        title="导出成绩统计表"
        icon={<FileExcelOutlined />}
        start={start('xlsx')}
        fileKey={(r) => r.exportFile}
        done={(r) => ({ title: `已生成 ${r.fileName}`, subTitle: '每个统计维度一张工作表，另有各科目的分数段人数。' })}
      />
      <JobFileButton
        label="打印统计报告"
        title="生成成绩统计报告（PDF）"
        type="primary"
        icon={<FilePdfOutlined />}
        start={start('pdf')}
        fileKey={(r) => r.exportFile}
        downloadLabel="下载 PDF"
        done={(r) => ({ title: `已生成 ${r.fileName}`, subTitle: `A4，共 ${r.pages ?? 0} 页：与本页相同的图表，图下为统计表。` })}
      />
    </Space>
  );
}

function PlanStatsView({ planCode, binWidth, setBinWidth }: { planCode: string; binWidth: BinWidth; setBinWidth: (w: BinWidth) => void }) {
  const stats = useOp('stats.plan', { planCode, binWidth }, { placeholderData: keepPreviousData });
  usePageDetail(stats.data ? `统计分析：${stats.data.plan.name}` : undefined);
  if (stats.error) return <QueryError error={stats.error} />;
  if (!stats.data) return <Card loading />;
  const s = stats.data;
  const charted = s.tables.filter((t) => t.dimension !== 'plan');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Summary stats={s} />
      {s.scores.enrolled === 0 ? (
        <Empty description="该考试计划还没有报考记录" />
      ) : (
        <>
          {s.scores.scored === 0 && <Alert type="info" showIcon title="平台还没有下发该计划的成绩" description="导入成绩数据包后，这里会显示通过率和成绩分布。" />}
          <Card title="通过率">
            <Tabs
              defaultActiveKey="certificateLevel"
              destroyOnHidden
              items={charted.map((t) => ({ key: t.dimension, label: t.title, children: <RateView table={t} histograms={s.histograms} /> }))}
            />
          </Card>
          <Card
            title="成绩分布"
            extra={<Segmented<BinWidth> aria-label="分数段宽度" value={binWidth} onChange={setBinWidth} options={BIN_WIDTHS.map((w) => ({ value: w, label: `每 ${w} 分一段` }))} />}
          >
            <HistogramCards histograms={s.histograms} />
          </Card>
        </>
      )}
    </Space>
  );
}

function Summary({ stats: s }: { stats: PlanStats }) {
  const total = s.tables.find((t) => t.dimension === 'plan')?.rows[0];
  const state = s.scores.locked ? <Tag color="default">公示期满，已永久锁定</Tag> : s.scores.scored ? <Tag color="gold">尚未锁定，成绩可能更正</Tag> : <Tag>尚无成绩</Tag>;
  return (
    <Card>
      <Descriptions
        column={3}
        size="small"
        items={[
          { key: 'plan', label: '考试计划', children: `${s.plan.name}（${s.plan.code}）` },
          { key: 'org', label: '培训评价组织', children: s.plan.orgName },
          { key: 'phase', label: '计划阶段', children: <PhaseTag phase={s.plan.phase} /> },
          { key: 'enrolled', label: '报考科次', children: s.scores.enrolled },
          { key: 'scored', label: '已出成绩', children: `${s.scores.scored} 科次（其中缺考 ${s.scores.absent}）` },
          { key: 'state', label: '成绩状态', children: state },
          {
            key: 'rate',
            label: '考证通过率',
            children: total ? (
              <Space>
                <RateCell row={total} basis="certificate" title="考证通过率" />
                <Typography.Text type="secondary">
                  通过 {total.passed} / 应考 {total.decided}
                </Typography.Text>
              </Space>
            ) : (
              '—'
            ),
          },
        ]}
      />
    </Card>
  );
}
