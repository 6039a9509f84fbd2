import { z } from 'zod';
import { op } from './contract';
import { ATTENDANCE_NOTE_MAX, CHECK_IN_TEXT_MAX, type AttendanceStatus, type AttendanceTotals, type SessionState } from '../domain/attendance';

/** One room in one session of an exam day, as the invigilator picks it. */
export interface ExamDayRoom {
  scheduleRoomId: number;
  planCode: string;
  planName: string;
  sessionId: number;
  subjectName: string;
  certificateName: string;
  level: string;
  date: string;
  start: string;
  end: string;
  roomName: string;
  siteName: string;
  invigilators: string[];
  totals: AttendanceTotals;
  state: SessionState;
}

export interface ExamDay {
  date: string;
  rooms: ExamDayRoom[];
  /** An invigilator account sees only its own rooms; `staffName` is who it is on the staff list. */
  assignedOnly: boolean;
  staffName: string | null;
}

export interface RosterRow {
  seatId: number;
  seat: number;
  name: string;
  /** Masked as printed: 370285*****5910. */
  idNumber: string;
  ticketNumber: string;
  hasPhoto: boolean;
  status: AttendanceStatus;
  statusLabel: string;
  note: string | null;
  /** When it was last recorded, and by whom. */
  recordedAt: string | null;
  recordedBy: string | null;
  checkedInAt: string | null;
  /** 人证不符 flags raised for this seat. */
  flags: number;
}

export interface Roster {
  room: ExamDayRoom;
  rows: RosterRow[];
  /** Whether this account may record now, and why not when it may not. */
  canEdit: boolean;
  editBlocked: string | null;
}

export type Photo = { dataUrl: string; width: number; height: number };

/** A candidate found at the check-in desk, with the photo for the face check. */
export interface FoundCandidate extends RosterRow {
  photo: Photo | null;
}

/**
 * What the check-in field's text turned out to be. `found`: the candidate of this room, to check
 * and confirm; `already`: checked in before (with when); the rest refuse, each in its own words.
 */
export type IdentifyOutcome =
  | { outcome: 'found' | 'already'; message: string; candidate: FoundCandidate }
  | { outcome: 'ambiguous'; message: string; matches: { seatId: number; seat: number; name: string }[] }
  | { outcome: 'foreign' | 'version' | 'malformed' | 'forged' | 'other-room' | 'other-session' | 'not-found'; message: string };

export interface AttendanceChange {
  row: RosterRow;
  totals: AttendanceTotals;
  message: string;
}

const rowId = z
  .number()
  .int()
  .positive()
  .max(2 ** 31);
const room = { scheduleRoomId: rowId };
const seat = { scheduleRoomId: rowId, seatId: rowId };
const note = (label: string) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .max(ATTENDANCE_NOTE_MAX, { error: `${label}不能超过 ${ATTENDANCE_NOTE_MAX} 个字符` });

export const attendanceOps = {
  'attendance.today': op<ExamDay>()({
    input: z
      .object({
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
          .optional(),
      })
      .strict(),
    access: 'user',
    summary: '考试当天的考场',
  }),
  'attendance.roster': op<Roster>()({ input: z.object(room).strict(), access: 'user', summary: '考场签到名单' }),
  'attendance.photo': op<Photo | null>()({ input: z.object(seat).strict(), access: 'user', summary: '考生照片（签到）' }),
  'attendance.identify': op<IdentifyOutcome>()({
    input: z
      .object({
        ...room,
        text: z.string({ error: '请扫描准考证二维码，或输入座位号、身份证号后四位' }).max(CHECK_IN_TEXT_MAX, { error: `输入不能超过 ${CHECK_IN_TEXT_MAX} 个字符` }),
      })
      .strict(),
    access: 'user',
    summary: '签到查找考生',
  }),
  'attendance.confirm': op<AttendanceChange>()({ input: z.object(seat).strict(), access: 'user', mutates: true, summary: '确认考生已到' }),
  'attendance.flagMismatch': op<AttendanceChange>()({
    input: z.object({ ...seat, note: note('说明').default('') }).strict(),
    access: 'user',
    mutates: true,
    summary: '记录人证不符',
  }),
  'attendance.markAbsent': op<AttendanceChange>()({ input: z.object(seat).strict(), access: 'user', mutates: true, summary: '记为缺考' }),
  'attendance.markIrregular': op<AttendanceChange>()({
    input: z.object({ ...seat, note: note('违纪说明').min(1, { error: '请填写违纪说明' }) }).strict(),
    access: 'user',
    mutates: true,
    summary: '记为违纪',
  }),
};
