/**
 * The part of pdfkit 0.19 the drawn documents use (the package ships no types). The members
 * starting with `_` are its internals that `kit-fonts.ts` needs to hand every document the
 * same parsed font; a pdfkit that changes them fails the exam-document tests at once.
 */
export interface PdfKitImage {
  width: number;
  height: number;
}

/** One font of one document: pdfkit's EmbeddedFont, which subsets a fontkit font into that document. */
export interface PdfKitFont {
  /** The fontkit font it subsets. */
  font: object;
}

export interface PdfKitDocument {
  page: { width: number; height: number };
  addPage(options?: { size: [number, number]; margin: number }): this;
  /** A font registered under `name` (`kit-fonts.ts`), or the bytes of one to parse. */
  font(src: string | Buffer): this;
  fontSize(size: number): this;
  fillColor(color: string): this;
  strokeColor(color: string): this;
  lineWidth(width: number): this;
  dash(length: number, options: { space: number }): this;
  undash(): this;
  text(text: string, x: number, y: number, options?: { lineBreak?: boolean; fill?: boolean; stroke?: boolean }): this;
  widthOfString(text: string): number;
  rect(x: number, y: number, w: number, h: number): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  fill(color?: string): this;
  stroke(color?: string): this;
  image(src: PdfKitImage, x: number, y: number, options: { width: number; height: number }): this;
  openImage(src: Buffer): PdfKitImage;
  save(): this;
  restore(): this;
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (e: Error) => void): this;
  pipe<T extends NodeJS.WritableStream>(destination: T): T;
  unpipe(destination?: NodeJS.WritableStream): this;
  end(): void;
  _font: PdfKitFont | null;
  _fontCount: number;
  _fontFamilies: Record<string, PdfKitFont>;
}

export interface PdfKitOptions {
  size: [number, number];
  autoFirstPage: false;
  compress: boolean;
  pdfVersion?: string;
  info: { Title: string; Author: string; Subject?: string; Creator: string };
  /** No default font: pdfkit would load Helvetica's metrics for nothing. */
  font: null;
}

export type PdfKitConstructor = new (options: PdfKitOptions) => PdfKitDocument;

/** pdfkit's EmbeddedFont, reached through a font it made. */
export type PdfKitFontConstructor = new (document: PdfKitDocument, font: object, id: string) => PdfKitFont;
