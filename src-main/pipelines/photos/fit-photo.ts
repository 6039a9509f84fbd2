import sharp, { type Sharp } from 'sharp';

/**
 * The opt-in auto-fix: scale to cover the target, then cut the overflow. Cutting height keeps
 * more of the top than of the bottom, because in a head-and-shoulders photo the head sits high
 * and losing the chest costs less than losing the hair.
 */
export const HEAD_BIAS = 0.35;

export interface CoverCrop {
  resizeWidth: number;
  resizeHeight: number;
  left: number;
  top: number;
}

export function coverCrop(width: number, height: number, target: { width: number; height: number }): CoverCrop {
  const scale = Math.max(target.width / width, target.height / height);
  const resizeWidth = Math.max(target.width, Math.round(width * scale));
  const resizeHeight = Math.max(target.height, Math.round(height * scale));
  return {
    resizeWidth,
    resizeHeight,
    left: Math.round((resizeWidth - target.width) / 2),
    top: Math.round((resizeHeight - target.height) * HEAD_BIAS),
  };
}

/**
 * The fixed image as sharp will produce it (EXIF orientation applied first, so a phone photo
 * taken upright stays upright). `width`/`height` are the oriented size of the input.
 */
export function fitted(input: Buffer, size: { width: number; height: number }, target: { width: number; height: number }, limitInputPixels: number): Sharp {
  const crop = coverCrop(size.width, size.height, target);
  return sharp(input, { limitInputPixels })
    .autoOrient()
    .resize(crop.resizeWidth, crop.resizeHeight, { fit: 'fill' })
    .extract({ left: crop.left, top: crop.top, width: target.width, height: target.height });
}
