import { crc32, deflateSync } from 'node:zlib';
import { loadQRCode } from './load-lazily';

/** The quiet zone the QR standard asks for around the code, in modules. */
const QUIET = 4;
/** Pixels a module: ~200 dpi at the ticket's 32 mm, so no viewer or printer has to smooth it. */
const SCALE = 8;
const MAX_TEXT = 200;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A QR code (the `qrcode` package's encoder, error correction M) as a black-and-white PNG of
 * one bit a pixel, quiet zone included: a few hundred bytes, which pdfkit embeds as they are
 * (no decoding). The package's own PNG renderer writes RGBA, which pdfkit must inflate and
 * split into colour and alpha for every ticket; its SVG costs ~10× more to lay out; a vector
 * path is not moved with its canvas by pdfmake.
 */
export function qrPng(text: string): Buffer {
  if (text.length === 0 || text.length > MAX_TEXT) throw new Error(`QR text of ${text.length} characters`);
  const { modules } = loadQRCode().create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const side = (n + 2 * QUIET) * SCALE;
  const stride = Math.ceil(side / 8) + 1;
  // Bit set: white. Each row starts with its filter byte (0: none).
  const raw = Buffer.alloc(stride * side);
  for (let y = 0; y < side; y++) {
    const row = y * stride;
    const my = Math.floor(y / SCALE) - QUIET;
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / SCALE) - QUIET;
      const dark = my >= 0 && my < n && mx >= 0 && mx < n && modules.data[my * n + mx] === 1;
      if (!dark) raw[row + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
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
