import { crc32, deflateSync } from 'node:zlib';
import { loadQRCode } from './load-lazily';

/** The quiet zone the QR standard asks for around the code, in modules. */
const QUIET = 4;
/** Pixels a module: ~200 dpi at the ticket's 32 mm, so no viewer or printer has to smooth it; and one byte of a row. */
const SCALE = 8;
const MAX_TEXT = 200;
/** The QR code's alphanumeric mode: 45 characters, 5.5 bits each. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A QR code (the `qrcode` package's encoder, error correction M) as a black-and-white PNG of
 * one bit a pixel, quiet zone included: a few hundred bytes, which pdfkit embeds as they are
 * (no decoding). The package's own PNG renderer writes RGBA, which pdfkit must inflate and
 * split into colour and alpha for every ticket.
 */
export function qrPng(text: string): Buffer {
  if (text.length === 0 || text.length > MAX_TEXT) throw new Error(`QR text of ${text.length} characters`);
  // A ticket's QR text (1X1-准考证号-校验码) is all in the alphanumeric set: encoded as one
  // segment, it skips the encoder's search for the shortest split into modes (a third of its
  // time). For a ticket's 33 characters both come out as version 2; a longer text may take one
  // version more, and scans all the same.
  const data = ALPHANUMERIC.test(text) ? [{ data: text, mode: 'alphanumeric' as const }] : text;
  const { modules } = loadQRCode().create(data, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const side = (n + 2 * QUIET) * SCALE;
  const stride = side / 8 + 1;
  // Bit set: white. Each row starts with its filter byte. At 8 pixels a module, a module is one
  // byte of a row; of a module's 8 rows of pixels, the first is written out (filter 0: none)
  // and the other 7 say "same as the row above" (filter 2, up, and zeros): half the deflating.
  const raw = Buffer.alloc(stride * side);
  for (let my = -QUIET; my < n + QUIET; my++) {
    const first = (my + QUIET) * SCALE * stride;
    raw.fill(0xff, first + 1, first + stride);
    if (my >= 0 && my < n) for (let mx = 0; mx < n; mx++) if (modules.data[my * n + mx] === 1) raw[first + 1 + QUIET + mx] = 0;
    for (let copy = 1; copy < SCALE; copy++) raw[first + copy * stride] = 2;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(type)));
  return Buffer.concat([head, data, crc]);
}
