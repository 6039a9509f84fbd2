import { a4Document, type PdfDocument } from '../document-kit';
import { renderPdf } from '../render-pdf';
import { checkRoomSheet } from './check-input';
import { DESK_LABEL_MARGIN, deskLabelSection } from './desk-labels';
import { DOOR_SIGN_MARGIN, doorSignSection } from './door-sign';
import type { PagedSection } from './exam-doc-kit';
import { writeSignInPdf } from './signin-pdf';
import { writeTicketPdf } from './ticket-pdf';
import type { AdmissionTicket, DataSource, ExamRoomSheet } from './types';

export type ExamDocKind = 'signin' | 'desk' | 'door' | 'tickets';

export const EXAM_DOC_TITLES: Record<ExamDocKind, string> = { signin: '考场签到表', desk: '考场桌贴', door: '考场门贴', tickets: '准考证' };

/** What to print: rooms (one room in one session each) for the room documents, candidates for tickets. */
export type ExamDocRequest =
  | { kind: 'signin'; rooms: DataSource<ExamRoomSheet>; photos?: boolean }
  | { kind: 'desk' | 'door'; rooms: DataSource<ExamRoomSheet> }
  | { kind: 'tickets'; tickets: DataSource<AdmissionTicket> };

export interface ExamDocHooks {
  /** Who the PDF says it is by: the institution. */
  author: string;
  /** How many rooms or tickets the source will give, when the caller knows (for progress). */
  expected?: number;
  progress?: (phase: string, done: number, total: number) => void;
  /** Called between rooms or tickets and while pages are drawn; throws to stop (nothing is left behind). */
  throwIfCancelled?: () => void;
}

export interface ExamDocResult {
  kind: ExamDocKind;
  /** Rooms or tickets printed. */
  count: number;
  pages: number;
  /** Sign-in sheet rows, labels or tickets printed without a photo (none stored, or not a usable JPEG/PNG). */
  withoutPhoto: number;
  /** Tickets that ran over one page (too many subjects or rules): they print, on two sheets. */
  longTickets: string[];
}

export const READ_PHASE = '读取数据';
export const LAYOUT_PHASE = '排版';
export const DRAW_PHASE = '生成 PDF';

/**
 * One PDF of a kind from a source of rooms or tickets: each room's (each ticket's) pages start
 * on a new page and are numbered on their own. The source is read once, item by item, so a
 * generator can read a whole plan from the store without holding it twice. Sign-in sheets and
 * tickets, printed by the thousand, are drawn page by page as they come (`writeSignInPdf`,
 * `writeTicketPdf`); desk labels and door signs are laid out by pdfmake, which holds the
 * document in memory until it is written.
 */
export async function writeExamDocument(request: ExamDocRequest, path: string, hooks: ExamDocHooks): Promise<ExamDocResult> {
  const drawn = {
    author: hooks.author,
    throwIfCancelled: hooks.throwIfCancelled,
    drawn: (count: number) => hooks.progress?.(DRAW_PHASE, count, Math.max(hooks.expected ?? 0, count)),
  };
  if (request.kind === 'tickets') return { kind: 'tickets', ...(await writeTicketPdf(request.tickets, path, drawn)) };
  if (request.kind === 'signin') return { kind: 'signin', ...(await writeSignInPdf(request.rooms, path, { ...drawn, photos: !!request.photos })), longTickets: [] };
  const sections: PagedSection[] = [];
  for await (const room of request.rooms) {
    checkRoomSheet(room, sections.length);
    sections.push(request.kind === 'desk' ? deskLabelSection(room) : doorSignSection(room));
    hooks.throwIfCancelled?.();
    hooks.progress?.(READ_PHASE, sections.length, Math.max(hooks.expected ?? 0, sections.length));
  }
  if (sections.length === 0) sections.push(emptySection());
  hooks.progress?.(LAYOUT_PHASE, 0, 1);
  const pages = () => sections.reduce((n, s) => n + s.pages(), 0);
  await renderPdf(roomDocument(request.kind, sections, hooks.author), path, {
    onProgress: (fraction) => {
      hooks.throwIfCancelled?.();
      hooks.progress?.(DRAW_PHASE, Math.round(fraction * pages()), pages());
    },
  });
  hooks.progress?.(DRAW_PHASE, pages(), pages());
  return { kind: request.kind, count: sections.length, pages: pages(), withoutPhoto: 0, longTickets: [] };
}

function emptySection(): PagedSection {
  const node = { section: [{ text: '没有要打印的考场。', margin: [0, 40, 0, 0], alignment: 'center' }] };
  return { node, pages: () => 1 };
}

function roomDocument(kind: 'desk' | 'door', sections: PagedSection[], author: string): PdfDocument {
  const doc = a4Document({ title: EXAM_DOC_TITLES[kind], author, landscape: kind === 'door', content: sections.map((s) => s.node) });
  const margin = kind === 'desk' ? DESK_LABEL_MARGIN : DOOR_SIGN_MARGIN;
  doc.pageMargins = [margin, margin, margin, margin];
  return doc;
}
