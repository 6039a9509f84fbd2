import { mm } from '../document-kit';
import { A4, type DrawnDocument, type TextStyle } from '../draw/drawn-document';
import type { PdfKitImage } from '../draw/pdfkit-types';
import { type GridCell, type Line, RuledGrid } from '../draw/ruled-grid';
import { linesOf, namesText, pageOf, sessionText } from './exam-doc-kit';
import type { ExamRoomSheet, ExamSeat } from './types';

/** The photo printed in a row: the store's photos are 295×413, so this keeps their shape. */
const PHOTO_W = 34;
const PHOTO_H = 47.6;
const PAD_X = 3;
const RULE = 0.5;
const LINE = '#555555';

/**
 * Margins of a sign-in sheet, and the padding of its rows: together they put a room of 30 on
 * one A4 sheet, heading and invigilators' signatures included, with rows of ~7 mm to sign in.
 * 12–15 mm is well inside what every office printer prints.
 */
const MARGIN = { left: mm(15), top: mm(12), right: mm(15), bottom: mm(14) };
const ROW_PAD = 3.5;
const PHOTO_ROW_PAD = 2;
const CONTENT_W = A4.width - MARGIN.left - MARGIN.right;
const BOTTOM = A4.height - MARGIN.bottom;
const LABEL_W = 44;
/** The heading's values: three columns beside three labels, less padding and rules. */
const HEADING_VALUE_W = (CONTENT_W - 3 * LABEL_W - 6 * 2 * PAD_X - 7 * RULE) / 3;
const TITLE_H = 3 + 16 * 1.2 + 4 + 3;
const SIGNATURES_H = mm(8) + 12;

const TEXT: TextStyle = { size: 10 };
const BOLD: TextStyle = { size: 10, bold: true };
const FOOTER: TextStyle = { size: 8, color: '#666666' };

const headingGrid = new RuledGrid({
  left: MARGIN.left,
  widths: [LABEL_W, HEADING_VALUE_W, LABEL_W, HEADING_VALUE_W, LABEL_W, HEADING_VALUE_W],
  padX: PAD_X,
  padY: 3,
  rule: RULE,
  colour: LINE,
});

/**
 * The columns, with and without photos: a '*' column takes what the others, the padding and
 * the rules leave. The column titles and the rows share the columns, not their padding: rows
 * tall enough to sign in, or beside a photo just around it.
 */
function bodyGrids(photos: boolean): { headers: string[]; titles: RuledGrid; rows: RuledGrid } {
  const columns = photos
    ? { headers: ['序号', '学生姓名', '身份证号码', '准考证号', '所属院校', '座位号', '照片', '签名'], widths: [20, 44, 82, 112, '*', 32, PHOTO_W, 50] }
    : { headers: ['序号', '学生姓名', '身份证号码', '准考证号', '所属院校', '座位号', '签名'], widths: [24, 50, 82, 112, '*', 30, 76] };
  const span = columns.widths.length;
  const fixed = columns.widths.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : 0), 0);
  const widths = columns.widths.map((w) => (typeof w === 'number' ? w : CONTENT_W - fixed - span * 2 * PAD_X - (span + 1) * RULE));
  const layout = { left: MARGIN.left, widths, padX: PAD_X, rule: RULE, colour: LINE };
  return { headers: columns.headers, titles: new RuledGrid({ ...layout, padY: 3 }), rows: new RuledGrid({ ...layout, padY: photos ? PHOTO_ROW_PAD : ROW_PAD }) };
}
const GRIDS = { plain: bodyGrids(false), photos: bodyGrids(true) };

/** `text` in the lines it takes in `width`, measured in `doc` past the estimate. */
const lines = (doc: DrawnDocument, text: string, style: TextStyle, width: number): Line[] =>
  linesOf(text, style.size, width, (t) => doc.width(t, style)).map((l) => [{ text: l, style }]);

/** The rows a page holds, under the heading and column titles; the signatures after the last row, on a page of their own if need be. */
interface SheetPage {
  first: number;
  end: number;
  heading: boolean;
  signatures: boolean;
}

/**
 * 考场签到表 for one room and session, as the platform's: its heading (考场名称 … 应考/实考/缺考人数)
 * and column titles repeat on every page; rows are tall enough to sign in; the invigilators
 * sign at the end. The pages are numbered within the room (第 x 页 共 y 页), so a day's rooms
 * print as one PDF and still part cleanly. `photos` given (each seat's photo, null for none): a
 * photo column for the face check. Drawn from a new page; returns the pages it took.
 */
