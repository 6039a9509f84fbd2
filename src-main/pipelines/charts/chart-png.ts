import type * as EChartsCore from 'echarts/core';
import sharp from 'sharp';
import type { ChartOption, ChartSize } from '../../../src-shared/charts/stats-charts';
import { chartFont } from './chart-font';
import { outlineText } from './outline-text';

type ECharts = typeof EChartsCore;
let loaded: Promise<ECharts> | undefined;

/**
 * echarts for server-side rendering, loaded on first use (only a report needs it) with just the
 * pieces our charts use, and told to measure text in our font: labels are laid out for the
 * letters `outlineText` then draws.
 */
function loadECharts(): Promise<ECharts> {
  return (loaded ??= (async () => {
    const [echarts, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    echarts.use([charts.BarChart, components.GridComponent, components.MarkLineComponent, components.TooltipComponent, renderers.SVGRenderer]);
    const font = chartFont();
    echarts.setPlatformAPI({
      measureText: (text, css) => ({ width: font.width(text, Number(/(\d+(?:\.\d+)?)px/.exec(css ?? '')?.[1] ?? 12), /\bbold\b|[6-9]00/.test(css ?? '')) }),
    });
    return echarts;
  })());
}

/** The chart as SVG with its text drawn as outlines (no font needed to show it). */
export async function chartSvg(option: ChartOption, size: ChartSize): Promise<string> {
  const echarts = await loadECharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return outlineText(chart.renderToSVGString(), chartFont());
  } finally {
    // An undisposed chart keeps its animation loop, and with it the process, alive.
    chart.dispose();
  }
}

/**
 * The chart as a PNG on white, `scale` times its size in pixels (2: ~200 dpi across an A4 page's
 * text width), without alpha so that pdfkit embeds it with no mask to split off.
 */
export async function chartPng(option: ChartOption, size: ChartSize, scale = 2): Promise<Buffer> {
  const svg = await chartSvg(option, size);
  return sharp(Buffer.from(svg), { density: 72 * scale })
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
}
