import { createRequire } from 'node:module';
import type PdfMake from 'pdfmake';
import type QRCode from 'qrcode';

const require = createRequire(import.meta.url);
let pdf: typeof PdfMake | undefined;
let qr: typeof QRCode | undefined;

/**
 * pdfmake (with pdfkit and fontkit), loaded on first use: the job registry the app opens with
 * names every printing job, and nothing before the first printed page needs these.
 */
export function loadPdfmake(): typeof PdfMake {
  return (pdf ??= require('pdfmake') as typeof PdfMake);
}

/** The QR encoder, loaded on first use like pdfmake. */
export function loadQRCode(): typeof QRCode {
  return (qr ??= require('qrcode') as typeof QRCode);
}
