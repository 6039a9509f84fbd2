import { mm } from '../document-kit';
import { A4, drawnPdfBuffer, type DrawnDocument, type DrawnInfo, writeDrawnPdf } from '../draw/drawn-document';
import { printablePhoto } from '../pdf-images';
import { drawTicket } from './admission-ticket';
import { checkTicket } from './check-input';
import type { AdmissionTicket, DataSource } from './types';

export interface TicketPdfResult {
  count: number;
  pages: number;
  withoutPhoto: number;
  /** Tickets that ran over one page (too many subjects or rules): they print, on two sheets. */
  longTickets: string[];
}

export interface TicketPdfHooks {
  author: string;
  /** After each ticket drawn: how many so far. */
  drawn?: (count: number) => void;
  /** Called before each ticket; throws to stop (nothing is left behind). */
  throwIfCancelled?: () => void;
}

const info = (author: string): DrawnInfo => ({ title: '准考证', author });

/**
 * 准考证 as one PDF, drawn a ticket at a time as the source gives them: one ticket's photo and
 * pages in memory, not the whole document's, so 1,000 tickets cost what one does 1,000 times.
 */
export async function writeTicketPdf(tickets: DataSource<AdmissionTicket>, path: string, hooks: TicketPdfHooks): Promise<TicketPdfResult> {
  const result: TicketPdfResult = { count: 0, pages: 0, withoutPhoto: 0, longTickets: [] };
  await writeDrawnPdf(path, info(hooks.author), async (doc) => {
    for await (const t of tickets) {
      hooks.throwIfCancelled?.();
      await drawOne(doc, t, result);
      hooks.drawn?.(result.count);
    }
    if (result.count === 0) {
      doc.newPage();
      doc.textIn('没有要打印的准考证。', 0, A4.width, mm(18) + 40, { size: 10 }, 'center');
      result.pages = 1;
    }
  });
  return result;
}

/** One ticket as a PDF of its own, for the ZIP sent to students. */
export async function ticketPdfBuffer(t: AdmissionTicket, index: number, author: string): Promise<{ pdf: Buffer; withoutPhoto: boolean }> {
  const result: TicketPdfResult = { count: index, pages: 0, withoutPhoto: 0, longTickets: [] };
  const pdf = await drawnPdfBuffer(info(author), (doc) => drawOne(doc, t, result));
  return { pdf, withoutPhoto: result.withoutPhoto > 0 };
}

async function drawOne(doc: DrawnDocument, t: AdmissionTicket, result: TicketPdfResult): Promise<void> {
  checkTicket(t, result.count);
  const photo = await printablePhoto(t.photo);
  if (!photo) result.withoutPhoto++;
  const pages = drawTicket(doc, t, photo);
  if (pages > 1) result.longTickets.push(t.ticketNumber);
  result.pages += pages;
  result.count++;
}
