import { mm } from '../document-kit';
import { A4, type DrawnDocument, type TextStyle } from '../draw/drawn-document';
import type { PdfKitImage } from '../draw/pdfkit-types';
import { type GridCell, type Line, RuledGrid } from '../draw/ruled-grid';
import { qrPng } from '../qr-image';
import { linesOf } from './exam-doc-kit';
import type { AdmissionTicket } from './types';

/** a4Document's margins, which the tickets had when pdfmake laid them out. */
const MARGIN = { left: mm(18), top: mm(18), right: mm(18), bottom: mm(16) };
const CONTENT_W = A4.width - MARGIN.left - MARGIN.right;
const BOTTOM = A4.height - MARGIN.bottom;
const PHOTO_W = mm(30);
const PHOTO_H = mm(42);
const QR = mm(32);
const GAP = mm(4);
const LINE = '#666666';
const RULE = 0.5;
const PAD_X = 4;
const FIELD_LABEL_W = 56;
/** The fields' values: what the photo, the QR code and the gaps leave, less the cells' padding and rules. */
const FIELD_VALUE_W = CONTENT_W - PHOTO_W - QR - 2 * GAP - FIELD_LABEL_W - 4 * PAD_X - 3 * RULE;
const SUBJECT_W = [70, 64, 80, 40];
const SUBJECT_NAME_W = CONTENT_W - SUBJECT_W.reduce((a, b) => a + b, 0) - 5 * 2 * PAD_X - 6 * RULE;
const RULE_SIZE = 9.5;
const RULE_LINE = RULE_SIZE * 1.3;
/** A rule's text beside its number. */
const RULE_W = CONTENT_W - 3 * RULE_SIZE;

const TEXT: TextStyle = { size: 10 };
const BOLD: TextStyle = { size: 10, bold: true };
const HEADING: TextStyle = { size: 12, bold: true };
const LABEL_FILL = '#f2f2f2';
const HEADER_FILL = '#e6e6e6';

const fieldsGrid = new RuledGrid({ left: MARGIN.left, widths: [FIELD_LABEL_W, FIELD_VALUE_W], padX: PAD_X, padY: 6.5, rule: RULE, colour: LINE });
const subjectsGrid = new RuledGrid({ left: MARGIN.left, widths: [SUBJECT_NAME_W, ...SUBJECT_W], padX: PAD_X, padY: 4, rule: RULE, colour: LINE });
const ADDRESS_W = subjectsGrid.cellWidth(0, 5);

/** `text` in the lines it takes in `width`, measured in `doc` past the estimate. */
const lines = (doc: DrawnDocument, text: string, style: TextStyle, width: number): Line[] =>
  linesOf(text, style.size, width, (t) => doc.width(t, style)).map((l) => [{ text: l, style }]);
const centred = (doc: DrawnDocument, text: string, style: TextStyle, width: number): GridCell => ({ lines: lines(doc, text, style, width), align: 'center' });

/**
 * 准考证 for one candidate, one A4 page: the same page whether the school prints a room's
 * tickets in one PDF or sends each student their own file to print at home. Photo, name,
 * masked ID number, 准考证号, certificate and level; each subject's date, time, room, seat and
 * the room's full address; 考生须知; and the QR code the invigilator scans at the door. A ticket
 * with more subjects or rules than a page holds runs on (its table's header again on the next
 * page, the pages numbered). `photo`: JPEG or PNG bytes pdfkit embeds as they are
 * (`printablePhoto`), null for a placeholder. Returns the pages it took.
 */
