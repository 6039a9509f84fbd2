import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { PHOTO_RULES } from '../../../src-shared/api/photos';
import { seeded } from './fake-people';

export type PhotoBackground = 'red' | 'blue' | 'white';

export interface GeneratedPhotoOptions {
  /** 红底 by default, as the platform wants; blue and white are what schools often get wrong. */
  background?: PhotoBackground;
  width?: number;
  height?: number;
  format?: 'jpeg' | 'png';
  quality?: number;
}

type Rgb = readonly [number, number, number];

const EYE: Rgb = [40, 30, 30];
const LIPS: Rgb = [170, 80, 80];

// The colours studios use for 证件照 backgrounds.
const BACKGROUNDS: Record<PhotoBackground, Rgb> = {
  red: [214, 28, 36],
  blue: [67, 142, 219],
  white: [246, 246, 246],
};
const SKIN: Rgb[] = [
  [236, 200, 172],
  [226, 186, 152],
  [210, 168, 134],
  [240, 210, 186],
];
const HAIR: Rgb[] = [
  [28, 24, 22],
  [44, 34, 28],
  [20, 18, 20],
];
const JACKET: Rgb[] = [
  [30, 36, 52],
  [22, 22, 26],
  [58, 62, 70],
  [245, 245, 245],
];

/**
 * A head-and-shoulders 证件照 drawn from the ID number: the same person always gets the same
 * picture, so the demo's 2,000 candidates and the tests' fixtures are reproducible without a
 * single binary in the repository. A little sensor noise keeps the JPEGs photo-sized.
 */
export async function generatePhoto(idNumber: string, options: GeneratedPhotoOptions = {}): Promise<Buffer> {
  const width = options.width ?? PHOTO_RULES.width;
  const height = options.height ?? PHOTO_RULES.height;
  const rnd = seeded(createHash('sha256').update(idNumber).digest().readUInt32BE(0));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const jitter = (c: Rgb, d: number): Rgb => [c[0] + (rnd() - 0.5) * d, c[1] + (rnd() - 0.5) * d, c[2] + (rnd() - 0.5) * d];

  const bg = jitter(BACKGROUNDS[options.background ?? 'red'], 14);
  const skin = jitter(pick(SKIN), 10);
  const hair = pick(HAIR);
  const jacket = pick(JACKET);
  const shirt: Rgb = jacket[0] > 200 ? [40, 60, 120] : [250, 250, 250];

  const cx = width / 2 + (rnd() - 0.5) * width * 0.04;
  const headY = height * (0.38 + (rnd() - 0.5) * 0.03);
  const headRx = width * (0.24 + rnd() * 0.03);
  const headRy = height * (0.19 + rnd() * 0.02);
  const eyeX = headRx * 0.38;
  const collarTop = height * 0.72;

  const pixels = Buffer.alloc(width * height * 3);
  let noiseState = (rnd() * 0xffffffff) >>> 0 || 1;
  for (let y = 0; y < height; y++) {
    // Each shape is an ellipse: per row it covers |x - cx| below a half-width (or nothing).
    const body = halfWidth(y, height * 1.05, width * 0.62, height * 0.33);
    const collar = y < height * 0.92 ? (y - collarTop) * 0.45 : -1;
    const neck = y > headY && y < height * 0.8 ? width * 0.1 : -1;
    const hairBack = y < headY ? halfWidth(y, headY - headRy * 0.12, headRx * 1.12, headRy * 1.08) : -1;
    const face = halfWidth(y, headY + headRy * 0.08, headRx, headRy);
    const fringe = halfWidth(y, headY - headRy * 0.55, headRx * 1.05, headRy * 0.5);
    const eye = halfWidth(y, headY, headRx * 0.1, headRy * 0.05);
    const lips = halfWidth(y, headY + headRy * 0.55, headRx * 0.25, headRy * 0.04);
    for (let x = 0; x < width; x++) {
      const dx = Math.abs(x - cx);
      let c: Rgb = bg;
      if (dx <= body) c = dx < collar ? shirt : jacket;
      else if (dx < neck) c = skin;
      if (dx <= hairBack) c = hair;
      if (dx <= face) {
        c = dx <= fringe ? hair : skin;
        if (Math.abs(dx - eyeX) <= eye) c = EYE;
        if (dx <= lips) c = LIPS;
      }
      noiseState = (Math.imul(noiseState, 1_664_525) + 1_013_904_223) >>> 0;
      const noise = (noiseState >>> 29) - 3;
      const i = (y * width + x) * 3;
      pixels[i] = clamp(c[0] + noise);
      pixels[i + 1] = clamp(c[1] + noise);
      pixels[i + 2] = clamp(c[2] + noise);
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return options.format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: options.quality ?? 90 }).toBuffer();
}

/** Half the width of an ellipse at row y, or -1 where the row misses it. */
function halfWidth(y: number, cy: number, rx: number, ry: number): number {
  const t = 1 - ((y - cy) / ry) ** 2;
  return t < 0 ? -1 : rx * Math.sqrt(t);
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}
