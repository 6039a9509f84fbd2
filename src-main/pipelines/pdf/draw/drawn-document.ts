import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { makePrivateFile, PRIVATE_DIR_MODE } from '../../../files/private-fs';
import { loadPdfkit } from '../load-lazily';
import { BOLD, REGULAR, useKitFonts } from './kit-fonts';
import type { PdfKitDocument, PdfKitImage } from './pdfkit-types';

/** A4 in points, as pdfmake and pdfkit size it. */
export const A4 = { width: 595.28, height: 841.89 };

export interface TextStyle {
  size: number;
  bold?: boolean;
  /** #rrggbb; black when not given. */
  color?: string;
}

export type Align = 'left' | 'center' | 'right';

/**
 * A4 pages drawn with pdfkit directly, in the app's CJK font: lines of text at the point
 * where their line starts, rules, fills and images, and nothing else. pdfmake lays a whole
 * document out before it writes a byte — 10,000 admission tickets' nodes, lines and images
 * in memory at once — while a ticket's layout is fixed and known: drawn here, each page goes
 * to the file as soon as the next one starts.
 *
 * Colours, weights and rule widths are set only when they change; a new page starts from the
 * defaults again, as a PDF page does.
 */
export class DrawnDocument {
  private font = '';
  private size = 0;
  private fillColour = '';
  private strokeColour = '';
  private rule = 0;

  constructor(readonly kit: PdfKitDocument) {}

  newPage(): void {
    this.kit.addPage({ size: [A4.width, A4.height], margin: 0 });
    this.font = '';
    this.size = 0;
    this.fillColour = '';
    this.strokeColour = '';
    this.rule = 0;
  }

  /**
   * One line of `text` whose line box starts at `top`: its baseline is the font's ascent below
   * (0.88 em for Noto Sans Hans), where pdfmake puts it too. No wrapping: the caller has broken
   * the text into lines that fit.
   */
  text(text: string, x: number, top: number, style: TextStyle): void {
    if (text === '') return;
    this.use(style);
    this.setFill(style.color ?? '#000000');
    this.kit.text(text, x, top, { lineBreak: false });
  }

  /** `text` placed in a box `width` wide starting at `x`. */
  textIn(text: string, x: number, width: number, top: number, style: TextStyle, align: Align): void {
    if (text === '') return;
    const offset = align === 'left' ? 0 : width - this.width(text, style);
    this.text(text, x + (align === 'center' ? offset / 2 : offset), top, style);
  }

  width(text: string, style: TextStyle): number {
    this.use(style);
    return this.kit.widthOfString(text);
  }

  fillRect(x: number, y: number, w: number, h: number, colour: string): void {
    this.setFill(colour);
    this.kit.rect(x, y, w, h).fill();
  }

  /** Straight rules of one width and colour, stroked together: `[x1, y1, x2, y2]` each. */
  rules(segments: readonly (readonly [number, number, number, number])[], width: number, colour: string, dash?: number): void {
    if (segments.length === 0) return;
    if (this.rule !== width) this.kit.lineWidth((this.rule = width));
    if (this.strokeColour !== colour) this.kit.strokeColor((this.strokeColour = colour));
    if (dash) this.kit.dash(dash, { space: dash });
    for (const [x1, y1, x2, y2] of segments) this.kit.moveTo(x1, y1).lineTo(x2, y2);
    this.kit.stroke();
    if (dash) this.kit.undash();
  }

  image(image: PdfKitImage, x: number, y: number, width: number, height: number): void {
    this.kit.image(image, x, y, { width, height });
  }

  /** An image of this document from JPEG or PNG bytes pdfkit can embed as they are (see `printablePhoto`). */
  openImage(bytes: Buffer): PdfKitImage {
    return this.kit.openImage(bytes);
  }

  private use(style: TextStyle): void {
    const font = style.bold ? BOLD : REGULAR;
    if (this.font !== font) this.kit.font((this.font = font));
    if (this.size !== style.size) this.kit.fontSize((this.size = style.size));
  }

  private setFill(colour: string): void {
    if (this.fillColour !== colour) this.kit.fillColor((this.fillColour = colour));
  }
}

export interface DrawnInfo {
  title: string;
  /** Who the document is by: the institution's name. */
  author: string;
  subject?: string;
}

function open(info: DrawnInfo): DrawnDocument {
  const PDFDocument = loadPdfkit();
  const kit = new PDFDocument({
    size: [A4.width, A4.height],
    autoFirstPage: false,
    compress: true,
    pdfVersion: '1.3',
    info: { Title: info.title, Author: info.author, Creator: '考点助手', ...(info.subject ? { Subject: info.subject } : {}) },
    font: null,
  });
  useKitFonts(kit);
  return new DrawnDocument(kit);
}

/**
 * Draws a document into `path` (owner-only, like every file the app writes), through a
 * `.partial` file: a failed or cancelled drawing leaves nothing that looks like a PDF.
 */
export async function writeDrawnPdf(path: string, info: DrawnInfo, draw: (doc: DrawnDocument) => Promise<void>): Promise<void> {
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  const partial = `${path}.partial`;
  const doc = open(info);
  const out = createWriteStream(partial);
  const written = finished(out);
  // A failed disk must not go unobserved while pages are still being drawn.
  written.catch(() => {});
  doc.kit.pipe(out);
  try {
    await draw(doc);
    doc.kit.end();
    await written;
    makePrivateFile(partial);
    renameSync(partial, path);
  } catch (e) {
    doc.kit.unpipe(out);
    out.destroy();
    await written.catch(() => {});
    rmSync(partial, { force: true });
    throw e;
  }
}

/** The document as bytes, for a file that goes on into an archive. */
export async function drawnPdfBuffer(info: DrawnInfo, draw: (doc: DrawnDocument) => Promise<void>): Promise<Buffer> {
  const doc = open(info);
  const chunks: Buffer[] = [];
  doc.kit.on('data', (chunk) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.kit.on('end', resolve);
    doc.kit.on('error', reject);
  });
  await draw(doc);
  doc.kit.end();
  await ended;
  return Buffer.concat(chunks);
}
