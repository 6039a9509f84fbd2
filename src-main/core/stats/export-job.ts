import { join } from 'node:path';
import type { StatsExportInput, StatsExportResult } from '../../../src-shared/api/stats';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { defineJob } from '../../jobs/define-job';
import { PdfImages } from '../../pipelines/pdf/pdf-images';
import { renderPdf } from '../../pipelines/pdf/render-pdf';
import type { CallContext } from '../call-context';
import { readInstitution } from '../institution/institution-service';
import { exportsDir } from '../paths';
import { renderReportCharts, statsDocument } from './stats-pdf';
import { planStats } from './stats-service';
import { writeStatsWorkbook } from './stats-workbook';
import { planHead } from './stats-queries';

export type StatsExportJobInput = StatsExportInput & { outFile?: string | undefined };

/** `成绩统计-K202631000002.pdf`: the plan's code, safe in any file system. */
export function statsFileName(planCode: string, format: StatsExportInput['format']): string {
  return `成绩统计-${planCode.replace(/[\\/:*?"<>|\s]/g, '')}.${format}`;
}

/**
 * 导出成绩统计: the plan's statistics as an xlsx (a sheet per dimension and the bins) or as the
 * printable PDF report (the page's charts drawn server-side, the tables beneath). A job: the
 * report draws a chart per dimension and subject (~0.1–0.5 s each).
 */
export const statsExportJob = defineJob<StatsExportJobInput, StatsExportResult>('stats-export', async (ctx, input) => {
  const store = ctx.store();
  ctx.progress('读取成绩', 0, 1);
  const now = ctx.now();
  const stats = planStats(store, input.planCode, input.binWidth, now);
  const fileName = statsFileName(input.planCode, input.format);
  const path = input.outFile ?? join(exportsDir(ctx.dataDir), `${Date.now()}-${fileName}`);
  if (input.format === 'xlsx') {
    ctx.progress('写入表格', 0, 1);
    await writeStatsWorkbook(stats, path);
    ctx.outputFile('export', path);
    ctx.progress('写入表格', 1, 1);
    return { format: 'xlsx', fileName, exportFile: 'export', pages: null };
  }
  const images = new PdfImages();
  try {
    const charts = await renderReportCharts(stats, images, (done, total) => {
      ctx.throwIfCancelled();
      ctx.progress('绘制图表', done, total);
    });
    ctx.progress('生成 PDF', 0, 1);
    const doc = statsDocument(stats, charts, { institution: readInstitution(store)?.name ?? '', now });
    let pages = 0;
    const footer = doc.footer;
    doc.footer = (page, count) => {
      pages = count;
      return footer(page, count);
    };
    await renderPdf(doc, path, { images, onProgress: () => ctx.throwIfCancelled() });
    ctx.outputFile('export', path);
    ctx.progress('生成 PDF', 1, 1);
    return { format: 'pdf', fileName, exportFile: 'export', pages };
  } finally {
    images.dispose();
  }
});

export function startStatsExport(call: CallContext, input: StatsExportInput): JobInfo<StatsExportResult> {
  // A plan that does not exist is refused by the call itself, not by a failed job.
  planHead(call.app.store, input.planCode, call.app.now());
  const title = input.format === 'pdf' ? '生成成绩统计报告' : '导出成绩统计表';
  return call.app.jobs.start(statsExportJob, input, { title, actor: call.actor, owner: call.sessionToken });
}
