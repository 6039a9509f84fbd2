import { basename, resolve } from 'node:path';
import type { ImportIssue } from '../../src-shared/api/candidates';
import type { EnrollCounts } from '../../src-shared/api/enrollments';
import { CLI_ACTOR } from '../../src-shared/actor';
import { ENROLL_MODE_LABELS, ENROLL_MODES, type EnrollMode, type EnrollSheet } from '../../src-shared/domain/enrollment';
import { AppError } from '../../src-shared/errors';
import { enrollCheckJob, enrollCommitJob } from '../core/enrollments/import-job';
import { allEnrollments } from '../core/enrollments/enrollment-list';
import type { AppCore } from '../core/app-core';
import type { JobDef } from '../jobs/define-job';
import { UsageError, withApp, type CliCommand, type CliIo } from './cli-kit';

interface SheetReport {
  counts: EnrollCounts;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

function runJob<In, Out>(app: AppCore, job: JobDef<In, Out>, input: In, title: string): Promise<Out> {
  return app.jobs.run(job, input, { title, actor: CLI_ACTOR, owner: null });
}

const WHAT: Record<EnrollSheet, string> = { certificate: '按证书报考', subject: '按科目报考', delete: '删除报考' };

/** Check a sheet (dry run), or with --commit write its accepted rows; exit 1 after a commit that left rows out. */
async function runSheet(values: Record<string, string | boolean | undefined>, file: string, sheet: EnrollSheet, io: CliIo): Promise<SheetReport> {
  const path = resolve(file);
  const base = { path, fileName: basename(path), sheet };
  const report = await withApp(values, async (app) => {
    const preview = await runJob(app, enrollCheckJob, base, `检查${WHAT[sheet]}表格`);
    const out: SheetReport = { counts: preview.counts, errors: preview.errors, warnings: preview.warnings };
    if (!values.commit) {
      io.say(
        `检查完毕（未写入）：可${sheet === 'delete' ? '删除' : '报考'} ${preview.counts.accepted} 行（${preview.counts.enrollments} 个科目），退回 ${preview.counts.refused} 行。加 --commit 写入。`,
      );
      return out;
    }
    const result = await runJob(app, enrollCommitJob, { ...base, commitHash: preview.fileHash }, WHAT[sheet]);
    io.say(`已${sheet === 'delete' ? '删除' : '写入'} ${result.written} 个科目的报考；退回 ${result.counts.refused} 行。`);
    // The commit judges again inside its transaction: what it says is what happened.
    return { ...out, counts: result.counts };
  });
  if (values.commit && report.counts.refused > 0) {
    if (io.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    for (const e of report.errors.slice(0, 20)) io.say(`第 ${e.row} 行【${e.column}】${e.message}`);
    throw new AppError('VALIDATION', `有 ${report.counts.refused} 行被退回，其余已写入。`, { alreadyPrinted: true });
  }
  return report;
}

const renderSheet = (r: SheetReport) =>
  [`可写入 ${r.counts.accepted} 行（${r.counts.enrollments} 个科目），退回 ${r.counts.refused} 行`, ...r.errors.map((e) => `第 ${e.row} 行【${e.column}】${e.message}`)].join('\n');

export const enrollImportCommand: CliCommand = {
  name: 'enroll import',
  usage: 'enroll import 表格.xlsx|.csv --mode certificate|subject [--commit] [--data-dir 目录] [--json]（默认只检查不写入）',
  options: { mode: { type: 'string' }, commit: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run({ values, positionals, io }) {
    const mode = values.mode;
    if (typeof mode !== 'string' || !(ENROLL_MODES as readonly string[]).includes(mode)) throw new UsageError('--mode 只能是 certificate（按证书报考）或 subject（按科目报考）');
    return runSheet(values, positionals[0]!, mode as EnrollSheet, io);
  },
  render: renderSheet,
};

export const enrollDeleteCommand: CliCommand = {
  name: 'enroll delete',
  usage: 'enroll delete 表格.xlsx|.csv [--commit] [--data-dir 目录] [--json]（默认只检查不删除）',
  options: { commit: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run: ({ values, positionals, io }) => runSheet(values, positionals[0]!, 'delete', io),
  render: renderSheet,
};

interface ListJson {
  plan: { code: string; name: string };
  enrollments: {
    name: string;
    idNumber: string;
    certificate: string;
    certificateCode: string;
    level: string;
    subject: string;
    subjectCode: string;
    mode: EnrollMode;
    paid: boolean;
    sent: boolean;
  }[];
}

export const enrollListCommand: CliCommand = {
  name: 'enroll list',
  usage: 'enroll list --plan 考试计划编号 [--data-dir 目录] [--json]',
  options: { plan: { type: 'string' } },
  async run({ values }): Promise<ListJson> {
    const code = values.plan;
    if (typeof code !== 'string' || !code.trim()) throw new UsageError('缺少参数 --plan');
    return withApp(values, async (app) => {
      const plan = app.store.get(app.store.q.selectFrom('exam_plans').select(['code', 'name']).where('code', '=', code.trim()));
      if (!plan) throw new AppError('NOT_FOUND', `没有编号为 ${code.trim()} 的考试计划。`);
      const enrollments = [...allEnrollments(app.store, { planCode: plan.code, sort: 'idNumber', order: 'asc' })].map((e) => ({
        name: e.name,
        idNumber: e.idNumber,
        certificate: e.certificateName,
        certificateCode: e.certificateCode,
        level: e.level,
        subject: e.subjectName,
        subjectCode: e.subjectCode,
        mode: e.mode,
        paid: e.paid,
        sent: e.sentAt !== null,
      }));
      return { plan, enrollments };
    });
  },
  render: (r: ListJson) =>
    r.enrollments.length
      ? [
          `${r.plan.name}（${r.plan.code}）：${r.enrollments.length} 个科目的报考`,
          ...r.enrollments.map(
            (e) => `${e.idNumber}  ${e.name}  ${e.certificate} ${e.level}  ${e.subjectCode} ${e.subject}  ${ENROLL_MODE_LABELS[e.mode]}  ${e.paid ? '已缴费' : '未缴费'}`,
          ),
        ].join('\n')
      : `${r.plan.name}（${r.plan.code}）还没有报考。`,
};
