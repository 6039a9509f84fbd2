import type { PlanStats } from '../../../src-shared/api/stats';
import { chartedNote, histogramOption, HISTOGRAM_SIZE, rateChartOption, rateChartSize, type ChartSize } from '../../../src-shared/charts/stats-charts';
import { institutionDateTime } from '../../../src-shared/domain/institution-time';
import { formatRate, type RateTable, type SubjectHistogram } from '../../../src-shared/domain/score-stats';
import { chartPng } from '../../pipelines/charts/chart-png';
import { a4Document, cell, fieldGrid, gridTable, mm, type PdfContent, type PdfDocument, type PdfNode } from '../../pipelines/pdf/document-kit';
import type { PdfImages } from '../../pipelines/pdf/pdf-images';

/** The text width of an A4 page in portrait (210 mm less the kit's margins). */
const TEXT_WIDTH = mm(210 - 36);
/** Bins across one table row: ten fit the page at a readable size; bins of 5 take two rows. */
const BINS_PER_ROW = 10;
const right = { alignment: 'right' };
const centre = { alignment: 'center' };

export const RATE_NOTE =
  '考证结果按考试计划的考核通过条件计算（综合成绩保留一位小数，四舍五入）；科目以成绩达到合格分数为通过。通过率 = 通过 ÷ 应考：缺考计入应考、不算通过，未出成绩（成绩未齐）的不计入。';

export interface ReportCharts {
  /** An image key per rate table (by dimension) and per subject histogram (by subject code). */
  rates: Map<string, string>;
  histograms: Map<string, string>;
}

/** The dimensions drawn as charts; 按考试计划 is the one-row total, shown as a table. */
export const charted = (t: RateTable) => t.dimension !== 'plan';

/**
 * Every chart of the report rendered as a PNG (the page's own echarts options, drawn server-side)
 * and handed to the document's images. `progress` is told after each chart.
 */
export async function renderReportCharts(stats: PlanStats, images: PdfImages, progress: (done: number, total: number) => void): Promise<ReportCharts> {
  const tables = stats.tables.filter(charted);
  const total = tables.length + stats.histograms.length;
  const charts: ReportCharts = { rates: new Map(), histograms: new Map() };
  let done = 0;
  for (const t of tables) {
    charts.rates.set(t.dimension, images.addOwn(await chartPng(rateChartOption(t), rateChartSize(t))));
    progress(++done, total);
  }
  for (const h of stats.histograms) {
    charts.histograms.set(h.subjectCode, images.addOwn(await chartPng(histogramOption(h), HISTOGRAM_SIZE)));
    progress(++done, total);
  }
  return charts;
}

/** The tallest a chart may print: with its heading it stays on one page (a dimension of many majors draws narrower). */
const MAX_CHART_HEIGHT = mm(200);

/** A chart as wide as the text (narrower when that would be taller than a page allows), its proportions as drawn. */
function chartImage(key: string, size: ChartSize): PdfNode {
  const height = (TEXT_WIDTH * size.height) / size.width;
  const scale = Math.min(1, MAX_CHART_HEIGHT / height);
  return { image: key, width: TEXT_WIDTH * scale, height: height * scale, alignment: 'center', margin: [0, 0, 0, 6] };
}

/** A rate table; the subject table also names each subject's certificate (基础考核 is in every level). */
function rateTable(t: RateTable, certificateOf: ReadonlyMap<string, string>): PdfNode {
  const undecided = t.basis === 'subject' ? '未出成绩' : '成绩未齐';
  const subject = t.dimension === 'subject';
  return gridTable({
    headers: [t.title.replace(/^按/, ''), ...(subject ? ['所属证书'] : []), '报考', '应考', '通过', '缺考', undecided, '通过率'],
    widths: ['*', ...(subject ? [mm(30)] : []), mm(14), mm(14), mm(14), mm(14), mm(18), mm(18)],
    rows: t.rows.map((r) => [
      cell(r.label),
      ...(subject ? [cell(certificateOf.get(r.key) ?? '')] : []),
      cell(r.enrolled, right),
      cell(r.decided, right),
      cell(r.passed, right),
      cell(r.absent, right),
      cell(r.undecided, right),
      cell(formatRate(r.rate), right),
    ]),
  });
}

