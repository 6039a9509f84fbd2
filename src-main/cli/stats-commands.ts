import { basename, extname } from 'node:path';
import { CLI_ACTOR } from '../../src-shared/actor';
import type { StatsFormat } from '../../src-shared/api/stats';
import { statsExportJob } from '../core/stats/export-job';
import { planHead } from '../core/stats/stats-queries';
import { outFileOf, requireString, UsageError, withApp, type CliCommand } from './cli-kit';

export interface StatsOutput {
  file: string;
  plan: string;
  format: StatsFormat;
}

export const statsCommand: CliCommand = {
  name: 'stats',
  usage: 'stats --plan 考试计划 --out 文件.xlsx|文件.pdf [--data-dir 目录] [--json]（成绩统计：.xlsx 为统计表，.pdf 为打印用的统计报告）',
  options: { plan: { type: 'string' }, out: { type: 'string' } },
  async run({ values, io }) {
    const planCode = requireString(values, 'plan');
    const out = requireString(values, 'out');
    const ext = extname(out).toLowerCase();
    if (ext !== '.xlsx' && ext !== '.pdf') throw new UsageError(`--out 的文件名应以 .xlsx（统计表）或 .pdf（统计报告）结尾：“${basename(out)}”两者都不是`);
    const format: StatsFormat = ext === '.pdf' ? 'pdf' : 'xlsx';
    const outFile = outFileOf(values);
    return withApp(values, async (app): Promise<StatsOutput> => {
      planHead(app.store, planCode, app.now());
      const title = format === 'pdf' ? '生成成绩统计报告' : '导出成绩统计表';
      const result = await app.jobs.run(statsExportJob, { planCode, binWidth: 10, format, outFile }, { title, actor: CLI_ACTOR, owner: null });
      io.say(`已生成 ${outFile}${result.pages ? `（${result.pages} 页）` : ''}。`);
      return { file: outFile, plan: planCode, format };
    });
  },
  render: (r: StatsOutput) => r.file,
};
