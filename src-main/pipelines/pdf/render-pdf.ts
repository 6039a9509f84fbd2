import { mkdirSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import pdfmake from 'pdfmake';
import { makePrivateFile, PRIVATE_DIR_MODE } from '../../files/private-fs';
import { fontDir, pdfFonts } from './fonts';
import type { PdfDocument } from './document-kit';

let configured = false;

/**
 * pdfmake is one object per process: its fonts are ours, and a document may fetch nothing —
 * no URL, no local file but the font folder — whatever text ends up in it (a candidate's name
 * is data, never a path to an image).
 */
function configure(): void {
  if (configured) return;
  const fonts = resolve(fontDir()) + sep;
  pdfmake.setFonts(pdfFonts());
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(fonts));
  configured = true;
}

/** Writes a document to `path` (owner-only, like every file the app writes). */
export async function renderPdf(doc: PdfDocument, path: string): Promise<void> {
  configure();
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  await pdfmake.createPdf(doc).write(path);
  makePrivateFile(path);
}
