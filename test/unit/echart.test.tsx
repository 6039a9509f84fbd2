// @vitest-environment happy-dom
import { act, render } from '@testing-library/react';
import { getInstanceByDom } from 'echarts/core';
import { describe, expect, it, vi } from 'vitest';
import { EChart } from '../../src-renderer/ui/EChart';
import { histogramOption, rateChartOption } from '../../src-shared/charts/stats-charts';
import { planStatistics } from '../../src-shared/domain/score-stats';

const stats = planStatistics(
  {
    code: 'K1',
    name: '计划',
    certificates: [{ certificateCode: 'Z', shortName: '物流管理', level: '初级', subjects: [{ subjectCode: 'A', subjectName: '基础考核', passScore: 60 }] }],
  },
  [{ certificateCode: 'Z', level: '初级', major: '物流管理', entryYear: 2024, passed: true, absentAll: false }],
  [{ subjectCode: 'A', major: null, entryYear: null, scored: true, absent: false, score: 72 }],
  10,
);

describe('EChart', () => {
  it('makes a chart on its div, gives it each new option whole, resizes it with its box and disposes of it when unmounted', async () => {
    const observed: Element[] = [];
    const disconnect = vi.fn();
    let resize: () => void = () => {};
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(cb: () => void) {
          resize = cb;
        }
        observe(el: Element) {
          observed.push(el);
        }
        disconnect = disconnect;
      },
    );
    const view = render(<EChart option={histogramOption(stats.histograms[0]!)} height={240} label="通过率图" />);
    const box = view.getByRole('img', { name: '通过率图' });
    const chart = getInstanceByDom(box)!;
    expect(chart).toBeDefined();
    expect(observed).toEqual([box]);
    expect(box.style.height).toBe('240px');
    const series = () => (chart.getOption().series as { type: string; markLine?: { data: unknown[] } }[])[0]!;
    expect(series().markLine?.data).toHaveLength(1);

    const resized = vi.spyOn(chart, 'resize');
    act(() => resize());
    expect(resized).toHaveBeenCalled();

    // A new option replaces the old one whole: the pass-rate bars keep no pass-mark line of the histogram.
    view.rerender(<EChart option={rateChartOption(stats.tables[2]!)} height={200} label="通过率图" />);
    expect(chart.getOption().yAxis).toMatchObject([{ type: 'category', data: ['物流管理（初级）'] }]);
    expect(series().markLine?.data ?? []).toHaveLength(0);
    expect(box.style.height).toBe('200px');

    view.unmount();
    expect(chart.isDisposed()).toBe(true);
    expect(disconnect).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