export function drawSignInSheet(doc: DrawnDocument, room: ExamRoomSheet, photos: readonly (PdfKitImage | null)[] | null): number {
  const { headers, titles: titleGrid, rows: grid } = photos ? GRIDS.photos : GRIDS.plain;
  const heading = headingRows(doc, room);
  const headingHeights = heading.map((r) => headingGrid.rowHeight(r));
  const titles = headers.map((h): GridCell => ({ lines: [[{ text: h, style: BOLD }]], align: 'center', fill: '#e6e6e6' }));
  const titlesHeight = titleGrid.rowHeight(titles);
  const top = TITLE_H + headingHeights.reduce((a, b) => a + b, 0) + titlesHeight;
  const rows = room.seats.map((seat, i) => seatRow(doc, seat, i, grid, photos ? (photos[i] ?? null) : undefined));
  const heights = rows.map((r) => grid.rowHeight(r));

  const pages: SheetPage[] = [];
  let page: SheetPage = { first: 0, end: 0, heading: true, signatures: false };
  let y = MARGIN.top + top;
  heights.forEach((h, i) => {
    if (y + h + RULE > BOTTOM && i > page.first) {
      pages.push(page);
      page = { first: i, end: i, heading: true, signatures: false };
      y = MARGIN.top + top;
    }
    page.end = i + 1;
    y += h;
  });
  if (y + RULE + SIGNATURES_H > BOTTOM && page.end > page.first) {
    pages.push(page);
    page = { first: heights.length, end: heights.length, heading: false, signatures: false };
  }
  page.signatures = true;
  pages.push(page);

  const footer = linesOf(`${room.roomName} · ${room.subjectName} · ${sessionText(room.session)}`, 8, CONTENT_W - 80, (t) => doc.width(t, FOOTER)).slice(0, 2);
  pages.forEach((p, n) => {
    doc.newPage();
    let at = MARGIN.top;
    if (p.heading) {
      doc.textIn('考场签到表', MARGIN.left, CONTENT_W, at + 3, { size: 16, bold: true }, 'center');
      at += TITLE_H;
      const headingTop = at;
      heading.forEach((r, i) => {
        headingGrid.drawRow(doc, at, r, headingHeights[i]!);
        at += headingHeights[i]!;
      });
      // The rule under the title is a little heavier than the others.
      doc.rules([[MARGIN.left, headingTop + 0.4, MARGIN.left + CONTENT_W, headingTop + 0.4]], 0.8, LINE);
      titleGrid.drawRow(doc, at, titles, titlesHeight);
      at += titlesHeight;
      for (let i = p.first; i < p.end; i++) {
        grid.drawRow(doc, at, rows[i]!, heights[i]!);
        at += heights[i]!;
      }
      at = grid.close(doc, at);
    }
    if (p.signatures) {
      const half = (CONTENT_W - mm(8)) / 2;
      doc.text('监考老师（签字）：______________________', MARGIN.left, at + mm(8), TEXT);
      doc.text('巡考老师（签字）：______________________', MARGIN.left + half + mm(8), at + mm(8), TEXT);
    }
    footer.forEach((l, i) => doc.text(l, MARGIN.left, BOTTOM + mm(5) + i * 9.6, FOOTER));
    doc.textIn(pageOf(n + 1, pages.length), MARGIN.left, CONTENT_W, BOTTOM + mm(5), { size: 8 }, 'right');
  });
  return pages.length;
}

/** 考场名称 … 应考/实考/缺考人数: labels on grey, values beside them. */
function headingRows(doc: DrawnDocument, room: ExamRoomSheet): GridCell[][] {
  const totals = room.totals ?? {};
  const count = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return [
    ['考场名称', room.roomName, '考核站点', room.siteName, '所属院校', room.institutionName],
    ['考试科目', room.subjectName, '考试证书', room.certificateName, '证书等级', room.level],
    ['考试时间', sessionText(room.session), '监考老师', namesText(room.invigilators), '巡考老师', namesText(room.patrolStaff)],
    ['应考人数', count(totals.expected ?? room.seats.length), '实考人数', count(totals.present), '缺考人数', count(totals.absent)],
  ].map((row) => row.map((text, i): GridCell => (i % 2 === 0 ? { lines: [[{ text, style: BOLD }]], fill: '#f2f2f2' } : { lines: lines(doc, text, TEXT, HEADING_VALUE_W) })));
}

/** One candidate's row; `photo` undefined: the sheet has no photo column. */
function seatRow(doc: DrawnDocument, seat: ExamSeat, i: number, grid: RuledGrid, photo: PdfKitImage | null | undefined): GridCell[] {
  const middle = photo !== undefined;
  const w = (column: number) => grid.cellWidth(column);
  const row: GridCell[] = [
    { lines: lines(doc, String(i + 1), TEXT, w(0)), align: 'center', middle },
    { lines: lines(doc, seat.name, TEXT, w(1)), middle },
    { lines: lines(doc, seat.maskedIdNumber, TEXT, w(2)), middle },
    { lines: lines(doc, seat.ticketNumber, TEXT, w(3)), middle },
    { lines: lines(doc, seat.institutionName, TEXT, w(4)), middle },
    { lines: lines(doc, String(seat.seatNumber), TEXT, w(5)), align: 'center', middle },
  ];
  if (photo !== undefined) row.push(photoCell(photo));
  row.push({ ...attendanceCell(doc, seat, w(row.length)), middle });
  return row;
}

function photoCell(image: PdfKitImage | null): GridCell {
  return {
    lines: [],
    box: {
      height: PHOTO_H,
      draw: (doc, x, top) => {
        if (image) return doc.image(image, x, top, PHOTO_W, PHOTO_H);
        // As large as a photo, a thin dashed box: the invigilator sees at once whose is missing.
        const r = 0.4;
        const [x0, y0, x1, y1] = [x + r / 2, top + r / 2, x + PHOTO_W - r / 2, top + PHOTO_H - r / 2];
        doc.rules(
          [
            [x0, y0, x1, y0],
            [x1, y0, x1, y1],
            [x1, y1, x0, y1],
            [x0, y1, x0, y0],
          ],
          r,
          '#999999',
          2,
        );
        doc.textIn('无照片', x, PHOTO_W, top + PHOTO_H / 2 - 6, { size: 7, color: '#666666' }, 'center');
      },
    },
  };
}

/** Blank for the candidate's signature; after check-in, the absent and irregular are marked. */
function attendanceCell(doc: DrawnDocument, seat: ExamSeat, width: number): GridCell {
  if (seat.attendance === 'absent') return { lines: [[{ text: '缺考', style: BOLD }]], align: 'center' };
  if (seat.attendance === 'irregular') return { lines: [[{ text: '违纪', style: BOLD }], ...lines(doc, seat.note ?? '', { size: 7 }, width)] };
  return { lines: [] };
}
