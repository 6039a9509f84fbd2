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

/** The widest of each printable ASCII glyph in the two weights of Noto Sans Hans, in hundredths of an em, rounded up. */
// prettier-ignore
const ASCII_EMS = [23,37,58,59,59,97,74,33,38,38,51,59,33,37,33,40,59,59,59,59,59,59,59,59,59,59,33,33,59,59,59,52,101,65,69,66,72,62,59,72,76,33,57,69,58,86,75,77,67,77,69,63,63,75,62,92,63,59,62,38,40,38,59,57,63,60,65,53,65,59,38,60,64,31,31,61,32,97,65,63,65,65,44,50,42,64,58,87,57,58,52,38,30,38,59];

/** Blocks whose glyphs are at most one em wide: Latin-1, general punctuation, kana, CJK and its punctuation, full-width forms. */
const ONE_EM = /[\u00a0-\u00ff\u2000-\u206f\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/** An upper bound of the width of `text` in em, in either weight; a glyph from any other block counts two. */
function emsAtMost(text: string): number {
  let hundredths = 0;
  for (const c of text) {
    const code = c.charCodeAt(0);
    hundredths += code >= 0x20 && code < 0x7f ? ASCII_EMS[code - 0x20]! : ONE_EM.test(c) ? 101 : 200;
  }
  return hundredths / 100;
}

/**
 * `text` as the lines it prints in at `fontSize` in `width` points: itself when it surely fits
 * or, past the estimate, when `measure` (its real width) says it does — a masked ID number or a
 * ticket number of digits fits its column by a hair — else `brokenLines`.
 */
export function linesOf(text: string, fontSize: number, width: number, measure?: (text: string) => number): string[] {
  if (text === '') return [];
  if (emsAtMost(text) * fontSize <= width || (measure && measure(text) <= width)) return [text];
  return brokenLines(text, fontSize, width);
}

// Kept with the character before them (no line starts with them) or after them (no line ends with them).
const CLOSING = new Set('，。、；：？！）》」』”’】〕,.;:?!)]}%');
const OPENING = new Set('（《「『“‘【〔([{');

const brokenCache = new Map<string, string[]>();

/**
 * `text` broken into lines of at most `width` points at `fontSize`, by the same upper bounds
 * as `run`, so each line prints as one run that never overflows: between CJK characters
 * anywhere, Latin words and numbers kept whole, no line starting with closing punctuation or
 * ending with opening. The same rules on 10,000 tickets are broken once.
 */
export function brokenLines(text: string, fontSize: number, width: number): string[] {
  const key = `${fontSize}\u0000${width}\u0000${text}`;
  const known = brokenCache.get(key);
  if (known) return known;
  const max = width / fontSize;
  const units: string[] = [];
  for (const piece of text.match(/[\x21-\x7e]+|\s+|[\s\S]/gu) ?? []) {
    const last = units.at(-1);
    if (last !== undefined && (CLOSING.has(piece) || OPENING.has(last.at(-1)!))) units[units.length - 1] = last + piece;
    else units.push(piece);
  }
  // A unit wider than a line (a long URL, a run of digits) is broken anywhere rather than overflow.
  for (let i = units.length - 1; i >= 0; i--) if (emsAtMost(units[i]!) > max) units.splice(i, 1, ...units[i]!);
  const lines: string[] = [];
  let line = '';
  let ems = 0;
  for (const unit of units) {
    const w = emsAtMost(unit);
    if (line !== '' && ems + w > max) {
      lines.push(line.trimEnd());
      line = '';
      ems = 0;
      if (/^\s+$/.test(unit)) continue;
    }
    line += unit;
    ems += w;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  if (brokenCache.size > 1_000) brokenCache.clear();
  brokenCache.set(key, lines);
  return lines;
}
