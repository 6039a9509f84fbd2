import { z } from 'zod';
import { op } from './contract';
import type { JobInfo } from './jobs';
import { STAFF } from '../roles';

export const EXAM_DOC_KINDS = ['signin', 'desk', 'door', 'tickets'] as const;
export type ExamDocKindName = (typeof EXAM_DOC_KINDS)[number];

/**
 * Tickets in one PDF at most: ~22 MB per 1,000 tickets with photos is what a lab PC's viewer and
 * printer spooler take comfortably (the tickets are drawn page by page, so memory is not the
 * limit), so a whole plan's tickets go by session or room, or as the ZIP.
 */
export const MAX_TICKETS_PER_PDF = 1000;

/** A PDF of exam-day documents, written by `examDocs.render`; fetched with `jobs.file` under `pdfFile`. */
export interface ExamDocFileResult {
  kind: ExamDocKindName;
  fileName: string;
  pdfFile: 'pdf';
  /** Room sittings (签到表, 桌贴, 门贴) or tickets printed. */
  count: number;
  pages: number;
  withoutPhoto: number;
  longTickets: string[];
}

export interface TicketZipFileResult {
  fileName: string;
  zipFile: 'zip';
  files: number;
  size: number;
  withoutPhoto: number;
}

const planCode = z.string().trim().min(1, { error: '请选择考试计划' }).max(40);
const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 31);

/**
 * What to print: the plan's room sittings, narrowed by an exam room (every session it is used
 * in), a session (every room of it), both or `scheduleRoomId` (one room sitting), or a date. Tickets: the
 * candidates seated in what is selected, each with all their subjects of the plan.
 */
export const examDocSelection = z
  .object({
    planCode,
    scheduleRoomId: id.optional(),
    roomId: id.optional(),
    sessionId: id.optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
      .optional(),
  })
  .strict();

export const examDocRenderInput = examDocSelection.extend({ kind: z.enum(EXAM_DOC_KINDS), photos: z.boolean().optional() }).strict();

export const examDocOps = {
  'examDocs.render': op<JobInfo<ExamDocFileResult>>()({ input: examDocRenderInput, access: 'user', summary: '打印考务文档' }),
  'examDocs.ticketZip': op<JobInfo<TicketZipFileResult>>()({ input: examDocSelection, access: STAFF, summary: '导出准考证 ZIP' }),
};
