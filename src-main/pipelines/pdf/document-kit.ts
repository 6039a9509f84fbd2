import { PDF_FONT } from './fonts';

/**
 * The pieces every printed sheet is made of (payment orders now; sign-in sheets and admission
 * tickets next), as pdfmake document definitions: A4 with the CJK font, a header line, page
 * numbers, ruled tables, a signature and seal block.
 */
export type PdfContent = string | PdfNode | PdfContent[];
export interface PdfNode {
  [key: string]: unknown;
}

export interface PdfDocument {
  pageSize: 'A4';
  pageOrientation: 'portrait' | 'landscape';
  pageMargins: [number, number, number, number];
  info: { title: string; author: string; subject?: string; creator: string };
  defaultStyle: PdfNode;
  styles: Record<string, PdfNode>;
  header?: (page: number, pages: number) => PdfContent;
  footer: (page: number, pages: number) => PdfContent;
  content: PdfContent[];
}

/** Millimetres to PDF points. */
export const mm = (n: number) => (n * 72) / 25.4;

export const PDF_STYLES: Record<string, PdfNode> = {
  title: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 10, alignment: 'center', color: '#444444', margin: [0, 0, 0, 12] },
  heading: { fontSize: 12, bold: true, margin: [0, 12, 0, 6] },
  tableHeader: { bold: true, fillColor: '#eeeeee', alignment: 'center' },
  small: { fontSize: 8, color: '#555555' },
  number: { alignment: 'right' },
};

export interface A4Options {
  title: string;
  /** Who the document is by: the institution's name. */
  author: string;
  subject?: string;
  landscape?: boolean;
  /** A short line at the top of every page after the first (the document's number, say). */
  runningHead?: string;
  content: PdfContent[];
}

export function a4Document(o: A4Options): PdfDocument {
  return {
    pageSize: 'A4',
    pageOrientation: o.landscape ? 'landscape' : 'portrait',
    pageMargins: [mm(18), mm(18), mm(18), mm(16)],
    info: { title: o.title, author: o.author, creator: '考点助手', ...(o.subject ? { subject: o.subject } : {}) },
    defaultStyle: { font: PDF_FONT, fontSize: 10, lineHeight: 1.2 },
    styles: PDF_STYLES,
    ...(o.runningHead ? { header: (page: number) => (page > 1 ? { text: o.runningHead, style: 'small', alignment: 'right', margin: [mm(18), mm(8), mm(18), 0] } : '') } : {}),
    footer: (page, pages) => ({ text: `第 ${page} 页 / 共 ${pages} 页`, style: 'small', alignment: 'center', margin: [0, mm(4), 0, 0] }),
    content: o.content,
  };
}

/** A table cell: its text (a number as it is written) and its style. */
export function cell(text: string | number, extra: PdfNode = {}): PdfNode {
  return { text: String(text), ...extra };
}

/**
 * A ruled table whose header row repeats on every page; `widths` as pdfmake takes them
 * ('auto', '*', or points). Rows stay whole across a page break.
 */
export function gridTable(o: { headers: string[]; widths: (number | string)[]; rows: PdfContent[][]; footerRows?: PdfContent[][]; margin?: number[] }): PdfNode {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: o.widths,
      body: [o.headers.map((h) => ({ text: h, style: 'tableHeader' })), ...o.rows, ...(o.footerRows ?? [])],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#888888',
      vLineColor: () => '#888888',
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: o.margin ?? [0, 0, 0, 8],
  };
}

/**
 * Label–value pairs, `columns` pairs a row, with no rules: a form's heading fields. Each label
 * column is as wide as its longest label (CJK text would otherwise wrap a label anywhere).
 */
export function fieldGrid(pairs: [string, string][], columns = 2, fontSize = 10): PdfNode {
  const rows: PdfContent[][] = [];
  for (let i = 0; i < pairs.length; i += columns) {
    const row: PdfContent[] = [];
    for (let c = 0; c < columns; c++) {
      const pair = pairs[i + c];
      row.push({ text: pair ? `${pair[0]}：` : '', bold: true }, pair ? pair[1] : '');
    }
    rows.push(row);
  }
  const labelWidth = (c: number) => Math.max(...pairs.filter((_, i) => i % columns === c).map(([label]) => [...label].length + 1)) * fontSize + 4;
  return {
    table: { widths: Array.from({ length: columns }, (_, c) => [labelWidth(c), '*']).flat(), body: rows },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

/**
 * Where a document is signed and sealed: a column per party, its title (试点院校（盖章）), room
 * for the seal and the signature under it, then its lines (经办人, 日期…).
 */
export function signatureBlock(parties: { title: string; lines: string[] }[]): PdfNode {
  return {
    columns: parties.map((p) => ({
      stack: [{ text: p.title, bold: true }, { text: ' ', margin: [0, 0, 0, mm(24)] }, ...p.lines.map((line) => ({ text: line, margin: [0, 0, 0, 8] }))],
    })),
    columnGap: mm(10),
    margin: [0, mm(10), 0, 0],
    unbreakable: true,
  };
}