function binTables(h: SubjectHistogram): PdfNode[] {
  const rows: PdfNode[] = [];
  for (let i = 0; i < h.bins.length; i += BINS_PER_ROW) {
    const bins = h.bins.slice(i, i + BINS_PER_ROW);
    rows.push({
      table: {
        widths: [mm(14), ...bins.map(() => '*')],
        body: [
          [{ text: '分数段', style: 'tableHeader' }, ...bins.map((b) => ({ text: b.label, style: 'tableHeader', fontSize: 8 }))],
          [{ text: '人数', bold: true, alignment: 'center' }, ...bins.map((b) => cell(b.count, centre))],
        ],
      },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#888888', vLineColor: () => '#888888' },
      margin: [0, 0, 0, 6],
    });
  }
  return rows;
}

function subjectLine(h: SubjectHistogram): string {
  const parts = [`合格分数 ${h.passScore}`, `实考 ${h.scored} 人`, `通过 ${h.passed} 人`, `缺考 ${h.absent} 人`];
  if (h.undecided) parts.push(`未出成绩 ${h.undecided} 人`);
  if (h.mean !== null) parts.push(`平均分 ${h.mean.toFixed(1)}`, `最高分 ${h.max!.toFixed(1)}`, `最低分 ${h.min!.toFixed(1)}`);
  return parts.join('　');
}

const chineseNumber = (n: number) => '一二三四五六七八九十'[n - 1] ?? String(n);

/**
 * 成绩统计报告, A4: the plan and where its scores stand, the total, then each dimension's chart
 * with its table beneath, then each subject's distribution with its bins. A chart stays on one
 * page with its heading; tables repeat their header across pages.
 */
export function statsDocument(stats: PlanStats, charts: ReportCharts, o: { institution: string; now: Date }): PdfDocument {
  const total = stats.tables.find((t) => t.dimension === 'plan');
  const certificateOf = new Map(stats.histograms.map((h) => [h.subjectCode, h.certificateLabel]));
  const sections: PdfContent[] = [];
  let n = 1;
  if (total) sections.push({ text: `${chineseNumber(n++)}、总体通过率`, style: 'heading' }, rateTable(total, certificateOf));
  for (const t of stats.tables.filter(charted)) {
    const key = charts.rates.get(t.dimension);
    const note = chartedNote(t);
    sections.push(
      {
        stack: [
          { text: `${chineseNumber(n++)}、${t.title}统计${t.basis === 'subject' ? '（科目成绩）' : '（考证结果）'}`, style: 'heading' },
          ...(key ? [chartImage(key, rateChartSize(t))] : []),
          ...(note ? [{ text: note, style: 'small', margin: [0, 0, 0, 4] }] : []),
        ],
        unbreakable: true,
      },
      rateTable(t, certificateOf),
    );
  }
  sections.push({ text: `${chineseNumber(n++)}、各科目成绩分布（每 ${stats.binWidth} 分一段）`, style: 'heading', pageBreak: 'before' });
  for (const h of stats.histograms) {
    const key = charts.histograms.get(h.subjectCode);
    sections.push({
      stack: [
        { text: `${h.subjectName}（${h.subjectCode}）· ${h.certificateLabel}`, bold: true, margin: [0, 6, 0, 2] },
        { text: subjectLine(h), style: 'small', margin: [0, 0, 0, 4] },
        ...(key ? [chartImage(key, HISTOGRAM_SIZE)] : []),
        ...binTables(h),
      ],
      unbreakable: true,
    });
  }
  const s = stats.scores;
  return a4Document({
    title: `成绩统计报告 ${stats.plan.name}`,
    author: o.institution,
    subject: `${stats.plan.name}（${stats.plan.code}）`,
    runningHead: `成绩统计报告 ${stats.plan.code}`,
    content: [
      { text: '成绩统计报告', style: 'title' },
      { text: `${stats.plan.name}（${stats.plan.code}）`, style: 'subtitle' },
      fieldGrid([
        ['试点院校', o.institution],
        ['培训评价组织', stats.plan.orgName],
        ['计划阶段', stats.plan.phase],
        ['成绩状态', s.locked ? '公示期满，已永久锁定' : s.scored ? '尚未锁定，成绩可能更正' : '尚无成绩'],
        ['报考科次', `${s.enrolled}（已出成绩 ${s.scored}，其中缺考 ${s.absent}）`],
        ['统计时间', institutionDateTime(o.now)],
      ]),
      { text: RATE_NOTE, style: 'small', margin: [0, 0, 0, 4] },
      ...sections,
    ],
  });
}
