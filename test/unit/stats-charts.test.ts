import { describe, expect, it } from 'vitest';
import { CHART_COLORS, chartedNote, chartedRows, histogramOption, MAX_CHART_ROWS, rateChartOption, rateChartSize } from '../../src-shared/charts/stats-charts';
import { planStatistics, type CertificateResultRow, type PlanMeta, type RateTable } from '../../src-shared/domain/score-stats';

const PLAN: PlanMeta = {
  code: 'K1',
  name: '计划',
  certificates: [{ certificateCode: 'Z', shortName: '物流管理', level: '初级', subjects: [{ subjectCode: 'A', subjectName: '基础考核', passScore: 65 }] }],
};
const result = (major: string, passed: boolean | null): CertificateResultRow => ({ certificateCode: 'Z', level: '初级', major, entryYear: 2024, passed, absentAll: false });

type Series = {
  data: { value: unknown; name?: string; label?: { formatter?: string; show?: boolean }; itemStyle?: { color: string } }[];
  markLine?: { data: { xAxis: number }[]; label: { formatter: string } };
};
const seriesOf = (o: Record<string, unknown>) => (o.series as Series[])[0]!;
const tooltip = (o: Record<string, unknown>, dataIndex: number) => (o.tooltip as { formatter: (p: { dataIndex: number }) => string }).formatter({ dataIndex });

describe('pass-rate chart option', () => {
  const stats = planStatistics(PLAN, [result('<b>物流&管理</b>', true), result('<b>物流&管理</b>', false), result('<b>物流&管理</b>', null), result('电子商务', null)], [], 10);
  const majors = stats.tables.find((t) => t.dimension === 'major')!;

  it('draws a bar per group, labelled with its rate and the counts behind it; a group nobody decided has no bar', () => {
    const option = rateChartOption(majors);
    expect((option.yAxis as { data: string[] }).data).toEqual(['<b>物流&管理</b>', '电子商务']);
    expect(seriesOf(option).data).toEqual([
      { value: 50, name: '<b>物流&管理</b>', label: { formatter: '50.0%  1/2' } },
      { value: '-', name: '电子商务' },
    ]);
  });

  it('says the counts in its tooltip with the data’s text escaped, never as markup', () => {
    expect(tooltip(rateChartOption(majors), 0)).toBe('&lt;b&gt;物流&amp;管理&lt;/b&gt;<br/>通过率 50.0%<br/>通过 1 / 应考 2（成绩未齐 1）');
  });

  it('draws at most MAX_CHART_ROWS groups, those with the most decided, in the table’s order, and says so', () => {
    const many: RateTable = {
      ...majors,
      rows: Array.from({ length: 45 }, (_, i) => ({
        key: `m${i}`,
        label: `专业${i}`,
        enrolled: i,
        decided: i % 3 === 0 ? 100 + i : i,
        passed: 0,
        absent: 0,
        undecided: 0,
        rate: 0,
      })),
    };
    const drawn = chartedRows(many);
    expect(drawn).toHaveLength(MAX_CHART_ROWS);
    // The 15 with decided ≥ 100 first, then the 15 largest of the rest (44, 43, 41, …): kept in the table's order.
    expect(drawn.slice(0, 3).map((r) => r.label)).toEqual(['专业0', '专业3', '专业6']);
    expect(drawn.map((r) => r.key)).toEqual(many.rows.filter((r) => drawn.includes(r)).map((r) => r.key));
    expect((rateChartOption(many).yAxis as { data: string[] }).data).toHaveLength(MAX_CHART_ROWS);
    expect(rateChartSize(many).height).toBe(56 + MAX_CHART_ROWS * 30);
    expect(chartedNote(many)).toBe('图中显示应考人数最多的 30 项（共 45 项），全部数据见下表。');
    expect(chartedNote(majors)).toBeNull();
  });
});

describe('histogram option', () => {
  const scores = [40, 64.9, 65, 72, 100].map((score) => ({ subjectCode: 'A', major: null, entryYear: null, scored: true, absent: false, score }));
  const [h] = planStatistics(PLAN, [], scores, 10).histograms;
  const option = histogramOption(h!);

  it('puts each bin at its middle on a value axis from 0 to the last edge, the pass mark a labelled markLine where it is', () => {
    expect(option.xAxis).toMatchObject({ type: 'value', min: 0, max: 100, interval: 10 });
    expect(seriesOf(option).markLine).toMatchObject({ data: [{ xAxis: 65 }], label: { formatter: '合格线 65' } });
    expect(seriesOf(option).data.map((d) => d.value)).toEqual([
      [5, 0],
      [15, 0],
      [25, 0],
      [35, 0],
      [45, 1],
      [55, 0],
      [65, 2],
      [75, 1],
      [85, 0],
      [95, 1],
    ]);
  });

  it('colours bins wholly below the pass mark apart, and labels no empty bin', () => {
    const data = seriesOf(option).data;
    expect(data.map((d) => d.itemStyle!.color === CHART_COLORS.fail)).toEqual([true, true, true, true, true, true, false, false, false, false]);
    expect(data.map((d) => d.label?.show !== false)).toEqual([false, false, false, false, true, false, true, true, false, true]);
    expect(tooltip(option, 6)).toBe('基础考核 [60, 70)<br/>2 人');
  });

  it('keeps its ticks on bin edges and no more than about a dozen', () => {
    const [fine] = planStatistics(PLAN, [], scores, 5).histograms;
    expect(histogramOption(fine!).xAxis).toMatchObject({ max: 100, interval: 10 });
  });
});