export function drawTicket(doc: DrawnDocument, t: AdmissionTicket, photo: Buffer | null): number {
  const images = { photo: photo ? doc.openImage(photo) : null, qr: doc.openImage(qrPng(t.qrText)) };
  const flow = new Flow(doc);
  flow.block(26.4, (top) => doc.textIn('准　考　证', MARGIN.left, CONTENT_W, top, { size: 22, bold: true }, 'center'));
  const plan = t.planName || `${t.certificateName}考核`;
  flow.block(2 + 12 + mm(5), (top) => doc.textIn(plan, MARGIN.left, CONTENT_W, top + 2, { size: 10, color: '#444444' }, 'center'));
  topBand(doc, flow, t, images);

  flow.block(mm(6) + 14.4 + 4, (top) => doc.text('考试安排', MARGIN.left, top + mm(6), HEADING));
  const header = ['考试科目', '考试日期', '考试时间', '考场', '座位号'].map((h, i) => centred(doc, h, BOLD, subjectsGrid.cellWidth(i)));
  for (const h of header) h.fill = HEADER_FILL;
  const subjects = { grid: subjectsGrid, header };
  for (const s of t.subjects) {
    const rows: GridCell[][] = [
      [
        { lines: lines(doc, s.subjectName, BOLD, SUBJECT_NAME_W) },
        centred(doc, s.session.date, TEXT, SUBJECT_W[0]!),
        centred(doc, `${s.session.start}-${s.session.end}`, TEXT, SUBJECT_W[1]!),
        { lines: lines(doc, s.roomName, TEXT, SUBJECT_W[2]!) },
        centred(doc, String(s.seatNumber), BOLD, SUBJECT_W[3]!),
      ],
      [{ lines: addressLines(doc, `${s.siteName}　${s.roomAddress}`), span: 5 }],
    ];
    flow.rows(subjects, rows);
  }

  flow.block(mm(6) + 14.4 + 4, (top) => doc.text('考生须知', MARGIN.left, top + mm(6), HEADING));
  const ruleStyle: TextStyle = { size: RULE_SIZE };
  const markerW = doc.width(`${t.rules.length}. `, ruleStyle);
  t.rules.forEach((rule, i) => {
    const ruleLines = linesOf(rule, RULE_SIZE, RULE_W);
    ruleLines.forEach((text, at) => {
      const last = at === ruleLines.length - 1;
      flow.block(RULE_LINE + (last ? 2.5 : 0), (top) => {
        if (at === 0) doc.text(`${i + 1}.`, MARGIN.left, top, ruleStyle);
        doc.text(text, MARGIN.left + markerW, top, ruleStyle);
      });
    });
  });

  const pages = flow.finish();
  pages.forEach((ops, i) => {
    doc.newPage();
    for (const op of ops) op();
    if (pages.length > 1) doc.textIn(`准考证号 ${t.ticketNumber} · 第 ${i + 1} 页 共 ${pages.length} 页`, 0, A4.width, BOTTOM + mm(5), { size: 8, color: '#777777' }, 'center');
  });
  return pages.length;
}

/** The fields beside the photo and the QR code. */
function topBand(doc: DrawnDocument, flow: Flow, t: AdmissionTicket, images: { photo: PdfKitImage | null; qr: PdfKitImage }) {
  const fields: [string, string][] = [
    ['姓　　名', t.name],
    ['身份证号', t.maskedIdNumber],
    ['准考证号', t.ticketNumber],
    ['所属院校', t.institutionName],
    ['考试证书', t.certificateName],
    ['证书等级', t.level],
  ];
  const rows: GridCell[][] = fields.map(([label, value]) => [
    { lines: [[{ text: label, style: BOLD }]], fill: LABEL_FILL },
    { lines: lines(doc, value, label === '准考证号' ? BOLD : TEXT, FIELD_VALUE_W) },
  ]);
  const heights = rows.map((r) => fieldsGrid.rowHeight(r, 12));
  const tableH = heights.reduce((a, b) => a + b, 0) + RULE;
  const photoX = MARGIN.left + fieldsGrid.width + GAP;
  const qrX = photoX + PHOTO_W + GAP;
  flow.block(Math.max(tableH, PHOTO_H, QR + 9), (top) => {
    let y = top;
    rows.forEach((r, i) => {
      fieldsGrid.drawRow(doc, y, r, heights[i]!);
      y += heights[i]!;
    });
    fieldsGrid.close(doc, y);
    if (images.photo) {
      const scale = Math.min(PHOTO_W / images.photo.width, PHOTO_H / images.photo.height);
      doc.image(images.photo, photoX, top, images.photo.width * scale, images.photo.height * scale);
    } else {
      const r = 0.75;
      doc.rules(
        [
          [photoX, top + r / 2, photoX + PHOTO_W, top + r / 2],
          [photoX, top + PHOTO_H - r / 2, photoX + PHOTO_W, top + PHOTO_H - r / 2],
          [photoX + r / 2, top, photoX + r / 2, top + PHOTO_H],
          [photoX + PHOTO_W - r / 2, top, photoX + PHOTO_W - r / 2, top + PHOTO_H],
        ],
        r,
        '#888888',
      );
      doc.textIn('照片', photoX, PHOTO_W, top + PHOTO_H / 2 - 6, { size: 10, color: '#999999' }, 'center');
    }
    doc.image(images.qr, qrX, top, QR, QR);
    doc.textIn('入场时出示此码', qrX, QR, top + QR, { size: 7.5, color: '#555555' }, 'center');
  });
}

