import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { AppError } from '../../../src-shared/errors';
import { sniffImage } from '../../pipelines/photos/image-sniff';
import { alphaRing } from '../../pipelines/photos/alpha-ring';
import { pngFacts } from '../../pipelines/photos/png-chunks';

/** Larger than any pad on a screen; past it the image is not a drawn signature. */
const MAX_SIDE = 4000;
/** Pixels of ink a signature has at the least: a dot or a stray click is not one. */
const MIN_INK = 40;
const INK_ALPHA = 32;
/** A pad's PNG carries no text chunks; an encoder's few bytes are let through. */
const MAX_TEXT_BYTES = 4096;

const refuse = (message: string) => new AppError('VALIDATION', message, { field: 'signature' });

/**
 * The handwritten signature of a sitting, as the pad drew it: a PNG of ink on a transparent
 * ground. An empty pad (or one with a mere dot) is refused, as the page refuses it.
 */
export async function checkSignature(bytes: Buffer): Promise<{ png: Buffer; sha256: string }> {
  if (sniffImage(bytes).format !== 'png') throw refuse('签名图片格式不正确：请清除后重新签名。');
  // A pad draws one static frame with no text: anything else was made elsewhere, refused before decoding.
  const facts = pngFacts(bytes);
  if (!facts) throw refuse('签名图片无法读取：请清除后重新签名。');
  if (facts.width > MAX_SIDE || facts.height > MAX_SIDE)
    throw refuse(`签名图片的尺寸为 ${facts.width}×${facts.height} 像素，过大（每边不超过 ${MAX_SIDE} 像素）：请清除后重新签名。`);
  if (facts.animated) throw refuse('签名图片是动画（APNG），不是签名板上的手写签名：请清除后重新签名。');
  if (facts.textBytes > MAX_TEXT_BYTES) throw refuse('签名图片夹带了大量文字信息，不是签名板上的手写签名：请清除后重新签名。');
  let ring: ReturnType<typeof alphaRing>;
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_SIDE * MAX_SIDE, failOn: 'error' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    ring = alphaRing(data, info.width, info.height, info.channels, INK_ALPHA);
  } catch {
    throw refuse('签名图片无法读取：请清除后重新签名。');
  }
  if (ring.visible < MIN_INK) throw refuse('签名为空：请在签名板上手写签名后再确认。');
  // Ink on a transparent ground: an opaque edge all round is a photo or a scan with its paper, not a drawn signature.
  if (ring.opaqueShare >= 0.9) throw refuse('签名图片有底色：签名应为透明背景上的手写笔迹，请清除后在签名板上重新签名。');
  return { png: bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
