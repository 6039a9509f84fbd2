import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fontDir } from '../fonts';
import { loadPdfkit } from '../load-lazily';
import type { PdfKitDocument, PdfKitFontConstructor } from './pdfkit-types';

/** The names a drawn document selects its two weights by (`doc.font(BOLD)`). */
export const REGULAR = 'NotoSansHans-Regular';
export const BOLD = 'NotoSansHans-Bold';

interface ParsedFonts {
  EmbeddedFont: PdfKitFontConstructor;
  fonts: [string, object][];
}

let parsed: ParsedFonts | undefined;

/**
 * The CJK font's two weights, read and parsed once per process. pdfkit parses a font given by
 * path or bytes again for every document — ~0.4 s for the 8.4 MB Noto Sans Hans, which made a
 * ZIP of one ticket PDF a candidate take a quarter of a second a ticket — though the parsed
 * font is only read while a document lays out and subsets its glyphs. So a throwaway
 * document parses each weight once, and every drawn document gets its own pdfkit font (its
 * own subset, embedded in that document only) around the same parsed font.
 */
function parsedFonts(): ParsedFonts {
  if (parsed) return parsed;
  const PDFDocument = loadPdfkit();
  const probe = new PDFDocument({ size: [100, 100], autoFirstPage: false, compress: true, info: { Title: '', Author: '', Creator: '' }, font: null });
  const fonts: [string, object][] = [];
  let EmbeddedFont: PdfKitFontConstructor | undefined;
  for (const [name, file] of [
    [REGULAR, 'NotoSansHans-Regular.otf'],
    [BOLD, 'NotoSansHans-Bold.otf'],
  ] as const) {
    probe.font(readFileSync(join(fontDir(), file)));
    const font = probe._font!;
    EmbeddedFont = font.constructor as PdfKitFontConstructor;
    fonts.push([name, font.font]);
  }
  parsed = { EmbeddedFont: EmbeddedFont!, fonts };
  return parsed;
}

/** Gives a new document both weights, by `REGULAR` and `BOLD`; only a weight it draws with is embedded. */
export function useKitFonts(doc: PdfKitDocument): void {
  const { EmbeddedFont, fonts } = parsedFonts();
  for (const [name, font] of fonts) doc._fontFamilies[name] = new EmbeddedFont(doc, font, `F${++doc._fontCount}`);
}