/** 考点及考场地址：… at 9 points, the label bold on the first line. */
function addressLines(doc: DrawnDocument, address: string): Line[] {
  const label = '考点及考场地址：';
  const style: TextStyle = { size: 9 };
  const bold: TextStyle = { size: 9, bold: true };
  const measure = (text: string) => doc.width(label, bold) + doc.width(text.slice(label.length), style);
  return linesOf(label + address, 9, ADDRESS_W, measure).map((text, i): Line =>
    i === 0 && text.startsWith(label)
      ? [
          { text: label, style: bold },
          { text: text.slice(label.length), style },
        ]
      : [{ text, style }],
  );
}

interface Table {
  grid: RuledGrid;
  /** Its column titles: drawn first and again at the top of each page the table runs on to. */
  header: GridCell[];
}

/**
 * Where each block of a ticket goes: down the page, onto a new one when it does not fit. The
 * blocks are laid out first and drawn afterwards, so each page knows how many pages the
 * ticket has (its footer says so).
 */
class Flow {
  private readonly pages: (() => void)[][] = [[]];
  private y = MARGIN.top;
  private table: Table | null = null;

  constructor(private readonly doc: DrawnDocument) {}

  /** A block `height` tall that draws itself from `top`. */
  block(height: number, draw: (top: number) => void): void {
    this.endTable();
    if (!this.fits(height)) this.newPage();
    const top = this.y;
    this.op(() => draw(top));
    this.y += height;
  }

  /** Rows of a table that stay on one page together. */
  rows(table: Table, rows: GridCell[][]): void {
    const { grid } = table;
    const heights = rows.map((r) => grid.rowHeight(r));
    const height = heights.reduce((a, b) => a + b, 0) + grid.layout.rule;
    if (this.table !== table) {
      this.endTable();
      if (!this.fits(grid.rowHeight(table.header) + height)) this.newPage();
      this.startTable(table);
    } else if (!this.fits(height)) this.newPage();
    rows.forEach((r, i) => {
      const top = this.y;
      this.op(() => grid.drawRow(this.doc, top, r, heights[i]!));
      this.y += heights[i]!;
    });
  }

  /** Each page's drawing, the last table closed. */
  finish(): (() => void)[][] {
    this.endTable();
    return this.pages;
  }

  private startTable(table: Table): void {
    const top = this.y;
    const height = table.grid.rowHeight(table.header);
    this.op(() => table.grid.drawRow(this.doc, top, table.header, height));
    this.y += height;
    this.table = table;
  }

  private endTable(): void {
    const table = this.table;
    if (!table) return;
    const bottom = this.y;
    this.op(() => table.grid.close(this.doc, bottom));
    this.y += table.grid.layout.rule;
    this.table = null;
  }

  /** An empty page takes whatever comes: a block taller than a page prints cut rather than never. */
  private fits(height: number): boolean {
    return this.y + height <= BOTTOM || this.y === MARGIN.top;
  }

  /** A table open here closes on this page and goes on, under its header, on the next. */
  private newPage(): void {
    const open = this.table;
    this.endTable();
    this.pages.push([]);
    this.y = MARGIN.top;
    if (open) this.startTable(open);
  }

  private op(draw: () => void): void {
    this.pages.at(-1)!.push(draw);
  }
}
