import { join } from 'node:path';
import type { ExamDocFileResult, ExamDocKindName, TicketZipFileResult } from '../../../src-shared/api/exam-docs';
import type { RoomSessionRow } from '../../../src-shared/api/schedule';
import { defineJob } from '../../jobs/define-job';
import { EXAM_DOC_TITLES, writeExamDocument } from '../../pipelines/pdf/exam-docs/write-exam-docs';
import { writeTicketZip } from '../../pipelines/pdf/exam-docs/ticket-zip';
import { exportsDir } from '../paths';
import type { Scope } from '../schedule/scope';
import { admissionTickets } from './admission-tickets';
import { institutionName, roomSheets } from './room-sheets';
import { planPrint, type ExamDocFilter } from './select-rooms';

/** A job's input: the selection, and the scope of who asked (checked again here: the schedule may have changed since). */
export type ExamDocJobInput = ExamDocFilter & { kind: ExamDocKindName; photos?: boolean | undefined; scope: Scope; outFile?: string };
export type TicketZipJobInput = ExamDocFilter & { scope: Scope; outFile?: string };

/** `考场签到表-K202631000002-2026-06-19-13号机房.pdf`: the plan, and the date and room when the print is of one. */
export function examDocFileName(title: string, f: ExamDocFilter, rows: readonly RoomSessionRow[], ext: string): string {
  const dates = [...new Set(rows.map((r) => r.date))];
  const rooms = [...new Set(rows.map((r) => r.roomName))];
  const starts = [...new Set(rows.map((r) => `${r.date} ${r.start}`))];
  const parts = [title, f.planCode];
  if (dates.length === 1) parts.push(dates[0]!);
  if (starts.length === 1) parts.push(rows[0]!.start.replace(':', ''));
  if (rooms.length === 1) parts.push(rooms[0]!);
  return `${parts.join('-').replace(/[\\/:*?"<>|]/g, '')}.${ext}`;
}

/** 签到表, 桌贴, 门贴 or 准考证 of the selection as one PDF. */
export const examDocJob = defineJob<ExamDocJobInput, ExamDocFileResult>('exam-doc-pdf', async (ctx, input) => {
  const store = ctx.store();
  ctx.progress('读取排考', 0, 1);
  const { rows, candidates } = planPrint(store, input.scope, ctx.now(), input);
  const title = EXAM_DOC_TITLES[input.kind];
  const fileName = examDocFileName(title, input, rows, 'pdf');
  // The command line names its own file; the app's pages fetch it from the exports folder.
  const path = input.outFile ?? join(exportsDir(ctx.dataDir), `${Date.now()}-${fileName}`);
  const hooks = {
    author: institutionName(store),
    expected: input.kind === 'tickets' ? candidates.length : rows.length,
    progress: (phase: string, done: number, total: number) => ctx.progress(phase, done, total),
    throwIfCancelled: () => ctx.throwIfCancelled(),
  };
  const result = await writeExamDocument(
    input.kind === 'tickets'
      ? { kind: 'tickets', tickets: admissionTickets(store, input.planCode, candidates) }
      : input.kind === 'signin'
        ? { kind: 'signin', rooms: roomSheets(store, input.planCode, rows, { photos: !!input.photos }), photos: !!input.photos }
        : { kind: input.kind, rooms: roomSheets(store, input.planCode, rows, { photos: false }) },
    path,
    hooks,
  );
  ctx.outputFile('pdf', path);
  return { kind: input.kind, fileName, pdfFile: 'pdf', count: result.count, pages: result.pages, withoutPhoto: result.withoutPhoto, longTickets: result.longTickets };
});

/** 准考证 ZIP: one PDF per candidate of the selection, `准考证号-姓名.pdf`. */
export const ticketZipJob = defineJob<TicketZipJobInput, TicketZipFileResult>('exam-ticket-zip', async (ctx, input) => {
  const store = ctx.store();
  ctx.progress('读取排考', 0, 1);
  const { rows, candidates } = planPrint(store, input.scope, ctx.now(), { ...input, kind: 'zip' });
  const fileName = examDocFileName('准考证', input, rows, 'zip');
  const path = input.outFile ?? join(exportsDir(ctx.dataDir), `${Date.now()}-${fileName}`);
  const result = await writeTicketZip(admissionTickets(store, input.planCode, candidates), path, {
    author: institutionName(store),
    expected: candidates.length,
    progress: (phase: string, done: number, total: number) => ctx.progress(phase, done, total),
    throwIfCancelled: () => ctx.throwIfCancelled(),
    now: () => ctx.now(),
  });
  ctx.outputFile('zip', path);
  return { fileName, zipFile: 'zip', files: result.files, size: result.size, withoutPhoto: result.withoutPhoto };
});
