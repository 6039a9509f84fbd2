/**
 * What a file really is, from its first bytes: people rename a PDF, a phone's HEIC or a
 * screenshot to `.jpg`, and the extension proves nothing.
 */
export type SniffResult = { format: 'jpeg' | 'png' } | { format: null; what: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Formats people commonly mistake for photos, so the message can say what the file is.
const OTHERS: { what: string; test: (b: Buffer) => boolean }[] = [
  { what: 'PDF 文档', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { what: 'GIF 动图', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { what: 'BMP 位图', test: (b) => b.subarray(0, 2).toString('latin1') === 'BM' },
  { what: 'WebP 图片', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { what: '苹果手机的 HEIC 照片', test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' && /^(heic|heix|mif1|msf1|hevc)$/.test(b.subarray(8, 12).toString('latin1')) },
  { what: 'TIFF 图片', test: (b) => ['II*\0', 'MM\0*'].includes(b.subarray(0, 4).toString('latin1')) },
  { what: '压缩包或 Office 文档', test: (b) => b.subarray(0, 4).toString('latin1') === 'PK\x03\x04' },
  { what: '旧版 Office 文档', test: (b) => b.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])) },
];

export function sniffImage(bytes: Buffer): SniffResult {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { format: 'jpeg' };
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { format: 'png' };
  if (bytes.length === 0) return { format: null, what: '空文件' };
  return { format: null, what: OTHERS.find((o) => o.test(bytes))?.what ?? '未知格式的文件' };
}

// JPEG markers that start a frame and carry its size (SOF0–SOF15 but DHT, JPG and DAC).
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const APP1 = 0xe1;
const EXIF_ID = Buffer.from('Exif\0\0', 'latin1');

/** What a header declares: the stored pixel size and the EXIF orientation (1–8; 1 when none is given). */
export interface DeclaredImage {
  width: number;
  height: number;
  orientation: number;
}

/**
 * The pixel size and EXIF orientation a JPEG or PNG header declares, read by hand: most photos in
 * a ZIP are the right size and upright, and for them this spares sharp a whole pass. A phone's
 * photo often stores its pixels sideways with an orientation tag that every viewer applies, so
 * the tag is read too (from the first APP1 Exif segment of a JPEG, or a PNG's eXIf chunk before
 * its image data). Null when the header, or the Exif block in it, is not as it should be: sharp
 * then reads it, and says what is wrong.
 */
export function headerSize(bytes: Buffer, format: 'jpeg' | 'png'): DeclaredImage | null {
  return format === 'png' ? pngHeader(bytes) : jpegHeader(bytes);
}

function jpegHeader(bytes: Buffer): DeclaredImage | null {
  let orientation: number | null = null;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (SOF.has(marker)) return { width: bytes.readUInt16BE(i + 7), height: bytes.readUInt16BE(i + 5), orientation: orientation ?? 1 };
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      i += 2;
      continue;
    }
    const length = bytes.readUInt16BE(i + 2);
    if (marker === APP1 && orientation === null && bytes.compare(EXIF_ID, 0, EXIF_ID.length, i + 4, i + 10) === 0) {
      orientation = exifOrientation(bytes, i + 10, Math.min(bytes.length, i + 2 + length));
      if (orientation === null) return null;
    }
    i += 2 + length;
  }
  return null;
}

function pngHeader(bytes: Buffer): DeclaredImage | null {
  if (bytes.length < 24 || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  const size = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  // Chunks up to the image data: length, type, data, CRC.
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT' || type === 'IEND') return { ...size, orientation: 1 };
    if (type === 'eXIf') {
      const orientation = exifOrientation(bytes, at + 8, Math.min(bytes.length, at + 8 + length));
      return orientation === null ? null : { ...size, orientation };
    }
    at += 12 + length;
  }
  return null;
}

const ORIENTATION_TAG = 0x0112;
const SHORT = 3;

/** The Orientation tag of IFD0 in the TIFF block at `start`: 1 when absent, null when the block is broken or the value is not 1–8. */
function exifOrientation(b: Buffer, start: number, end: number): number | null {
  if (end - start < 8 || b[start] !== b[start + 1]) return null;
  const le = b[start] === 0x49; // "II" little-endian, "MM" big-endian
  if (!le && b[start] !== 0x4d) return null;
  if (u16(b, start + 2, le) !== 42) return null;
  const ifd = start + (le ? b.readUInt32LE(start + 4) : b.readUInt32BE(start + 4));
  if (ifd + 2 > end) return null;
  const count = u16(b, ifd, le);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > end) return null;
    if (u16(b, entry, le) !== ORIENTATION_TAG) continue;
    const value = u16(b, entry + 8, le);
    return u16(b, entry + 2, le) === SHORT && value >= 1 && value <= 8 ? value : null;
  }
  return 1;
}

function u16(b: Buffer, at: number, le: boolean): number {
  return le ? b.readUInt16LE(at) : b.readUInt16BE(at);
}
