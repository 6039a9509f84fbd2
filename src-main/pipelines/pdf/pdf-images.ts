import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { PIXEL_LIMIT } from '../photos/check-photo';
import { headerSize, sniffImage } from '../photos/image-sniff';
import { loadPdfmake } from './load-lazily';

/** Larger than any photo the store accepts (5 MB): whatever is bigger is not one of ours. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** Past this side a photo goes through sharp: printed 30 mm wide, 1,200 pixels is ~1,000 dpi. */
const MAX_VERBATIM_SIDE = 1_200;
/** What a re-encoded photo is shrunk to fit: 300 dpi at 60 × 84 mm, twice the ticket's photo. */
const REENCODE_BOX = { width: 708, height: 992 };
const REENCODE_QUALITY = 90;

/**
 * The images of one document, handed to pdfmake through its in-memory file system: no base64
 * copy of each photo, no temporary files. The same bytes twice (a candidate in two sessions'
 * sheets) are one image in the PDF.
 *
 * pdfkit embeds a baseline JPEG verbatim, but a PNG it inflates while the PDF is written, in a
 * zlib callback that throws out of reach: a damaged PNG would take the process down, not just
 * the document. So only a JPEG that pdfkit will copy as it is goes in verbatim (its frame
 * header read the way pdfkit reads it, 8 bits, grey or RGB, upright, complete); anything else
 * (PNG, CMYK, rotated, huge, cut off) is decoded and re-encoded by sharp first, and what sharp
 * cannot decode prints as a placeholder.
 *
 * pdfmake's file system is one per process and cannot remove a file: `dispose` takes this
 * document's out again, so a worker printing document after document does not keep them.
 */
export class PdfImages {
  readonly dictionary: Record<string, string> = {};
  private readonly prefix = `pdf-images-${randomUUID()}-`;
  private readonly byHash = new Map<string, string | null>();
  private count = 0;
  /** Photos that went through sharp (for the bench's account of where time goes). */
  reencoded = 0;

  /** The key an `image` node names for a photo, or null when it cannot be printed (a placeholder then). */
  async addPhoto(bytes: Uint8Array | null | undefined): Promise<string | null> {
    if (!bytes || bytes.byteLength === 0 || bytes.byteLength > MAX_IMAGE_BYTES) return null;
    const buffer = asBuffer(bytes);
    const hash = createHash('sha1').update(buffer).digest('base64url');
    const known = this.byHash.get(hash);
    if (known !== undefined) return known;
    const usable = await printablePhoto(buffer);
    if (usable && usable !== buffer) this.reencoded++;
    const key = usable ? this.put(usable) : null;
    this.byHash.set(hash, key);
    return key;
  }

  /** An image the app made itself (a QR code), known to embed as it is. */
  addOwn(bytes: Buffer): string {
    return this.put(bytes);
  }

  private put(bytes: Buffer): string {
    const key = `${this.prefix}${this.count++}`;
    loadPdfmake().virtualfs.writeFileSync(key, bytes);
    this.dictionary[key] = key;
    return key;
  }

  get size(): number {
    return this.count;
  }

  dispose(): void {
    for (const key of Object.keys(this.dictionary)) delete loadPdfmake().virtualfs.storage[key];
  }
}

const asBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/**
 * A photo as pdfkit may embed it (see `PdfImages`): the bytes themselves when they are a JPEG
 * it copies as it is, else re-encoded by sharp; null when there is none or it cannot be printed.
 */
export async function printablePhoto(bytes: Uint8Array | null | undefined): Promise<Buffer | null> {
  if (!bytes || bytes.byteLength === 0 || bytes.byteLength > MAX_IMAGE_BYTES) return null;
  const buffer = asBuffer(bytes);
  return verbatimJpeg(buffer) ? buffer : reencode(buffer);
}

/** The start-of-frame markers at which pdfkit stops looking (its `MARKERS`). */
const PDFKIT_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf]);
/** Of those, the frames every PDF viewer decodes: baseline, extended and progressive Huffman. */
const VIEWABLE_SOF = new Set([0xc0, 0xc1, 0xc2]);

/** Where pdfkit finds the frame header, walking the markers as it does; null where it would throw. */
function pdfkitFrame(b: Buffer): number | null {
  let pos = 2;
  while (pos < b.length) {
    while (pos < b.length && b[pos] !== 0xff) pos++;
    if (pos + 4 > b.length) return null;
    const marker = b[pos + 1]!;
    if (PDFKIT_SOF.has(marker)) return pos;
    pos += 2 + b.readUInt16BE(pos + 2);
  }
  return null;
}

/** A JPEG that pdfkit copies into the PDF as it is and every viewer shows as it should. */
export function verbatimJpeg(b: Buffer): boolean {
  if (sniffImage(b).format !== 'jpeg') return false;
  const declared = headerSize(b, 'jpeg');
  if (!declared || declared.orientation !== 1) return false;
  const frame = pdfkitFrame(b);
  if (frame === null || frame + 10 > b.length || !VIEWABLE_SOF.has(b[frame + 1]!)) return false;
  const bits = b[frame + 4];
  const height = b.readUInt16BE(frame + 5);
  const width = b.readUInt16BE(frame + 7);
  const channels = b[frame + 9];
  if (bits !== 8 || (channels !== 1 && channels !== 3)) return false;
  if (width !== declared.width || height !== declared.height) return false;
  if (width === 0 || height === 0 || width > MAX_VERBATIM_SIDE || height > MAX_VERBATIM_SIDE) return false;
  // Its scan is there and it ends where a JPEG ends: a file cut short goes through sharp, which refuses it.
  let end = b.length;
  while (end > 0 && b[end - 1] === 0) end--;
  return b.indexOf(SOS, frame) > 0 && end >= 2 && b[end - 2] === 0xff && b[end - 1] === 0xd9;
}

const SOS = Buffer.from([0xff, 0xda]);

/** The photo decoded (EXIF orientation applied, transparency on white) and written as a plain JPEG; null when it does not decode cleanly. */
async function reencode(bytes: Buffer): Promise<Buffer | null> {
  if (!sniffImage(bytes).format) return null;
  try {
    const out = await sharp(bytes, { limitInputPixels: PIXEL_LIMIT, failOn: 'warning' })
      .rotate()
      .resize({ ...REENCODE_BOX, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: REENCODE_QUALITY })
      .toBuffer();
    return verbatimJpeg(out) ? out : null;
  } catch {
    return null;
  }
}
