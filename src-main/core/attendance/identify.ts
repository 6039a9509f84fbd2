import type { FoundCandidate, IdentifyOutcome, Photo, RosterRow } from '../../../src-shared/api/attendance';
import { institutionDateTime } from '../../../src-shared/domain/institution-time';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import type { CallContext } from '../call-context';
import { photoOf } from '../candidates/candidate-files';
import { loadPlanEnrollments } from '../schedule/schedule-store';
import { verifyTicketQr, ticketSecret } from '../tickets/check-code';
import { loadRoom, rosterRows, type RoomSession } from './attendance-rooms';

/** A scanner or a person may leave a Chinese input method on: full-width digits and letters read as their ASCII twins. */
function typed(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim()
    .toUpperCase();
}

const SEAT = /^\d{1,3}$/;
const ID_TAIL = /^\d{3}[\dX]$/;

/** The time of day in the institution's zone: 08:12. */
const clock = (iso: string) => institutionDateTime(new Date(iso)).slice(11, 16);

function candidateOf(call: CallContext, room: RoomSession, row: RosterRow): FoundCandidate {
  return { ...row, photo: seatPhoto(call, room, row.seatId) };
}

export function seatPhoto(call: CallContext, room: RoomSession, seatId: number): Photo | null {
  const { store } = call.app;
  const enrollment = store.prepare('SELECT enrollment_id FROM schedule_seats WHERE id = ? AND schedule_room_id = ?').pluck().get(seatId, room.scheduleRoomId) as number | undefined;
  if (enrollment === undefined) throw new AppError('NOT_FOUND', '本考场没有这个座位，排考可能已经更新，请刷新页面。');
  const person = loadPlanEnrollments(store, room.planCode, { ids: [enrollment] })[0];
  return person ? photoOf(call, person.candidateId) : null;
}

/** 照片 for the roster: only of a seat in a room the caller may see. */
export function rosterPhoto(call: CallContext, input: { scheduleRoomId: number; seatId: number }): Photo | null {
  return seatPhoto(call, loadRoom(call, input.scheduleRoomId), input.seatId);
}

function found(call: CallContext, room: RoomSession, row: RosterRow): IdentifyOutcome {
  const candidate = candidateOf(call, room, row);
  if (row.status === 'present' || row.status === 'irregular')
    return {
      outcome: 'already',
      candidate,
      message: `${row.name}（${row.seat} 号座位）已于 ${clock(row.checkedInAt ?? row.recordedAt!)} 签到${row.recordedBy ? `（${row.recordedBy} 确认）` : ''}，不要重复签到。`,
    };
  const absent = row.status === 'absent' ? '此前记为缺考，确认后改为已到。' : '';
  return { outcome: 'found', candidate, message: `${row.name}，${row.seat} 号座位：照片与本人相符后确认已到。${absent}` };
}

