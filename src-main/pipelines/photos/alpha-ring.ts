/**
 * Of raw RGBA-like pixels (alpha last): how many are visible (alpha above `threshold`) and the
 * share of the outermost ring of pixels that is. A seal's and a drawn signature's ground must be
 * transparent: a ring visible all round is a background, some of it a mark running into the edge.
 */
export function alphaRing(pixels: Buffer, width: number, height: number, channels: number, threshold: number): { opaqueShare: number; visible: number } {
  const a = channels - 1;
  let ring = 0;
  let opaque = 0;
  let visible = 0;
  for (let y = 0; y < height; y++) {
    const edgeRow = y === 0 || y === height - 1;
    for (let x = 0; x < width; x++) {
      const seen = pixels[(y * width + x) * channels + a]! > threshold;
      if (seen) visible++;
      if (edgeRow || x === 0 || x === width - 1) {
        ring++;
        if (seen) opaque++;
      }
    }
  }
  return { opaqueShare: ring ? opaque / ring : 0, visible };
}
