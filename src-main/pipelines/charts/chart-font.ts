import { join } from 'node:path';
import { fontDir } from '../pdf/fonts';
import { loadFontkit } from '../pdf/load-lazily';

/** What we use of fontkit (pdfkit's font engine): shaping a line and each glyph's outline. */
interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}
interface Glyph {
  id: number;
  path: { commands: PathCommand[] };
}
interface GlyphRun {
  glyphs: Glyph[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}
interface Font {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  layout(text: string): GlyphRun;
}
interface Fontkit {
  openSync(path: string): Font;
}

/**
 * The charts' letters come from the same Noto Sans Hans as every printed page (DESIGN.md: the
 * font is the npm package's, never the system's), drawn as outlines: the SVG renderer then needs
 * no font at all, so a PC without a CJK font (or with another one) rasterises the same chart.
 * fontkit is pdfkit's own (loadFontkit), the engine pdfmake prints with.
 */
export class ChartFont {
  private readonly fonts: { regular: Font; bold: Font };
  /** Each glyph's outline at a size, y pointing down as in SVG, relative to its origin. */
  private readonly outlines = new Map<string, [PathCommand['command'], number[]][]>();

  constructor() {
    const fontkit = loadFontkit<Fontkit>();
    const dir = fontDir();
    this.fonts = { regular: fontkit.openSync(join(dir, 'NotoSansHans-Regular.otf')), bold: fontkit.openSync(join(dir, 'NotoSansHans-Bold.otf')) };
  }

  /** The advance width of a line of text at `size` pixels: what echarts lays its labels out by. */
  width(text: string, size: number, bold = false): number {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    return (font.layout(text).advanceWidth * size) / font.unitsPerEm;
  }

  /**
   * A line of text as one SVG path in the text's own coordinates: `x`, `y` the anchor point with
   * the line's middle on `y` (SVG's dominant-baseline central: the middle of the em box).
   */
  outline(text: string, o: { x: number; y: number; size: number; bold: boolean; anchor: 'start' | 'middle' | 'end' }): string {
    const font = o.bold ? this.fonts.bold : this.fonts.regular;
    const scale = o.size / font.unitsPerEm;
    const run = font.layout(text);
    const width = run.advanceWidth * scale;
    const left = o.anchor === 'middle' ? o.x - width / 2 : o.anchor === 'end' ? o.x - width : o.x;
    const baseline = o.y + ((font.ascent + font.descent) / 2) * scale;
    const parts: string[] = [];
    let pen = 0;
    run.glyphs.forEach((glyph, i) => {
      const p = run.positions[i]!;
      const gx = left + (pen + p.xOffset) * scale;
      const gy = baseline - p.yOffset * scale;
      parts.push(this.glyphPath(o.bold, glyph, scale, gx, gy));
      pen += p.xAdvance;
    });
    return parts.join('');
  }

  private glyphPath(bold: boolean, glyph: Glyph, scale: number, gx: number, gy: number): string {
    const key = `${bold ? 'b' : 'r'}${glyph.id}@${scale}`;
    let commands = this.outlines.get(key);
    if (!commands) {
      commands = glyph.path.commands.map((c) => [c.command, c.args.map((a, i) => (i % 2 === 0 ? a * scale : -a * scale))]);
      this.outlines.set(key, commands);
    }
    const at = (args: number[]) => args.map((a, i) => (i % 2 === 0 ? a + gx : a + gy).toFixed(2)).join(' ');
    return commands.map(([command, args]) => `${LETTER[command]}${command === 'closePath' ? '' : at(args)}`).join('');
  }
}

const LETTER: Record<PathCommand['command'], string> = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' };

let shared: ChartFont | undefined;

/** One per thread: opening the two fonts takes ~30 ms. */
export function chartFont(): ChartFont {
  return (shared ??= new ChartFont());
}
