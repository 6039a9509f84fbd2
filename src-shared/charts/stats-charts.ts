import { countsText, formatRate, type RateRow, type RateTable, type SubjectHistogram } from '../domain/score-stats';

/**
 * The echarts options of 统计分析, built once for the page (canvas in the window) and the PDF
 * report (server-side SVG, rasterised): the same chart in both. Plain objects, no echarts import:
 * the shared layer stays free of packages, and both sides hand the object to their own echarts.
 * Tooltips are functions so that text from the data (a major's name) is escaped, never HTML.
 */
export type ChartOption = Record<string, unknown>;

export interface ChartSize {
  width: number;
  height: number;
}

export const CHART_COLORS = { pass: '#4e79d6', fail: '#f0a35e', passMark: '#cf1322', text: '#434343', axis: '#8c8c8c' } as const;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

const BASE = { animation: false, textStyle: { fontSize: 12, color: CHART_COLORS.text } };

/** Bars in one chart at most: past this (a school of many majors) a chart is no longer read; the table beneath holds every row. */
export const MAX_CHART_ROWS = 30;

/** The groups a chart draws: all of them, or the MAX_CHART_ROWS with the most candidates decided, in the table's order. */
export function chartedRows(table: RateTable): RateRow[] {
  if (table.rows.length <= MAX_CHART_ROWS) return table.rows;
  const kept = new Set([...table.rows].sort((a, b) => b.decided - a.decided || b.enrolled - a.enrolled).slice(0, MAX_CHART_ROWS));
  return table.rows.filter((r) => kept.has(r));
}

/** A note under a chart that leaves groups out, or null. */
export function chartedNote(table: RateTable): string | null {
  return table.rows.length > MAX_CHART_ROWS ? `图中显示应考人数最多的 ${MAX_CHART_ROWS} 项（共 ${table.rows.length} 项），全部数据见下表。` : null;
}

/** Tall enough for each group's bar and its label: one row of 30 px each. */
export function rateChartSize(table: RateTable, width = 720): ChartSize {
  return { width, height: Math.max(120, 56 + chartedRows(table).length * 30) };
}

interface TooltipParams {
  dataIndex: number;
}

/**
 * 通过率 of one dimension as horizontal bars (long Chinese names read across), 0–100 %, each bar
 * labelled with its rate and the counts behind it (66.7%  2/3: 通过 / 应考); a group with nobody
 * decided has no bar. The tooltip says the counts in words.
 */
export function rateChartOption(table: RateTable): ChartOption {
  const rows = chartedRows(table);
  return {
    ...BASE,
    grid: { left: 12, right: 112, top: 12, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'item',
      formatter: (p: TooltipParams) => {
        const r = rows[p.dataIndex];
        return r ? `${escapeHtml(r.label)}<br/>通过率 ${formatRate(r.rate)}<br/>${escapeHtml(countsText(r, table.basis))}` : '';
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { formatter: '{value}%', color: CHART_COLORS.axis } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLabel: { width: 200, overflow: 'truncate', color: CHART_COLORS.text },
    },
    series: [
      {
        type: 'bar',
        name: '通过率',
        barMaxWidth: 20,
        itemStyle: { color: CHART_COLORS.pass },
        label: { show: true, position: 'right', color: CHART_COLORS.text },
        data: rows.map((r) =>
          r.rate === null ? { value: '-', name: r.label } : { value: r.rate, name: r.label, label: { formatter: `${formatRate(r.rate)}  ${r.passed}/${r.decided}` } },
        ),
      },
    ],
  };
}

export const HISTOGRAM_SIZE: ChartSize = { width: 720, height: 240 };

/**
 * A subject's score distribution: one bar a bin on a value axis (so the pass mark sits where it
 * is, between bins or inside one), bins below the pass mark in the fail colour, the pass mark a
 * dashed red markLine labelled 合格线. Empty bins have no label; the top keeps room for labels.
 */
export function histogramOption(h: SubjectHistogram): ChartOption {
  const upper = h.bins.at(-1)?.to ?? 100;
  // Every tick on a bin edge, no more than ~12 of them.
  const interval = h.binWidth * Math.max(1, Math.ceil(h.bins.length / 12));
  return {
    ...BASE,
    grid: { left: 12, right: 48, top: 40, bottom: 28, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'item',
      formatter: (p: TooltipParams) => {
        const b = h.bins[p.dataIndex];
        return b ? `${escapeHtml(h.subjectName)} ${b.label}<br/>${b.count} 人` : '';
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: upper,
      interval,
      name: '分数',
      nameGap: 8,
      splitLine: { show: false },
      axisLabel: { color: CHART_COLORS.axis },
    },
    yAxis: { type: 'value', name: '人数', minInterval: 1, boundaryGap: [0, '25%'], axisLabel: { color: CHART_COLORS.axis } },
    series: [
      {
        type: 'bar',
        name: '人数',
        barWidth: '94%',
        label: { show: true, position: 'top', formatter: '{@[1]}', color: CHART_COLORS.text },
        data: h.bins.map((b) => ({
          value: [(b.from + b.to) / 2, b.count],
          itemStyle: { color: b.to <= h.passScore ? CHART_COLORS.fail : CHART_COLORS.pass },
          ...(b.count === 0 ? { label: { show: false } } : {}),
        })),
        markLine: {
          symbol: ['none', 'none'],
          silent: true,
          animation: false,
          lineStyle: { color: CHART_COLORS.passMark, type: 'dashed', width: 2 },
          label: { formatter: `合格线 ${h.passScore}`, position: 'end', color: CHART_COLORS.passMark },
          data: [{ xAxis: h.passScore }],
        },
      },
    ],
  };
}
