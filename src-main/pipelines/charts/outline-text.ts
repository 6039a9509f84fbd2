import type { ChartFont } from './chart-font';

const TEXT = /<text\b([^>]*)>([\s\S]*?)<\/text>/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;
/** Attributes that place and style the letters: spent on the outline, not copied to the path. */
const TEXT_ONLY = new Set(['x', 'y', 'dx', 'dy', 'style', 'text-anchor', 'dominant-baseline', 'xml:space', 'font-size', 'font-family', 'font-weight']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** The font size (px) and weight of zrender's `style="font-size:12px;…"` or `style="font: bold 14px sans-serif"`. */
function fontOf(style: string): { size: number; bold: boolean } {
  const size = /(\d+(?:\.\d+)?)px/.exec(style);
  return { size: size ? Number(size[1]) : 12, bold: /\bbold(er)?\b|font-weight:\s*[6-9]00|\s[6-9]00\s/.test(style) };
}

/**
 * Every `<text>` of an SVG that echarts' SSR renderer wrote (one line each, `dominant-baseline:
 * central`, placed by x/y and a transform) replaced by the outline of its letters in our font,
 * keeping its paint (fill, stroke, opacity) and transform. What remains needs no font to draw.
 */
export function outlineText(svg: string, font: ChartFont): string {
  return svg.replace(TEXT, (_whole, attrText: string, content: string) => {
    const attrs = new Map<string, string>();
    for (const m of attrText.matchAll(ATTRIBUTE)) attrs.set(m[1]!, m[2]!);
    const text = decode(content.replace(/<[^>]*>/g, ''));
    if (!text.trim()) return '';
    const { size, bold } = fontOf(`${attrs.get('style') ?? ''};font-size:${attrs.get('font-size') ?? ''};font-weight:${attrs.get('font-weight') ?? ''}`);
    const anchor = attrs.get('text-anchor');
    const d = font.outline(text, {
      x: Number(attrs.get('x') ?? 0) + Number(attrs.get('dx') ?? 0),
      y: Number(attrs.get('y') ?? 0) + Number(attrs.get('dy') ?? 0),
      size,
      bold,
      anchor: anchor === 'middle' || anchor === 'end' ? anchor : 'start',
    });
    const kept = [...attrs].filter(([name]) => !TEXT_ONLY.has(name)).map(([name, value]) => ` ${name}="${value}"`);
    if (!attrs.has('fill')) kept.push(' fill="#000"');
    return `<path d="${d}"${kept.join('')}></path>`;
  });
}
