import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { makePrivateFile, PRIVATE_DIR_MODE } from '../../files/private-fs';
import { fontDir, pdfFonts } from './fonts';
import type { PdfDocument } from './document-kit';
import type { PdfImages } from './pdf-images';
import { loadPdfmake } from './load-lazily';

let configured = false;

/**
 * pdfmake is one object per process: its fonts are ours, and a document may fetch nothing —
 * no URL, no local file but the font folder — whatever text ends up in it (a candidate's name
 * is data, never a path to an image). Images come only through `PdfImages`.
 */
function configure(): void {
  if (configured) return;
  const fonts = resolve(fontDir()) + sep;
  const pdfmake = loadPdfmake();
  pdfmake.setFonts(pdfFonts());
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(fonts));
  configured = true;
}

export interface RenderOptions {
  /** The images the document's `image` nodes name. */
  images?: PdfImages;
  /** While pages are drawn (after the layout), the share drawn so far, 0–1; it may throw to stop. */
  onProgress?: (fraction: number) => void;
}

function output(doc: PdfDocument, options: RenderOptions) {
  configure();
  const pdfmake = loadPdfmake();
  // pdfmake reads its progress callback when a document is created: set just for this one.
  pdfmake.setProgressCallback(options.onProgress);
  try {
    return pdfmake.createPdf(options.images ? { ...doc, images: options.images.dictionary } : doc);
  } finally {
    pdfmake.setProgressCallback(undefined);
  }
}

/**
 * Writes a document to `path` (owner-only, like every file the app writes), through a
 * `.partial` file: a failed or cancelled render leaves nothing that looks like a PDF.
 */
export async function renderPdf(doc: PdfDocument, path: string, options: RenderOptions = {}): Promise<void> {
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  const partial = `${path}.partial`;
  try {
    await output(doc, options).write(partial);
    makePrivateFile(partial);
    renameSync(partial, path);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

/** The document as bytes, for a file that goes on into an archive. */
export async function renderPdfBuffer(doc: PdfDocument, options: RenderOptions = {}): Promise<Buffer> {
  return output(doc, options).getBuffer();
}
