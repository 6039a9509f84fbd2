import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { SEAL_RULES, type SealProblem, type SealProblemCode } from '../../../src-shared/domain/seal';
import { sniffImage } from '../../pipelines/photos/image-sniff';
import { alphaRing } from '../../pipelines/photos/alpha-ring';
import { pngFacts } from '../../pipelines/photos/png-chunks';

export interface CheckedSeal {
  png: Buffer;
  width: number;
  height: number;
  size: number;
  sha256: string;
  warnings: string[];
}

export type SealCheck = { ok: true; seal: CheckedSeal } | { ok: false; problems: SealProblem[] };

const MB = 1024 * 1024;
const side = SEAL_RULES.recommendedSide;

const problem = (code: SealProblemCode, message: string): SealProblem => ({ code, message });
const refuse = (...problems: SealProblem[]): SealCheck => ({ ok: false, problems });

/** Said from the size alone: a file past the limit is not read. */
export function sealTooLarge(bytes: number): SealCheck {
  return refuse(problem('TOO_LARGE', `签名章图片有 ${(bytes / MB).toFixed(1)} MB，超过 1 MB 的上限，请压缩后再上传。`));
}

/** The recommendation the rules do not enforce: a seal of another size is printed scaled. */
export function sealWarnings(width: number, height: number): string[] {
  return width === side && height === side ? [] : [`签名章图片为 ${width}×${height} 像素，建议 ${side}×${side} 像素：可以使用，但加盖效果可能不理想，请预览后确认。`];
}

/**
 * A seal image against the manual's rules (3.1: PNG, 无底色, 正方形, 95×95 建议, ≤ 1 MB), by
 * content: the magic bytes and sharp's decode, never the file name. File-level faults stop the
 * check; the image's own faults (no alpha, not square, an opaque border, nothing visible) are all
 * reported at once, each in its own words, so one new export fixes them all.
 */
export async function checkSeal(bytes: Buffer): Promise<SealCheck> {
  if (bytes.length > SEAL_RULES.maxBytes) return sealTooLarge(bytes.length);
  const sniffed = sniffImage(bytes);
  if (sniffed.format !== 'png') {
    const what = sniffed.format === null ? sniffed.what : 'JPG 图片';
    return refuse(problem('NOT_PNG', `不是 PNG 图片：文件内容是${what}。签名章只接受 PNG 格式，改扩展名不能改变格式，请导出为 PNG 后再上传。`));
  }
  // The chunks first, before sharp reads a pixel: a bomb's IHDR, an animation, a cargo of text.
  const facts = pngFacts(bytes);
  if (!facts) return refuse(problem('DECODE', 'PNG 文件已损坏，无法读取，请重新导出后再上传。'));
  if (facts.width > SEAL_RULES.maxSide || facts.height > SEAL_RULES.maxSide)
    return refuse(
      problem('TOO_MANY_PIXELS', `签名章图片声明的尺寸为 ${facts.width}×${facts.height} 像素，过大（每边不超过 ${SEAL_RULES.maxSide} 像素，建议 ${side}×${side}），已拒绝。`),
    );
  if (facts.animated) return refuse(problem('ANIMATED', '签名章图片是动画（APNG）：签名章须为静态图片、不得为动画，请导出为静态 PNG 后再上传。'));
  if (facts.textBytes > SEAL_RULES.maxTextBytes)
    return refuse(
      problem(
        'TEXT_CHUNKS',
        `签名章图片夹带了 ${Math.ceil(facts.textBytes / 1024)} KB 的文字信息（超过 ${SEAL_RULES.maxTextBytes / 1024} KB）：请去掉图片的元数据后重新导出为 PNG。`,
      ),
    );
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    return refuse(problem('DECODE', 'PNG 文件已损坏，无法读取，请重新导出后再上传。'));
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width > SEAL_RULES.maxSide || height > SEAL_RULES.maxSide)
    return refuse(problem('TOO_MANY_PIXELS', `签名章图片为 ${width}×${height} 像素，过大（每边不超过 ${SEAL_RULES.maxSide} 像素，建议 ${side}×${side}）。`));

  const problems: SealProblem[] = [];
  if (!meta.hasAlpha) problems.push(problem('NO_ALPHA', '图片没有透明通道，不是无底色的签名章：请导出带透明背景的 PNG。'));
  if (width !== height) problems.push(problem('NOT_SQUARE', `图片不是正方形（${width}×${height} 像素）：请裁剪为正方形，建议 ${side}×${side} 像素。`));
  if (meta.hasAlpha) {
    let ring: ReturnType<typeof alphaRing>;
    try {
      const raw = await sharp(bytes, { limitInputPixels: SEAL_RULES.maxSide ** 2, failOn: 'error' })
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      ring = alphaRing(raw.data, raw.info.width, raw.info.height, raw.info.channels, SEAL_RULES.borderAlphaMax);
    } catch {
      return refuse(problem('DECODE', 'PNG 文件已损坏，无法读取，请重新导出后再上传。'));
    }
    if (ring.opaqueShare >= 0.9) problems.push(problem('BORDER_OPAQUE', '图片有底色：四周边缘不透明。签名章应为无底色图片，请去掉背景色后导出为透明背景的 PNG。'));
    else if (ring.opaqueShare > 0) problems.push(problem('BORDER_OPAQUE', '签名章贴到了图片边缘：最外一圈像素须是透明的，请在四周留出透明边距后再上传。'));
    else if (ring.visible === 0) problems.push(problem('EMPTY', '图片是全透明的，看不到签名章的内容。'));
  }
  if (problems.length) return refuse(...problems);
  return { ok: true, seal: { png: bytes, width, height, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), warnings: sealWarnings(width, height) } };
}
