import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { PHOTO_RULES } from '../../../src-shared/api/photos';
import { BACKGROUND_LABELS, classifyBackground, describeRgb, frameAverage, type Background, type Rgb } from './border-colour';
import { fitted } from './fit-photo';
import { headerSize, sniffImage } from './image-sniff';
import type { PhotoCode } from './photo-codes';
import { pngFacts } from './png-chunks';

/**
 * One photo against the manual's rules (2.2.4: JPG/PNG, ≤ 5 MB, 295×413, 红底), cheapest test
 * first: file size, magic bytes, the header (sharp's, with the pixel limit, unless our own read
 * already shows an upright 295×413), then one full decode for the border. Size and border are
 * judged on the photo as it is shown, EXIF orientation applied; what is stored never carries an
 * orientation other than upright.
 */

/**
 * No photo worth having needs more pixels than a 48-megapixel phone camera; a PNG that declares
 * 20,000×20,000 would take 1.2 GB to decode. sharp refuses it from the header, before decoding.
 */
export const PIXEL_LIMIT = 50_000_000;

/**
 * Photo checks in flight. Measured on 2 cores with libuv's 4 threads: 8 beat 4 by ~12% (each
 * check's set-up on the main thread is hidden behind decodes already queued), where TOOLCHAIN.md
 * suggests 4. Memory stays small: only exact-size photos (365 KB of pixels) are decoded whole.
 */
export const CHECKS_AT_ONCE = 8;

/** Re-encoding quality of a fixed photo: visually lossless at this size, ~30 KB. */
export const FIX_QUALITY = 90;

export interface AcceptedPhoto {
  data: Buffer;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  size: number;
  sha256: string;
  background: Background;
}

export type PhotoCheck = { ok: true; photo: AcceptedPhoto; fixed: boolean; message: string } | { ok: false; code: PhotoCode; message: string; background?: Background };

export interface PhotoCheckOptions {
  /** Resize/crop a wrong-sized photo to 295×413 instead of refusing it. */
  fix: boolean;
}

const TARGET = { width: PHOTO_RULES.width, height: PHOTO_RULES.height };
const TARGET_TEXT = `${TARGET.width}×${TARGET.height} 像素`;

function refuse(code: PhotoCode, message: string, background?: Background): PhotoCheck {
  return background ? { ok: false, code, message, background } : { ok: false, code, message };
}

const MB = 1024 * 1024;

/** One decimal, so 5.1 MB does not read as “5 MB, over the 5 MB limit”. */
export function tooLargeMessage(bytes: number): string {
  return `照片有 ${(bytes / MB).toFixed(1)} MB，超过 ${PHOTO_RULES.maxBytes / MB} MB 的上限`;
}

