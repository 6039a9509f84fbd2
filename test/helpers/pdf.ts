import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';

/** Page 1 of each kind of document, to look at (gitignored with the rest of test-results). */
export const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots');

/**
 * The text of a PDF (or of some of its pages) as poppler reads it; `flat`: without any white
 * space. By default in the order it was written (`-raw`: a table row, a label, a ticket's
 * fields in turn); `layout`: as the page shows it, line by line across columns.
 */
export function pdfText(path: string, o: { first?: number; last?: number; layout?: boolean } = {}): { text: string; flat: string } {
  const args = [o.layout ? '-layout' : '-raw', ...(o.first ? ['-f', String(o.first)] : []), ...(o.last ? ['-l', String(o.last)] : []), path, '-'];
  const text = execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { text, flat: text.replace(/\s+/g, '') };
}

export function pdfInfo(path: string): { pages: number; pageSize: string } {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), pageSize: /Page size:\s+(.*)/.exec(info)?.[1] ?? '' };
}

export function pdfFonts(path: string): string {
  return execFileSync('pdffonts', [path], { encoding: 'utf8' });
}

/** The images the PDF holds (each once, however many pages show it), as `pdfimages -list` reports them. */
export function pdfImageCount(path: string): number {
  const lines = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .trim()
    .split('\n')
    .slice(2);
  return new Set(lines.map((l) => l.trim().split(/\s+/)[10])).size;
}

/** One page as a PNG (`name`.png) in the screenshots folder; returns its path. */
export function pagePng(path: string, name: string, o: { page?: number; dpi?: number } = {}): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const page = String(o.page ?? 1);
  const out = join(SCREENSHOTS, name);
  execFileSync('pdftoppm', ['-png', '-r', String(o.dpi ?? 80), '-f', page, '-l', page, '-singlefile', path, out]);
  return `${out}.png`;
}

/** The text of the (one) QR code in an image, read with jsQR; null when none is found. */
export async function decodeQr(png: string): Promise<string | null> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data ?? null;
}
