import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from '../../src-shared/charts/stats-charts';

// Only the pieces our charts use (the full echarts is ~1 MB). SVG as in the PDF report: crisp at
// any zoom, and its text is in the page for the reader (and the tests) to find.
echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

/**
 * An echarts chart on a div: made when the div mounts, given each new option whole (a chart of
 * another plan shares nothing with the last), resized with its box, disposed on unmount.
 * `onItemClick` gets the index of the bar clicked.
 */
export function EChart({ option, height, label, onItemClick }: { option: ChartOption; height: number; label: string; onItemClick?: (dataIndex: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  useEffect(() => {
    click.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const c = echarts.init(box.current!, null, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p.dataIndex));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
