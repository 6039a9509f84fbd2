import { mm } from '../document-kit';
import { fitFontSize, pagedSection, type PagedSection, sessionText } from './exam-doc-kit';
import type { ExamRoomSheet } from './types';

export const DOOR_SIGN_MARGIN = mm(15);
/** A4 landscape inside its margins. */
const WIDTH = mm(297) - 2 * DOOR_SIGN_MARGIN;

/** 座位号 1–30: the first and last seat (they need not be consecutive). */
export function seatRange(room: ExamRoomSheet): string {
  if (room.seats.length === 0) return '—';
  let low = Infinity;
  let high = -Infinity;
  for (const s of room.seats) {
    low = Math.min(low, s.seatNumber);
    high = Math.max(high, s.seatNumber);
  }
  return low === high ? String(low) : `${low}–${high}`;
}

/**
 * The line under the subject: what its name does not say already. Platforms often name a subject
 * after its certificate and level (物流管理职业技能等级证书（中级）基础考核), and the sign would
 * then print the certificate twice.
 */
export function certificateLine(room: Pick<ExamRoomSheet, 'subjectName' | 'certificateName' | 'level'>): string | null {
  if (!room.subjectName.includes(room.certificateName)) return `${room.certificateName}（${room.level}）`;
  return room.subjectName.includes(room.level) ? null : `证书等级：${room.level}`;
}

/** 门贴 for one room and session: a landscape page of large type, read from across a corridor. */
export function doorSignSection(room: ExamRoomSheet): PagedSection {
  const certificate = certificateLine(room);
  const count = room.totals?.expected ?? room.seats.length;
  return pagedSection(
    [
      {
        stack: [
          { text: room.siteName, fontSize: fitFontSize(room.siteName, 22, WIDTH), color: '#333333' },
          { text: room.roomName, fontSize: fitFontSize(room.roomName, 96, WIDTH), bold: true, lineHeight: 1.1, margin: [0, mm(6), 0, mm(4)] },
          { text: room.subjectName, fontSize: fitFontSize(room.subjectName, 34, WIDTH, 2), bold: true, margin: [0, 0, 0, certificate === null ? mm(8) : 0] },
          ...(certificate === null ? [] : [{ text: certificate, fontSize: fitFontSize(certificate, 20, WIDTH), color: '#333333', margin: [0, mm(2), 0, mm(8)] }]),
          { text: `考试时间：${sessionText(room.session)}`, fontSize: 30 },
          { text: `座位号：${seatRange(room)}　　考生人数：${count} 人`, fontSize: 30, margin: [0, mm(3), 0, 0] },
          ...(room.roomAddress ? [{ text: room.roomAddress, fontSize: fitFontSize(room.roomAddress, 16, WIDTH), color: '#555555', margin: [0, mm(6), 0, 0] }] : []),
        ],
        alignment: 'center',
        margin: [0, mm(8), 0, 0],
        unbreakable: true,
      },
    ],
    {
      footer: () => ({ text: `门贴 · ${room.siteAddress}`, fontSize: 8, color: '#777777', alignment: 'center', margin: [DOOR_SIGN_MARGIN, mm(4), DOOR_SIGN_MARGIN, 0] }),
    },
  );
}
