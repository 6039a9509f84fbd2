import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { chartPng, chartSvg } from '../../src-main/pipelines/charts/chart-png';
import { HISTOGRAM_SIZE, histogramOption, rateChartOption, rateChartSize } from '../../src-shared/charts/stats-charts';
import { planStatistics, type PlanMeta } from '../../src-shared/domain/score-stats';
import { ROOT } from '../helpers/cli';
import { SCREENSHOTS } from '../helpers/pdf';
import { tempDir } from '../helpers/temp-dir';

const PLAN: PlanMeta = {
  code: 'K1',
  name: '物流管理',
  certificates: [{ certificateCode: 'ZS1', shortName: '物流管理', level: '初级', subjects: [{ subjectCode: '098694', subjectName: '基础考核', passScore: 60 }] }],
};
const stats = planStatistics(
  PLAN,
  [true, false, true].map((passed) => ({ certificateCode: 'ZS1', level: '初级', major: '<b>物流&管理</b>', entryYear: 2024, passed, absentAll: false })),
  [35, 59.9, 60, 61, 72, 88, 100].map((score) => ({ subjectCode: '098694', major: null, entryYear: null, scored: true, absent: false, score })),
  10,
);
const histogram = stats.histograms[0]!;

/** The SVG drawn by sharp in a process whose fontconfig knows no font at all. */
function rasterWithoutFonts(svg: string): Buffer {
  const dir = tempDir();
  writeFileSync(join(dir, 'fonts.conf'), '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><cachedir>' + dir + '</cachedir></fontconfig>');
  writeFileSync(join(dir, 'chart.svg'), svg);
  const script = `require('sharp')(require('fs').readFileSync(process.argv[1]), { density: 144 }).flatten({ background: '#ffffff' }).raw().toBuffer().then((b) => process.stdout.write(b))`;
  return execFileSync(process.execPath, ['-e', script, join(dir, 'chart.svg')], {
    cwd: ROOT,
    env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') },
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('charts drawn server-side for the PDF report', { timeout: 120_000 }, () => {
  it('draws every letter as an outline in the npm font: no <text> left, the data’s text never markup', async () => {
    const svg = await chartSvg(rateChartOption(stats.tables.find((t) => t.dimension === 'major')!), rateChartSize(stats.tables[0]!));
    expect(svg).not.toContain('<text');
    expect(svg).not.toContain('<b>');
    expect(svg.match(/<path d="M/g)!.length).toBeGreaterThan(10);
  });

  it('rasterises the same with no font on the machine as with the system’s CJK fonts', async () => {
    const svg = await chartSvg(histogramOption(histogram), HISTOGRAM_SIZE);
    const here = await sharp(Buffer.from(svg), { density: 144 }).flatten({ background: '#ffffff' }).raw().toBuffer();
    expect(rasterWithoutFonts(svg).equals(here)).toBe(true);
  });

  it('writes a PNG at twice the chart’s size, on white, without alpha', async () => {
    const png = await chartPng(histogramOption(histogram), HISTOGRAM_SIZE);
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'stats-histogram-chart.png'), png);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', HISTOGRAM_SIZE.width * 2, HISTOGRAM_SIZE.height * 2, false]);
  });
});
