import { basename, resolve } from 'node:path';
import { CANDIDATE_KINDS, type CandidateKind } from '../../src-shared/domain/candidate';
import { AppError } from '../../src-shared/errors';
import type { AppCore } from '../core/app-core';
import { CLI_ACTOR } from '../../src-shared/actor';
import { candidateExportJob } from '../core/candidates/export-job';
import { candidateCheckJob, candidateCommitJob, type CandidateImportInput } from '../core/candidates/import-job';
import type { JobDef } from '../jobs/define-job';
import { outFileOf, UsageError, withApp, type CliCommand } from './cli-kit';

function kindOf(value: unknown): CandidateKind {
  if (value === undefined) return 'school';
  if (typeof value !== 'string' || !(CANDIDATE_KINDS as readonly string[]).includes(value)) throw new UsageError('--kind 只能是 school（院校考生）或 social（社会考生）');
  return value as CandidateKind;
}

function runJob<In, Out>(app: AppCore, job: JobDef<In, Out>, input: In, title: string): Promise<Out> {
  return app.jobs.run(job, input, { title, actor: CLI_ACTOR, owner: null });
}

export const candidatesImportCommand: CliCommand = {
  name: 'candidates import',
  usage: 'candidates import 表格.xlsx|.csv [--kind school|social] [--update] [--commit] [--data-dir 目录] [--json]（默认只检查不写入）',
  options: { kind: { type: 'string' }, commit: { type: 'boolean' }, update: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, io }) {
    const path = resolve(positionals[0]!);
    const base: CandidateImportInput = { path, fileName: basename(path), kind: kindOf(values.kind), mode: values.update ? 'update' : 'create' };
    const report = await withApp(values, async (app) => {
      const preview = await runJob(app, candidateCheckJob, base, '检查考生表格');
      const out = { counts: preview.counts, errors: preview.errors, warnings: preview.warnings };
      if (!values.commit) {
        io.say(
          `检查完毕（未写入）：新增 ${preview.counts.new}，更新 ${preview.counts.updated}，未变 ${preview.counts.unchanged}，退回 ${preview.counts.refused}。加 --commit 写入。`,
        );
        return out;
      }
      const result = await runJob(app, candidateCommitJob, { ...base, commitHash: preview.fileHash }, '导入考生');
      io.say(`已写入 ${result.written} 名考生；退回 ${result.counts.refused} 行。`);
      return { ...out, counts: result.counts };
    });
    if (values.commit && report.counts.refused > 0) {
      if (io.json) process.stdout.write(`${JSON.stringify(report)}\n`);
      for (const e of report.errors.slice(0, 20)) io.say(`第 ${e.row} 行【${e.column}】${e.message}`);
      // Exit 1 after a commit that left rows out: scripts must notice, even though the rest landed.
      throw new AppError('VALIDATION', `有 ${report.counts.refused} 行被退回，其余已写入。`, { alreadyPrinted: true });
    }
    return report;
  },
  render: (r: { counts: Record<string, number>; errors: { row: number; column: string; message: string }[] }) =>
    [
      `新增 ${r.counts.new}，更新 ${r.counts.updated}，未变 ${r.counts.unchanged}，退回 ${r.counts.refused}`,
      ...r.errors.map((e) => `第 ${e.row} 行【${e.column}】${e.message}`),
    ].join('\n'),
};

export const candidatesExportCommand: CliCommand = {
  name: 'candidates export',
  usage: 'candidates export --out 文件.xlsx|.csv [--kind school|social] [--data-dir 目录] [--json]',
  options: { out: { type: 'string' }, kind: { type: 'string' } },
  async run({ values, io }) {
    if (typeof values.out !== 'string' || !values.out.trim()) throw new UsageError('缺少参数 --out');
    if (!/\.(xlsx|csv)$/i.test(values.out)) throw new UsageError(`--out 的文件名应以 .xlsx（Excel 表格）或 .csv（UTF-8 文本）结尾：“${basename(values.out)}”两者都不是`);
    const outFile = outFileOf(values);
    const result = await withApp(values, (app) => runJob(app, candidateExportJob, { kind: kindOf(values.kind), outFile }, '导出考生'));
    io.say(`已导出 ${result.count} 名考生到 ${outFile}`);
    return { file: outFile, count: result.count };
  },
  render: (r: { file: string }) => r.file,
};
