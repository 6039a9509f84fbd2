import { a4Document, type PdfDocument } from '../document-kit';
import { PdfImages } from '../pdf-images';
import { renderPdf } from '../render-pdf';
import { ticketSection } from './admission-ticket';
import { checkRoomSheet, checkTicket } from './check-input';
import { DESK_LABEL_MARGIN, deskLabelSection } from './desk-labels';
import { DOOR_SIGN_MARGIN, doorSignSection } from './door-sign';
import type { PagedSection } from './exam-doc-kit';
import { SIGNIN_MARGINS, signInSection } from './signin-sheet';
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
 * on a new page and are numbered on their own. The source is read once, item by item: photos
 * go straight into the document's image set and each item's data into its section, so a
 * generator can read a whole plan from the store without holding it twice. pdfmake lays the
 * document out in one go, so the document itself is in memory until it is written.
 */
export async function writeExamDocument(request: ExamDocRequest, path: string, hooks: ExamDocHooks): Promise<ExamDocResult> {
  const images = new PdfImages();
  try {
    const built = await buildSections(request, images, hooks);
    hooks.progress?.(LAYOUT_PHASE, 0, 1);
    const doc = examDocument(request.kind, built.sections, hooks.author);
    await renderPdf(doc, path, {
      images,
      onProgress: (fraction) => {
        hooks.throwIfCancelled?.();
        const pages = built.sections.reduce((n, s) => n + s.pages(), 0);
        hooks.progress?.(DRAW_PHASE, Math.round(fraction * pages), pages);
      },
    });
    const pages = built.sections.reduce((n, s) => n + s.pages(), 0);
    hooks.progress?.(DRAW_PHASE, pages, pages);
    return {
      kind: request.kind,
      count: built.sections.length,
      pages,
      withoutPhoto: built.withoutPhoto,
      longTickets: built.ticketNumbers.filter((_, i) => built.sections[i]!.pages() > 1),
    };
  } finally {
    images.dispose();
  }
}

async function buildSections(request: ExamDocRequest, images: PdfImages, hooks: ExamDocHooks) {
  const sections: PagedSection[] = [];
  const ticketNumbers: string[] = [];
  let withoutPhoto = 0;
  const step = () => {
    hooks.throwIfCancelled?.();
    hooks.progress?.(READ_PHASE, sections.length, Math.max(hooks.expected ?? 0, sections.length));
  };
  if (request.kind === 'tickets') {
    for await (const t of request.tickets) {
      checkTicket(t, sections.length);
      const photo = await images.addPhoto(t.photo);
      if (photo === null) withoutPhoto++;
      sections.push(ticketSection(t, photo, images));
      ticketNumbers.push(t.ticketNumber);
      step();
    }
  } else {
    for await (const room of request.rooms) {
      checkRoomSheet(room, sections.length);
      if (request.kind === 'signin') {
        let photos: (string | null)[] | null = null;
        if (request.photos) {
          photos = [];
          for (const seat of room.seats) photos.push(await images.addPhoto(seat.photo));
          withoutPhoto += photos.filter((key) => key === null).length;
        }
        sections.push(signInSection(room, photos));
      } else sections.push(request.kind === 'desk' ? deskLabelSection(room) : doorSignSection(room));
      step();
    }
  }
  if (sections.length === 0) sections.push(emptySection(request.kind));
  return { sections, ticketNumbers, withoutPhoto };
}

function emptySection(kind: ExamDocKind): PagedSection {
  const node = { section: [{ text: `没有要打印的${kind === 'tickets' ? '准考证' : '考场'}。`, margin: [0, 40, 0, 0], alignment: 'center' }] };
  return { node, pages: () => 1 };
}

export function examDocument(kind: ExamDocKind, sections: PagedSection[], author: string): PdfDocument {
  const doc = a4Document({ title: EXAM_DOC_TITLES[kind], author, landscape: kind === 'door', content: sections.map((s) => s.node) });
  if (kind === 'signin') doc.pageMargins = SIGNIN_MARGINS;
  if (kind === 'desk') doc.pageMargins = [DESK_LABEL_MARGIN, DESK_LABEL_MARGIN, DESK_LABEL_MARGIN, DESK_LABEL_MARGIN];
  if (kind === 'door') doc.pageMargins = [DOOR_SIGN_MARGIN, DOOR_SIGN_MARGIN, DOOR_SIGN_MARGIN, DOOR_SIGN_MARGIN];
  return doc;
}
