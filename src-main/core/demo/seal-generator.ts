import sharp from 'sharp';

/**
 * The demo's signature seal and handwritten signature, drawn rather than shipped as files: a red
 * round seal (a ring, a star, a bar) on a transparent ground, and one dark stroke as a pad draws
 * it. The seal tests draw their faulty variants from the same SVG.
 */
/** A red round seal drawn as SVG: a ring, a star, a bar; `inset` keeps it off the edge. */
export function sealSvg(width: number, height: number, opts: { background?: string; inset?: number }): Buffer {
  const side = Math.min(width, height);
  const r = side / 2 - (opts.inset ?? 6);
  const cx = width / 2;
  const cy = height / 2;
  const star = Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const k = i % 2 === 0 ? r * 0.42 : r * 0.17;
    return `${(cx + k * Math.cos(a)).toFixed(1)},${(cy - r * 0.1 + k * Math.sin(a)).toFixed(1)}`;
  }).join(' ');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      (opts.background ? `<rect width="100%" height="100%" fill="${opts.background}"/>` : '') +
      `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#d01010" stroke-width="${Math.max(2, side / 24)}"/>` +
      `<polygon points="${star}" fill="#d01010"/>` +
      `<rect x="${cx - r * 0.55}" y="${cy + r * 0.45}" width="${r * 1.1}" height="${Math.max(2, side / 30)}" fill="#d01010"/>` +
      `</svg>`,
  );
}

/** The demo's 签名章: transparent around a red seal, square, 95×95 as the manual recommends. */
export function demoSeal(side = 95): Promise<Buffer> {
  return sharp(sealSvg(side, side, {}))
    .png()
    .toBuffer();
}

/** A handwritten signature as the pad draws it: a dark stroke on a transparent ground, 600×200. */
export function drawnSignature(): Promise<Buffer> {
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><path d="M40 140 C 120 20, 180 180, 260 80 S 400 160, 560 60" stroke="#111" stroke-width="6" fill="none"/></svg>',
  );
  return sharp(svg).png().toBuffer();
}
