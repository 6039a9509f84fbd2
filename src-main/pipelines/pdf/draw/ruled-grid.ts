import type { Align, DrawnDocument, TextStyle } from './drawn-document';

/** Part of a line of text in one style: a bold label and its value share a line. */
export interface Run {
  text: string;
  style: TextStyle;
}

export type Line = Run[];

export interface GridCell {
  lines: Line[];
  /** Drawn content other than text (a photo), in place of the lines: its height, and how it draws in the cell's text box. */
  box?: { height: number; draw(doc: DrawnDocument, x: number, top: number, width: number): void };
  /** Line height in points; the default is 1.2 × the size of the line's first run. */
  lineHeight?: number;
  align?: Align;
  /** The lines in the middle of the row's height rather than at its top. */
  middle?: boolean;
  fill?: string;
  /** Columns the cell takes (the ones it covers are left out of the row). */
  span?: number;
}

export interface GridLayout {
  left: number;
  /** Each column's text width in points. */
  widths: readonly number[];
  padX: number;
  padY: number;
  /** Width of every rule; 0 draws none. */
  rule: number;
  colour: string;
}

/** A single line in one style. */
export const line = (text: string, style: TextStyle): Line[] => [[{ text, style }]];

/**
 * A table with ruled cells of fixed widths, drawn a row at a time: the geometry pdfmake gives a
 * table (rule, padding, text, padding, rule) without its layout engine. Each row draws its
 * top rule and its columns' rules; `close` draws the bottom rule under the last row on a page.
 */
export class RuledGrid {
  /** Where each column's rule runs (its centre) and, last, the right edge. */
  readonly edges: number[] = [];
  readonly width: number;

  constructor(readonly layout: GridLayout) {
    let x = layout.left + layout.rule / 2;
    for (const w of layout.widths) {
      this.edges.push(x);
      x += layout.rule + 2 * layout.padX + w;
    }
    this.edges.push(x);
    this.width = x + layout.rule / 2 - layout.left;
  }

  /** The text width of a cell from column `at` over `span` columns. */
  cellWidth(at: number, span = 1): number {
    return this.edges[at + span]! - this.edges[at]! - this.layout.rule - 2 * this.layout.padX;
  }

  /** A row's height: its top rule, padding, its tallest cell's lines, padding (the rule below is the next row's). */
  rowHeight(cells: readonly GridCell[], minContent = 0): number {
    let content = minContent;
    for (const c of cells) content = Math.max(content, cellHeight(c));
    return this.layout.rule + 2 * this.layout.padY + content;
  }

  drawRow(doc: DrawnDocument, top: number, cells: readonly GridCell[], height: number): void {
    const { rule, padX, padY, colour } = this.layout;
    const bottom = top + height;
    let at = 0;
    for (const c of cells) {
      const span = c.span ?? 1;
      const x0 = this.edges[at]!;
      const x1 = this.edges[at + span]!;
      if (c.fill) doc.fillRect(x0 + rule / 2, top + rule, x1 - x0 - rule, height - rule, c.fill);
      const width = x1 - x0 - rule - 2 * padX;
      let y = top + rule + padY + (c.middle ? (height - rule - 2 * padY - cellHeight(c)) / 2 : 0);
      c.box?.draw(doc, x0 + rule / 2 + padX, y, width);
      for (const l of c.lines) {
        drawLine(doc, l, x0 + rule / 2 + padX, width, y, c.align ?? 'left');
        y += lineHeightOf(c, l);
      }
      at += span;
    }
    if (rule === 0) return;
    const segments: [number, number, number, number][] = [[this.edges[0]! - rule / 2, top + rule / 2, this.edges.at(-1)! + rule / 2, top + rule / 2]];
    at = 0;
    for (const c of cells) {
      segments.push([this.edges[at]!, top, this.edges[at]!, bottom + rule]);
      at += c.span ?? 1;
    }
    segments.push([this.edges[at]!, top, this.edges[at]!, bottom + rule]);
    doc.rules(segments, rule, colour);
  }

  /** The rule under the last row drawn, whose bottom is `bottom`; returns where the table ends. */
  close(doc: DrawnDocument, bottom: number): number {
    const { rule, colour } = this.layout;
    if (rule > 0) doc.rules([[this.edges[0]! - rule / 2, bottom + rule / 2, this.edges.at(-1)! + rule / 2, bottom + rule / 2]], rule, colour);
    return bottom + rule;
  }
}

function lineHeightOf(c: GridCell, l: Line): number {
  return c.lineHeight ?? (l[0]?.style.size ?? 10) * 1.2;
}

function cellHeight(c: GridCell): number {
  if (c.box) return c.box.height;
  let h = 0;
  for (const l of c.lines) h += lineHeightOf(c, l);
  return h;
}

/** One line of runs in a box `width` wide from `x`. */
export function drawLine(doc: DrawnDocument, l: Line, x: number, width: number, top: number, align: Align): void {
  if (l.length === 1) return doc.textIn(l[0]!.text, x, width, top, l[0]!.style, align);
  const widths = l.map((r) => doc.width(r.text, r.style));
  const total = widths.reduce((a, b) => a + b, 0);
  let at = x + (align === 'left' ? 0 : align === 'center' ? (width - total) / 2 : width - total);
  l.forEach((r, i) => {
    doc.text(r.text, at, top, r.style);
    at += widths[i]!;
  });
}
