import { mm, type PdfContent, type PdfNode } from '../document-kit';
import { namesText, pagedSection, type PagedSection, pageOf, run, sessionText } from './exam-doc-kit';
import type { ExamRoomSheet, ExamSeat } from './types';

/** The photo printed in a row: the store's photos are 295×413, so this keeps their shape. */
const PHOTO_W = 34;
const PHOTO_H = 47.6;
const CELL_PAD_X = 3;
const LINE = '#555555';

/**
 * Margins of a sign-in sheet, and the padding of its rows: together they put a room of 30 on
 * one A4 sheet, heading and invigilators' signatures included, with rows of ~7 mm to sign in.
 * 12–15 mm is well inside what every office printer prints.
 */
export const SIGNIN_MARGINS: [number, number, number, number] = [mm(15), mm(12), mm(15), mm(14)];
const ROW_PAD = 3.5;
const CONTENT_W = mm(210) - SIGNIN_MARGINS[0] - SIGNIN_MARGINS[2];
/** The heading's values: three '*' columns beside three labels of 44, less padding and rules. */
const HEADING_VALUE_W = (CONTENT_W - 3 * 44 - 6 * 2 * CELL_PAD_X - 7 * 0.5) / 3;

const grey = { color: '#666666' };
const centre = { alignment: 'center' };

/**
 * 考场签到表 for one room and session, as the platform's: its heading (考场名称 … 应考/实考/缺考人数)
 * and column titles repeat on every page; rows are tall enough to sign in; the invigilators
 * sign at the end. The pages are numbered within the room (第 x 页 共 y 页), so a day's rooms
 * print as one PDF and still part cleanly. `photos` given (the image key of each seat's photo,
 * null for none): a photo column for the face check.
 */
