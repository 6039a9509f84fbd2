/**
 * The background colour of a 证件照, read from a thin frame along its edge. The bottom edge is
 * left out: in a head-and-shoulders photo it is the person's clothes, and so is the lower part
 * of each side.
 */
export type Background = 'red' | 'blue' | 'white' | 'other';
export type Rgb = [number, number, number];

export const BACKGROUND_LABELS: Record<Background, string> = { red: '红底', blue: '蓝底', white: '白底', other: '杂色底' };

/** Frame thickness in pixels: thick enough to average out JPEG noise, thin enough to miss hair. */
export const FRAME_PX = 6;
/** How far down the sides are sampled, as a share of the height (shoulders start below). */
export const SIDE_DEPTH = 0.6;

/**
 * Average colour of the frame: the top rows across the width, then both sides down to
 * SIDE_DEPTH. `channels` as sharp's raw output gives them (1–2 grey, 3–4 RGB; alpha is
 * blended onto white, which is what a transparent background looks like on paper).
 */
export function frameAverage(pixels: Uint8Array, width: number, height: number, channels: number): Rgb {
  const frame = Math.max(1, Math.min(FRAME_PX, Math.floor(width / 4), Math.floor(height / 4)));
  const sideEnd = Math.max(frame, Math.round(height * SIDE_DEPTH));
  const n = frame * width + (sideEnd - frame) * 2 * frame;
  // Summed run by run (each run contiguous in memory) in the order the frame is listed above;
  // this runs for every photo of a 10,000-photo ZIP, and a call per pixel cost ~5× more.
  if (channels === 3) {
    const [r, g, b] = rgbFrameSum(pixels, width, frame, sideEnd);
    return [r / n, g / n, b / n];
  }
  const sum: [number, number, number] = [0, 0, 0];
  addRun(pixels, 0, frame * width, channels, sum);
  for (let y = frame; y < sideEnd; y++) {
    addRun(pixels, y * width, frame, channels, sum);
    addRun(pixels, y * width + width - frame, frame, channels, sum);
  }
  return [sum[0] / n, sum[1] / n, sum[2] / n];
}

/** 8-bit RGB, the common case: integer sums, so exact in any order. */
function rgbFrameSum(pixels: Uint8Array, width: number, frame: number, sideEnd: number): Rgb {
  let r = 0;
  let g = 0;
  let b = 0;
  for (let i = 0, end = frame * width * 3; i < end; i += 3) {
    r += pixels[i]!;
    g += pixels[i + 1]!;
    b += pixels[i + 2]!;
  }
  const side = frame * 3;
  const right = (width - frame) * 3;
  for (let row = frame * width * 3, end = sideEnd * width * 3; row < end; row += width * 3) {
    for (let i = row, stop = row + side; i < stop; i += 3) {
      r += pixels[i]!;
      g += pixels[i + 1]!;
      b += pixels[i + 2]!;
    }
    for (let i = row + right, stop = row + right + side; i < stop; i += 3) {
      r += pixels[i]!;
      g += pixels[i + 1]!;
      b += pixels[i + 2]!;
    }
  }
  return [r, g, b];
}

/** Any channel layout: grey spread to RGB, alpha blended onto white. */
function addRun(pixels: Uint8Array, first: number, count: number, channels: number, sum: [number, number, number]): void {
  const grey = channels < 3;
  const alpha = channels === 2 || channels === 4;
  for (let p = first; p < first + count; p++) {
    const i = p * channels;
    let pr = pixels[i]!;
    let pg = grey ? pr : pixels[i + 1]!;
    let pb = grey ? pr : pixels[i + 2]!;
    if (alpha) {
      const a = pixels[i + channels - 1]! / 255;
      pr = pr * a + 255 * (1 - a);
      pg = pg * a + 255 * (1 - a);
      pb = pb * a + 255 * (1 - a);
    }
    sum[0] += pr;
    sum[1] += pg;
    sum[2] += pb;
  }
}

/**
 * Red, blue and white as studios use them (红 ≈ 214,28,36; 蓝 ≈ 67,142,219 or a light 0,191,243;
 * 白 ≈ 246,246,246), judged by ratios so that shade and exposure do not matter much: a dark red
 * is still red, a pink is not.
 */
export function classifyBackground([r, g, b]: Rgb): Background {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (min >= 190 && max - min <= 40) return 'white';
  if (r >= 110 && g <= r * 0.6 && b <= r * 0.6) return 'red';
  if (b >= 110 && b - r >= 50 && b >= g) return 'blue';
  return 'other';
}

export function describeRgb([r, g, b]: Rgb): string {
  return `RGB(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
}