/** Where the candidate of a ticket sits, when not in this room. */
function elsewhere(store: Store, room: RoomSession, ticketNumber: string): IdentifyOutcome | { seatId: number } {
  const seat = store
    .prepare(
      `SELECT t.id, t.enrollment_id, t.schedule_room_id, s.id AS session_id, s.plan_code, s.date, s.start_time, s.end_time, x.name AS room_name, s.subject_code
         FROM schedule_seats t JOIN schedule_rooms r ON r.id = t.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id JOIN exam_rooms x ON x.id = r.room_id
        WHERE t.ticket_number = ?`,
    )
    .get(ticketNumber) as
    | {
        id: number;
        enrollment_id: number;
        schedule_room_id: number;
        session_id: number;
        plan_code: string;
        date: string;
        start_time: string;
        end_time: string;
        room_name: string;
        subject_code: string;
      }
    | undefined;
  if (!seat) return { outcome: 'not-found', message: `准考证 ${ticketNumber} 不在本考点的排考中：请核对准考证，或手动输入座位号。` };
  const person = loadPlanEnrollments(store, seat.plan_code, { ids: [seat.enrollment_id] })[0];
  // One admission ticket may serve all of a candidate's subjects: find this candidate's seat in this session.
  const own = store
    .prepare(
      `SELECT t.id, t.schedule_room_id, t.seat, x.name AS room_name FROM schedule_seats t JOIN schedule_rooms r ON r.id = t.schedule_room_id JOIN exam_rooms x ON x.id = r.room_id
         JOIN enrollments e ON e.id = t.enrollment_id
        WHERE r.session_id = ? AND e.candidate_id = ?`,
    )
    .get(room.sessionId, person?.candidateId ?? -1) as { id: number; schedule_room_id: number; seat: number; room_name: string } | undefined;
  const who = person?.name ?? '这位考生';
  if (own && own.schedule_room_id === room.scheduleRoomId) return { seatId: own.id };
  if (own) return { outcome: 'other-room', message: `${who}本场在 ${own.room_name} ${own.seat} 号座位，不在本考场：请引导考生去 ${own.room_name}。` };
  const subject = store.prepare('SELECT name FROM exam_subjects WHERE code = ?').pluck().get(seat.subject_code) as string | undefined;
  return {
    outcome: 'other-session',
    message: `这张准考证是 ${seat.date} ${seat.start_time}–${seat.end_time} ${subject ?? seat.subject_code}（${seat.room_name}）的，不是本场考试：${who}本场没有考试安排。`,
  };
}

/**
 * 签到查找: the check-in field's text as a scanned QR code (ours, its check code right), a seat
 * number, or the last four characters of an ID number. Answers who it is or why not; writes nothing.
 */
export function identify(call: CallContext, input: { scheduleRoomId: number; text: string }): IdentifyOutcome {
  const { store } = call.app;
  const room = loadRoom(call, input.scheduleRoomId);
  const text = typed(input.text);
  if (!text) return { outcome: 'not-found', message: '请扫描准考证二维码，或输入座位号、身份证号后四位后按回车。' };
  const rows = rosterRows(store, room);

  if (SEAT.test(text)) {
    const row = rows.find((r) => r.seat === Number(text));
    return row ? found(call, room, row) : { outcome: 'not-found', message: `本考场没有 ${Number(text)} 号座位的考生。` };
  }

  if (ID_TAIL.test(text)) {
    const enrollments = new Map(loadPlanEnrollments(store, room.planCode, {}).map((e) => [e.id, e.idNumber]));
    const seats = store.prepare('SELECT id, enrollment_id FROM schedule_seats WHERE schedule_room_id = ?').all(room.scheduleRoomId) as { id: number; enrollment_id: number }[];
    const ids = new Set(seats.filter((s) => (enrollments.get(s.enrollment_id) ?? '').endsWith(text)).map((s) => s.id));
    const matches = rows.filter((r) => ids.has(r.seatId));
    if (!matches.length) return { outcome: 'not-found', message: `本考场没有身份证号后四位为 ${text} 的考生。` };
    if (matches.length > 1)
      return {
        outcome: 'ambiguous',
        message: `本考场有 ${matches.length} 位考生的身份证号后四位都是 ${text}：${matches.map((m) => `${m.seat} 号 ${m.name}`).join('、')}。请输入座位号。`,
        matches: matches.map((m) => ({ seatId: m.seatId, seat: m.seat, name: m.name })),
      };
    return found(call, room, matches[0]!);
  }

  const scan = verifyTicketQr(ticketSecret(store), text);
  if (!scan.ok) {
    if (scan.kind === 'foreign') return { outcome: 'foreign', message: '这不是本考点打印的准考证二维码。请扫描准考证上的二维码，或输入座位号、身份证号后四位。' };
    return { outcome: scan.kind, message: scan.message };
  }
  const here = rows.find((r) => r.ticketNumber === scan.ticketNumber);
  if (here) return found(call, room, here);
  const other = elsewhere(store, room, scan.ticketNumber);
  if ('seatId' in other)
    return found(
      call,
      room,
      rows.find((r) => r.seatId === other.seatId)!,
    );
  return other;
}