export async function checkPhoto(bytes: Buffer, options: PhotoCheckOptions): Promise<PhotoCheck> {
  if (bytes.length > PHOTO_RULES.maxBytes) return refuse('TOO_LARGE', tooLargeMessage(bytes.length));
  const sniffed = sniffImage(bytes);
  if (!sniffed.format) return refuse('NOT_IMAGE', `不是图片：文件内容是${sniffed.what}，只接受 JPG 或 PNG 格式的照片`);

  // A viewer shows an APNG's first frame; the tickets, the platform or a browser may show another.
  if (sniffed.format === 'png' && pngFacts(bytes)?.animated) return refuse('ANIMATED', '照片是动画 PNG（APNG）：只接受静态照片，请另存为普通的 JPG 或 PNG 后再导入');

  const declared = headerSize(bytes, sniffed.format);
  // Judged as every viewer shows it, EXIF orientation applied: a phone photo stored sideways
  // at 413×295 with orientation 6 is an upright 295×413 photo.
  const header = declared && declared.orientation === 1 && isTarget(declared) ? { size: declared, orientation: 1 } : await readHeader(bytes);
  if ('ok' in header) return header;
  const { size, orientation } = header;
  if (isTarget(size)) {
    let raw: { data: Buffer; info: OutputInfo };
    try {
      // The whole image is decoded, not just the border: a truncated JPEG must be found here.
      const image = sharp(bytes, { limitInputPixels: PIXEL_LIMIT });
      raw = await (orientation === 1 ? image : image.autoOrient()).raw().toBuffer({ resolveWithObject: true });
    } catch (e) {
      return unreadable(bytes, e);
    }
    const background = judgeBackground(frameAverage(raw.data, raw.info.width, raw.info.height, raw.info.channels));
    if (!background.ok) return background.refusal;
    const cargo = bytes.length > storedBytesLimit(raw.info.channels);
    if (orientation === 1 && !cargo) return { ok: true, fixed: false, message: '照片合格', photo: accepted(bytes, sniffed.format, TARGET.width, TARGET.height) };
    // Stored turned upright, with no orientation left: the platform, the tickets and every
    // program that ignores the tag see the photo as the person does. Stored from its pixels alone
    // when the file carries more than any 295×413 image needs: the cargo would ride along into
    // the store, every package and every ticket.
    const upright = sharp(raw.data, { raw: { width: raw.info.width, height: raw.info.height, channels: raw.info.channels } });
    const data = await (sniffed.format === 'png' ? upright.png() : upright.jpeg({ quality: FIX_QUALITY })).toBuffer();
    const done = [orientation !== 1 && '已按拍摄方向转正', cargo && `已去掉文件中图像以外的约 ${Math.round((bytes.length - data.length) / 1024)} KB 附加数据`];
    return { ok: true, fixed: false, message: `照片合格（${done.filter(Boolean).join('，')}）`, photo: accepted(data, sniffed.format, TARGET.width, TARGET.height) };
  }
  if (!options.fix) return refuse('SIZE', `照片尺寸是 ${size.width}×${size.height} 像素，应为 ${TARGET_TEXT}（可选择“自动调整尺寸”）`);

  let pixels: { data: Buffer; info: OutputInfo };
  try {
    // Transparency becomes white, as on paper (and as the border check of an exact-size PNG sees it).
    pixels = await fitted(bytes, size, TARGET, PIXEL_LIMIT).flatten({ background: '#ffffff' }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  } catch (e) {
    return unreadable(bytes, e);
  }
  // Judged after the crop: the fix changes size, never colour, so a blue photo stays refused.
  const background = judgeBackground(frameAverage(pixels.data, pixels.info.width, pixels.info.height, pixels.info.channels));
  if (!background.ok) return background.refusal;
  const jpeg = await sharp(pixels.data, { raw: { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels } })
    .jpeg({ quality: FIX_QUALITY })
    .toBuffer();
  return {
    ok: true,
    fixed: true,
    message: `照片合格（已从 ${size.width}×${size.height} 自动调整为 ${TARGET_TEXT}）`,
    photo: accepted(jpeg, 'jpeg', TARGET.width, TARGET.height),
  };
}

interface Size {
  width: number;
  height: number;
}

/**
 * The most a 295×413 photo's file needs: its pixels stored uncompressed, plus room for a colour
 * profile and a camera's EXIF. Anything beyond is text, thumbnails or another file riding along.
 */
function storedBytesLimit(channels: number): number {
  return TARGET.width * TARGET.height * channels + 64 * 1024;
}

function isTarget(size: Size): boolean {
  return size.width === TARGET.width && size.height === TARGET.height;
}

/** sharp's reading of the header, with the pixel limit (a decompression bomb stops here): the size as shown, and the orientation that shows it so. */
async function readHeader(bytes: Buffer): Promise<{ size: Size; orientation: number } | PhotoCheck> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: PIXEL_LIMIT }).metadata();
  } catch (e) {
    return unreadable(bytes, e);
  }
  return { size: meta.autoOrient ?? { width: meta.width, height: meta.height }, orientation: meta.orientation ?? 1 };
}

function accepted(data: Buffer, format: 'jpeg' | 'png', width: number, height: number): AcceptedPhoto {
  return { data, format, width, height, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), background: 'red' };
}

function judgeBackground(rgb: Rgb): { ok: true } | { ok: false; refusal: PhotoCheck } {
  const background = classifyBackground(rgb);
  if (background === 'red') return { ok: true };
  const message = background === 'other' ? `照片底色不是红色（边缘平均颜色 ${describeRgb(rgb)}），应为红底` : `照片底色是${BACKGROUND_LABELS[background]}，应为红底`;
  return { ok: false, refusal: refuse('BACKGROUND', message, background) };
}

async function unreadable(bytes: Buffer, e: unknown): Promise<PhotoCheck> {
  const reason = e instanceof Error ? e.message : String(e);
  if (/pixel limit/i.test(reason)) {
    // The header alone, read again without the limit, only to say how big it claims to be.
    const declared = await sharp(bytes, { limitInputPixels: false })
      .metadata()
      .then((m) => `${m.width}×${m.height} 像素`)
      .catch(() => '过大的尺寸');
    return refuse('PIXELS', `图片声明的尺寸为 ${declared}，超过 ${PIXEL_LIMIT / 10_000} 万像素的上限（可能是“解压炸弹”），未解码即已拒绝`);
  }
  return refuse('DECODE', `图片已损坏或不完整，无法解码（${reason.split('\n')[0]!.slice(0, 120)}）`);
}
