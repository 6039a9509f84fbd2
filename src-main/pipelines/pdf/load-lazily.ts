import { createRequire } from 'node:module';
import type PdfMake from 'pdfmake';
import type QRCode from 'qrcode';
import type { PdfKitConstructor } from './draw/pdfkit-types';

const require = createRequire(import.meta.url);
let pdf: typeof PdfMake | undefined;
let kit: PdfKitConstructor | undefined;
let qr: typeof QRCode | undefined;
let fk: unknown;

/** Resolves from pdfmake's own folder, so pdfkit and fontkit are always the ones pdfmake prints with. */
const fromPdfmake = () => createRequire(require.resolve('pdfmake'));

/**
 * pdfmake (with pdfkit and fontkit), loaded on first use: the job registry the app opens with
 * names every printing job, and nothing before the first printed page needs these.
 */
export function loadPdfmake(): typeof PdfMake {
  return (pdf ??= require('pdfmake') as typeof PdfMake);
}

/**
 * pdfkit as pdfmake brings it (resolved from pdfmake's own folder, so the two never differ),
 * for the documents drawn page by page without pdfmake's layout (admission tickets).
 */
export function loadPdfkit(): PdfKitConstructor {
  return (kit ??= fromPdfmake()('pdfkit') as PdfKitConstructor);
}

/** fontkit as pdfkit brings it: the font parser of every printed page, for the charts' outlined letters. */
export function loadFontkit<T>(): T {
  return (fk ??= createRequire(fromPdfmake().resolve('pdfkit'))('fontkit')) as T;
}

/** The QR encoder, loaded on first use like pdfmake. */
export function loadQRCode(): typeof QRCode {
  return (qr ??= require('qrcode') as typeof QRCode);
}
