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

/**
 * The pixel size a JPEG or PNG header declares, read by hand: most photos in a ZIP are the
 * right size, and for them this spares sharp a whole pass. Null when the header is not where
 * it should be (sharp then reads it, and says what is wrong).
 */
export function headerSize(bytes: Buffer, format: 'jpeg' | 'png'): { width: number; height: number } | null {
  if (format === 'png')
    return bytes.length >= 24 && bytes.subarray(12, 16).toString('latin1') === 'IHDR' ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : null;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (SOF.has(marker)) return { width: bytes.readUInt16BE(i + 7), height: bytes.readUInt16BE(i + 5) };
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      i += 2;
      continue;
    }
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  return null;
}
