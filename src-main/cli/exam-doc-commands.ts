import type { ExamDocKindName } from '../../src-shared/api/exam-docs';
import { CLI_ACTOR } from '../../src-shared/actor';
import { AppError } from '../../src-shared/errors';
import type { AppCore } from '../core/app-core';
import { examDocJob, ticketZipJob } from '../core/exam-docs/exam-doc-jobs';
import { planPrint, type ExamDocFilter } from '../core/exam-docs/select-rooms';
import { EXAM_DOC_TITLES } from '../pipelines/pdf/exam-docs/write-exam-docs';
import { outFileOf, requireString, UsageError, withApp, type CliCommand } from './cli-kit';

export interface ExamDocOutput {
  file: string;
  kind: ExamDocKindName;
  plan: string;
  /** Room sittings (signin, desk, door) or tickets printed. */
  count: number;
  /** Null for the tickets' ZIP (one PDF per candidate). */
  pages: number | null;
}

/** `--room`: an exam room of the plan by its id, else by its name (refused when two sites have one by that name). */
export function resolveRoom(app: AppCore, planCode: string, room: string): number {
  const rows = app.store
    .prepare('SELECT x.id, x.name, s.name AS site FROM exam_rooms x LEFT JOIN exam_sites s ON s.id = x.site_id WHERE x.plan_code = ? ORDER BY x.id')
    .all(planCode) as {
    id: number;
    name: string;
    site: string | null;
  }[];
  const byId = /^\d+$/.test(room) ? rows.find((r) => r.id === Number(room)) : undefined;
  if (byId) return byId.id;
  const named = rows.filter((r) => r.name === room.trim());
  if (named.length === 1) return named[0]!.id;
  if (named.length > 1) throw new AppError('VALIDATION', `考场名称 ${room} 在多个站点都有（${named.map((r) => `${r.site ?? ''} 编号 ${r.id}`).join('、')}），请用 --room 编号。`);
  throw new AppError('NOT_FOUND', `考试计划 ${planCode} 没有名为 ${room.slice(0, 40)} 的考场（考场：${rows.map((r) => r.name).join('、') || '无'}）。`);
}

/** `--session`: a session of the plan by its id, or by its start `HH:MM` (with `--date`, or `YYYY-MM-DD HH:MM`, when several days start then). */
export function resolveSession(app: AppCore, planCode: string, session: string, date?: string): number {
  const rows = app.store.prepare('SELECT id, date, start_time, end_time FROM schedule_sessions WHERE plan_code = ? ORDER BY date, start_time, id').all(planCode) as {
    id: number;
    date: string;
    start_time: string;
    end_time: string;
  }[];
  const text = session.trim();
  if (/^\d+$/.test(text)) {
    const hit = rows.find((r) => r.id === Number(text));
    if (hit) return hit.id;
    throw new AppError('NOT_FOUND', `考试计划 ${planCode} 没有编号为 ${text} 的场次。`);
  }
  const m = /^(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}:\d{2})$/.exec(text);
  if (!m) throw new UsageError(`--session 应为场次编号、开始时间（08:30）或日期和开始时间（2026-06-19 08:30），而不是 ${text.slice(0, 40)}`);
  const day = m[1] ?? date;
  const start = m[2]!.padStart(5, '0');
  const hits = rows.filter((r) => r.start_time === start && (day === undefined || r.date === day));
  // Subjects sharing a start in one day are one session for the rooms; the ids differ per subject.
  const days = [...new Set(hits.map((r) => r.date))];
  if (hits.length === 1) return hits[0]!.id;
  if (days.length > 1) throw new AppError('VALIDATION', `${start} 开始的场次有 ${days.length} 天（${days.join('、')}），请加 --date 日期，或写成“日期 ${start}”。`);
  if (hits.length > 1) throw new AppError('VALIDATION', `${days[0]} ${start} 开始的场次有 ${hits.length} 个（编号 ${hits.map((r) => r.id).join('、')}），请用 --session 编号。`);
  const all = rows.map((r) => `${r.date} ${r.start_time}–${r.end_time}`).join('、');
  throw new AppError('NOT_FOUND', `考试计划 ${planCode} 没有${day ? `${day} ` : ''}${start} 开始的场次（场次：${all || '无'}）。`);
}

function docCommand(kind: ExamDocKindName): CliCommand {
  const title = EXAM_DOC_TITLES[kind];
  const out = kind === 'tickets' ? '文件.pdf|文件.zip' : '文件.pdf';
  const note = kind === 'tickets' ? '准考证；.zip 为每位考生一个 PDF' : title;
  return {
    name: `docs ${kind}`,
    usage: `docs ${kind} --plan 考试计划 [--room 考场名称或编号] [--session 场次编号或开始时间] [--date 日期] --out ${out}${kind === 'signin' ? ' [--photos]' : ''} [--data-dir 目录] [--json]（${note}）`,
    options: {
      plan: { type: 'string' },
      room: { type: 'string' },
      session: { type: 'string' },
      date: { type: 'string' },
      out: { type: 'string' },
      ...(kind === 'signin' ? { photos: { type: 'boolean' } } : {}),
    },
    async run({ values, io }) {
      const planCode = requireString(values, 'plan');
      const outFile = outFileOf(values);
      const zip = kind === 'tickets' && /\.zip$/i.test(outFile);
      if (!zip && !/\.pdf$/i.test(outFile)) throw new UsageError(`--out 应以 .pdf 结尾${kind === 'tickets' ? '（或 .zip：准考证 ZIP）' : ''}`);
      const date = typeof values.date === 'string' ? values.date : undefined;
      if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date 应为 YYYY-MM-DD');
      return withApp(values, async (app): Promise<ExamDocOutput> => {
        if (!app.store.prepare('SELECT 1 FROM exam_plans WHERE code = ?').get(planCode)) throw new AppError('NOT_FOUND', `找不到考试计划 ${planCode.slice(0, 40)}。`);
        const filter: ExamDocFilter = {
          planCode,
          ...(typeof values.room === 'string' ? { roomId: resolveRoom(app, planCode, values.room) } : {}),
          ...(typeof values.session === 'string' ? { sessionId: resolveSession(app, planCode, values.session, date) } : {}),
          ...(date ? { date } : {}),
        };
        const scope = { all: true } as const;
        const options = { title: `打印${title}`, actor: CLI_ACTOR, owner: null };
        planPrint(app.store, scope, app.now(), { ...filter, kind: zip ? 'zip' : kind });
        if (zip) {
          const r = await app.jobs.run(ticketZipJob, { ...filter, scope, outFile }, options);
          io.say(`已生成 ${outFile}：${r.files} 位考生的准考证${r.withoutPhoto ? `（${r.withoutPhoto} 位没有照片）` : ''}。`);
          return { file: outFile, kind, plan: planCode, count: r.files, pages: null };
        }
        const r = await app.jobs.run(examDocJob, { ...filter, kind, photos: values.photos === true, scope, outFile }, options);
        io.say(
          `已生成 ${outFile}：${title}，${r.count} ${kind === 'tickets' ? '张准考证' : '个考场场次'}，共 ${r.pages} 页${r.withoutPhoto ? `，${r.withoutPhoto} 处没有照片` : ''}。`,
        );
        return { file: outFile, kind, plan: planCode, count: r.count, pages: r.pages };
      });
    },
    render: (r: ExamDocOutput) => r.file,
  };
}

export const docsSigninCommand = docCommand('signin');
export const docsDeskCommand = docCommand('desk');
export const docsDoorCommand = docCommand('door');
export const docsTicketsCommand = docCommand('tickets');