export function signInSection(room: ExamRoomSheet, photos: readonly (string | null)[] | null): PagedSection {
  const columns = photos
    ? { headers: ['序号', '学生姓名', '身份证号码', '准考证号', '所属院校', '座位号', '照片', '签名'], widths: [20, 44, 82, 112, '*', 32, PHOTO_W, 50] }
    : { headers: ['序号', '学生姓名', '身份证号码', '准考证号', '所属院校', '座位号', '签名'], widths: [24, 50, 82, 112, '*', 30, 76] };
  const span = columns.headers.length;
  // What each column's text has: the '*' column takes what the others, the padding and the rules leave.
  const fixed = columns.widths.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : 0), 0);
  const textWidths = columns.widths.map((w) => (typeof w === 'number' ? w : CONTENT_W - fixed - span * 2 * CELL_PAD_X - (span + 1) * 0.5));
  const blank = (n: number) => Array.from({ length: n }, () => '');
  const totals = room.totals ?? {};
  const count = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

  const heading: PdfContent[][] = [
    [{ text: '考场签到表', fontSize: 16, bold: true, alignment: 'center', colSpan: span, border: [false, false, false, false], margin: [0, 0, 0, 4] }, ...blank(span - 1)],
    [
      {
        colSpan: span,
        margin: [-CELL_PAD_X, 0, -CELL_PAD_X, 0],
        table: {
          widths: [44, '*', 44, '*', 44, '*'],
          body: [
            ['考场名称', room.roomName, '考核站点', room.siteName, '所属院校', room.institutionName],
            ['考试科目', room.subjectName, '考试证书', room.certificateName, '证书等级', room.level],
            ['考试时间', sessionText(room.session), '监考老师', namesText(room.invigilators), '巡考老师', namesText(room.patrolStaff)],
            ['应考人数', count(totals.expected ?? room.seats.length), '实考人数', count(totals.present), '缺考人数', count(totals.absent)],
          ].map((row) => row.map((text, i) => (i % 2 === 0 ? { text, bold: true, fillColor: '#f2f2f2', noWrap: true } : run(text, 10, HEADING_VALUE_W)))),
        },
        layout: {
          hLineWidth: (i: number, node: PdfNode) => (i === 0 || i === (node.table as { body: unknown[] }).body.length ? 0 : 0.5),
          vLineWidth: (i: number) => (i === 0 || i === 6 ? 0 : 0.5),
          hLineColor: () => LINE,
          vLineColor: () => LINE,
          paddingTop: () => 3,
          paddingBottom: () => 3,
          paddingLeft: () => CELL_PAD_X,
          paddingRight: () => CELL_PAD_X,
        },
      },
      ...blank(span - 1),
    ],
    columns.headers.map((h) => ({ text: h, bold: true, alignment: 'center', fillColor: '#e6e6e6', noWrap: true })),
  ];
  const headerRows = heading.length;

  // Beside a photo, a row's text sits in the middle of its height, not at its top.
  const middle = photos ? { verticalAlignment: 'middle' } : {};
  const rows = room.seats.map((seat, i) => {
    const row: PdfContent[] = [
      run(String(i + 1), 10, textWidths[0]!, { ...centre, ...middle }),
      run(seat.name, 10, textWidths[1]!, middle),
      run(seat.maskedIdNumber, 10, textWidths[2]!, middle),
      run(seat.ticketNumber, 10, textWidths[3]!, middle),
      run(seat.institutionName, 10, textWidths[4]!, middle),
      run(String(seat.seatNumber), 10, textWidths[5]!, { ...centre, ...middle }),
    ];
    if (photos) row.push(photoCell(photos[i] ?? null));
    row.push({ ...attendanceCell(seat), ...middle });
    return row;
  });

  const table: PdfNode = {
    table: { headerRows, dontBreakRows: true, widths: columns.widths, body: [...heading, ...rows] },
    layout: {
      hLineWidth: (i: number) => (i === 0 ? 0 : i === 1 ? 0.8 : 0.5),
      vLineWidth: () => 0.5,
      hLineColor: () => LINE,
      vLineColor: () => LINE,
      paddingLeft: () => CELL_PAD_X,
      paddingRight: () => CELL_PAD_X,
      // Body rows tall enough to sign in; the heading's own table brings its padding.
      paddingTop: (i: number) => (i === 1 ? 0 : i < headerRows ? 3 : photos ? 2 : ROW_PAD),
      paddingBottom: (i: number) => (i === 1 ? 0 : i < headerRows ? 3 : photos ? 2 : ROW_PAD),
    },
  };

  return pagedSection(
    [
      table,
      {
        columns: [
          { text: '监考老师（签字）：______________________', noWrap: true },
          { text: '巡考老师（签字）：______________________', noWrap: true },
        ],
        columnGap: mm(8),
        margin: [0, mm(8), 0, 0],
        unbreakable: true,
      },
    ],
    {
      footer: (page, pages) => ({
        columns: [
          run(`${room.roomName} · ${room.subjectName} · ${sessionText(room.session)}`, 8, CONTENT_W - 80, grey),
          { text: pageOf(page, pages), alignment: 'right', width: 'auto', noWrap: true },
        ],
        fontSize: 8,
        margin: [SIGNIN_MARGINS[0], mm(5), SIGNIN_MARGINS[2], 0],
      }),
    },
  );
}

function photoCell(key: string | null): PdfContent {
  // As large as a photo (less its dashed rules), so a row without one is as tall as the others.
  if (!key)
    return {
      table: { widths: [PHOTO_W - 1], heights: [PHOTO_H - 1], body: [[{ text: '无照片', fontSize: 7, ...grey, ...centre, margin: [0, PHOTO_H / 2 - 6, 0, 0] }]] },
      layout: placeholderLayout,
    };
  return { image: key, width: PHOTO_W, height: PHOTO_H, alignment: 'center' };
}

/** A thin dashed box where the photo would be: the invigilator sees at once whose is missing. */
const placeholderLayout = {
  hLineWidth: () => 0.4,
  vLineWidth: () => 0.4,
  hLineColor: () => '#999999',
  vLineColor: () => '#999999',
  hLineStyle: () => ({ dash: { length: 2, space: 2 } }),
  vLineStyle: () => ({ dash: { length: 2, space: 2 } }),
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/** Blank for the candidate's signature; after check-in, the absent and irregular are marked. */
function attendanceCell(seat: ExamSeat): PdfNode {
  if (seat.attendance === 'absent') return { text: '缺考', bold: true, ...centre };
  if (seat.attendance === 'irregular') return { stack: [{ text: '违纪', bold: true }, ...(seat.note ? [{ text: seat.note, fontSize: 7 }] : [])] };
  return { text: '' };
}
