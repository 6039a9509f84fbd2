import type { PdfContent, PdfNode } from '../document-kit';
import type { ExamSession } from './types';

/** 2020-07-18 13:00-16:50, as the platform's sheets write a session. */
export function sessionText(s: ExamSession): string {
  return `${s.date} ${s.start}-${s.end}`;
}

export function namesText(names: readonly string[]): string {
  return names.filter((n) => n.trim() !== '').join('、');
}

/** A section of a document and, once pdfmake has laid it out, how many pages it took. */
export interface PagedSection {
  node: PdfNode;
  pages(): number;
}

/**
 * A run of content that starts on a new page and numbers its pages on its own — 第 1 页 共 2 页
 * within one room's sign-in sheet, though the PDF holds a whole day's rooms. pdfmake hands a
 * header or footer only the document's page numbers, but it lays out the headers of every
 * page before any footer: the section's header notes which pages are its own, so its footer
 * knows its number and count (and the caller, afterwards, how many pages it took).
 */
export function pagedSection(content: PdfContent[], o: { header?: PdfContent; footer?: (page: number, pages: number) => PdfContent | null }): PagedSection {
  const own: number[] = [];
  const node: PdfNode = {
    section: content,
    header: (page: number) => {
      if (own.at(-1) !== page) own.push(page);
      return o.header ?? null;
    },
    footer: (page: number) => {
      const index = own.indexOf(page);
      return index < 0 || !o.footer ? null : o.footer(index + 1, own.length);
    },
  };
  return { node, pages: () => own.length };
}

/** 第 1 页 共 2 页 */
export function pageOf(page: number, pages: number): string {
  return `第 ${page} 页 共 ${pages} 页`;
}

/**
 * The largest size up to `max` at which `text` fits `lines` lines of `width` points: a CJK
 * character is one em wide, a Latin letter or digit about half. For the large type of door
 * signs and desk labels, where a long room or subject name would otherwise wrap into a mess.
 */
export function fitFontSize(text: string, max: number, width: number, lines = 1, min = 8): number {
  let ems = 0;
  for (const c of text) ems += c.charCodeAt(0) < 0x2e80 ? 0.56 : 1;
  if (ems === 0) return max;
  // A little slack: wrapping breaks between characters, not exactly at the edge.
  const fit = (width * lines * 0.94) / ems;
  return Math.max(min, Math.min(max, Math.floor(fit * 2) / 2));
}
