import { mm, type PdfContent } from '../document-kit';
import { fitFontSize, pagedSection, type PagedSection, pageOf, sessionText } from './exam-doc-kit';
import type { ExamRoomSheet, ExamSeat } from './types';

/** Ten labels an A4 page, two across and five down, cut apart along the dashed lines. */
export const DESK_LABEL_MARGIN = mm(10);
const ACROSS = 2;
const DOWN = 5;
const PAD = 6;
const RULE = 0.6;
// pdfmake's widths and heights are the cells' content, inside their padding and rules; a
// point of slack keeps the fifth row on its page.
const TEXT_W = (mm(210) - 2 * DESK_LABEL_MARGIN) / ACROSS - 2 * PAD - RULE;
const TEXT_H = (mm(297) - 2 * DESK_LABEL_MARGIN) / DOWN - PAD - RULE - 1;
/** Roughly the height of a label's lines below, to centre them in the label. */
const CONTENT_H = 110;
const CUT = { dash: { length: 4, space: 3 } };

/** 桌贴 for one room and session: a label per seat with the seat number large, starting on a new page. */
export function deskLabelSection(room: ExamRoomSheet): PagedSection {
  const rows: PdfContent[][] = [];
  for (let i = 0; i < room.seats.length; i += ACROSS) {
    const row: PdfContent[] = [];
    for (let c = 0; c < ACROSS; c++) {
      const seat = room.seats[i + c];
      row.push(seat ? label(room, seat) : '');
    }
    rows.push(row);
  }
  if (rows.length === 0) rows.push(['（本考场没有考生）', '']);
  return pagedSection(
    [
      {
        table: { widths: Array.from({ length: ACROSS }, () => TEXT_W), heights: TEXT_H, dontBreakRows: true, body: rows },
        layout: {
          hLineWidth: () => RULE,
          vLineWidth: () => RULE,
          hLineColor: () => '#888888',
          vLineColor: () => '#888888',
          hLineStyle: () => CUT,
          vLineStyle: () => CUT,
          paddingLeft: () => PAD,
          paddingRight: () => PAD,
          paddingTop: () => PAD,
          paddingBottom: () => 0,
        },
      },
    ],
    {
      footer: (page, pages) => ({
        text: `桌贴 · ${room.roomName} · ${room.subjectName} · ${sessionText(room.session)} · ${pageOf(page, pages)}　沿虚线剪开`,
        fontSize: 7,
        color: '#777777',
        alignment: 'center',
        margin: [DESK_LABEL_MARGIN, mm(3), DESK_LABEL_MARGIN, 0],
      }),
    },
  );
}

function label(room: ExamRoomSheet, seat: ExamSeat): PdfContent {
  return {
    stack: [
      { text: room.subjectName, fontSize: fitFontSize(room.subjectName, 12, TEXT_W, 1, 7), color: '#444444' },
      {
        text: [
          { text: String(seat.seatNumber), fontSize: 44, bold: true },
          { text: ' 号', fontSize: 16 },
        ],
        lineHeight: 1,
        margin: [0, 2, 0, 0],
      },
      { text: seat.name, fontSize: fitFontSize(seat.name, 22, TEXT_W), bold: true },
      { text: `准考证号：${seat.ticketNumber}`, fontSize: 12, margin: [0, 2, 0, 0] },
      { text: `${room.roomName}　${sessionText(room.session)}`, fontSize: fitFontSize(`${room.roomName}　${sessionText(room.session)}`, 11, TEXT_W, 1, 6), color: '#444444' },
    ],
    alignment: 'center',
    margin: [0, Math.max(0, (TEXT_H - CONTENT_H) / 2), 0, 0],
  };
}
