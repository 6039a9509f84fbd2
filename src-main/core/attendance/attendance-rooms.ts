import type { ExamDay, ExamDayRoom, Roster, RosterRow } from '../../../src-shared/api/attendance';
import { ATTENDANCE_STATUS_LABELS, totalsOf, type AttendanceStatus, type AttendanceTotals, type SessionState } from '../../../src-shared/domain/attendance';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { institutionDate, institutionDayStart } from '../../../src-shared/domain/institution-time';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import type { CallContext } from '../call-context';
import { loadPlanEnrollments } from '../schedule/schedule-store';
import { loadPlanInfo, type PlanInfo } from '../schedule/plan-sittings';
import { scopeCondition, scopeOf, type Scope } from '../schedule/scope';
import { readSettings } from '../settings/settings-service';

/** A room in a session of the platform's schedule, as check-in reads it. */
export interface RoomSession {
  scheduleRoomId: number;
  sessionId: number;
  planCode: string;
  planName: string;
  subjectCode: string;
  date: string;
  start: string;
  end: string;
  roomName: string;
  siteName: string;
  source: 'draft' | 'platform';
}

const ROOM_SQL = `SELECT r.id AS scheduleRoomId, s.id AS sessionId, s.plan_code AS planCode, ep.name AS planName, s.subject_code AS subjectCode,
    s.date, s.start_time AS start, s.end_time AS "end", x.name AS roomName, coalesce(st.name, CAST(x.site_id AS TEXT)) AS siteName, p.source
  FROM schedule_rooms r JOIN schedule_sessions s ON s.id = r.session_id JOIN schedule_plans p ON p.plan_code = s.plan_code
  JOIN exam_plans ep ON ep.code = s.plan_code JOIN exam_rooms x ON x.id = r.room_id LEFT JOIN exam_sites st ON st.id = x.site_id`;

/** The instant a session's `HH:MM` on its date is, in the institution's zone. */
export function sessionInstant(date: string, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(institutionDayStart(date).getTime() + (h * 60 + m) * 60_000);
}

/** Check-in opens on the session's day and closes when the session ends. */
export function sessionState(room: { date: string; end: string }, now: Date): SessionState {
  if (institutionDate(now) < room.date) return 'before';
  return now.getTime() >= sessionInstant(room.date, room.end).getTime() ? 'ended' : 'open';
}

/** The room-session a caller may see, or the reason it may not. */
export function loadRoom(call: CallContext, scheduleRoomId: number, scope: Scope = scopeOf(call)): RoomSession {
  const { store } = call.app;
  const room = store.prepare(`${ROOM_SQL} WHERE r.id = ?`).get(scheduleRoomId) as RoomSession | undefined;
  if (!room) throw new AppError('NOT_FOUND', '找不到这个考场的场次，排考可能已经更新，请返回考试当天页面重新选择。');
  if (!scope.all) {
    if (scope.staffId === null) throw new AppError('FORBIDDEN', '您的账号还没有关联到监考人员名单，请联系业务管理员。');
    const where = scopeCondition(scope, 'r.id');
    if (!store.prepare(`SELECT 1 FROM schedule_rooms r WHERE r.id = ? AND ${where.sql}`).get(scheduleRoomId, ...where.params))
      throw new AppError('FORBIDDEN', `您没有被安排在 ${room.roomName}（${room.date} ${room.start}–${room.end}）监考，不能查看或记录它的签到。`);
  }
  if (room.source !== 'platform') throw new AppError('STATE', '这个考场的排考还是本考点的草稿：收到平台的排考（有准考证号）后才能签到。');
  return room;
}

/**
 * Whether the caller may record in this room now: from the session's day until it ends, its
 * invigilators and the coordinators; after it ends, the coordinators alone (a late edit, audited).
 */
export function editRule(call: CallContext, room: RoomSession): { allowed: true; late: boolean } | { allowed: false; reason: string } {
  const state = sessionState(room, call.app.now());
  if (state === 'before') return { allowed: false, reason: `本场考试在 ${room.date} ${room.start}–${room.end}，考试当天才能签到。` };
  if (state === 'open') return { allowed: true, late: false };
  if (call.actor.role === 'invigilator') return { allowed: false, reason: `本场考试已于 ${room.date} ${room.end} 结束，签到记录只能由业务管理员修改。` };
  return { allowed: true, late: true };
}

interface SeatQueryRow {
  seat_id: number;
  seat: number;
  ticket_number: string;
  enrollment_id: number;
  status: Exclude<AttendanceStatus, 'pending'> | null;
  note: string | null;
  recorded_at: string | null;
  recorded_by_name: string | null;
  checked_in_at: string | null;
  flags: number;
}

const SEATS_SQL = `SELECT t.id AS seat_id, t.seat, t.ticket_number, t.enrollment_id, a.status, a.note, a.recorded_at, a.recorded_by_name, a.checked_in_at,
    (SELECT count(*) FROM attendance_flags f WHERE f.seat_id = t.id) AS flags
  FROM schedule_seats t LEFT JOIN attendance a ON a.seat_id = t.id`;

/** The roster rows of a room, or just `seatIds` of it, in seat order. */
export function rosterRows(store: Store, room: RoomSession, seatIds?: readonly number[]): RosterRow[] {
  const rows = store
    .prepare(`${SEATS_SQL} WHERE t.schedule_room_id = ? AND (? IS NULL OR t.id IN (SELECT value FROM json_each(?))) ORDER BY t.seat`)
    .all(room.scheduleRoomId, seatIds ? 1 : null, JSON.stringify(seatIds ?? [])) as SeatQueryRow[];
  const people = new Map(loadPlanEnrollments(store, room.planCode, { ids: rows.map((r) => r.enrollment_id) }).map((e) => [e.id, e]));
  const photos = new Set(
    store
      .prepare('SELECT candidate_id FROM candidate_photos WHERE candidate_id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify([...people.values()].map((p) => p.candidateId))) as number[],
  );
  const rule = readSettings(store).idMaskRule;
  return rows.map((r) => {
    const person = people.get(r.enrollment_id);
    const status: AttendanceStatus = r.status ?? 'pending';
    return {
      seatId: r.seat_id,
      seat: r.seat,
      name: person?.name ?? '',
      idNumber: maskIdNumber(person?.idNumber ?? '', rule),
      ticketNumber: r.ticket_number,
      hasPhoto: person ? photos.has(person.candidateId) : false,
      status,
      statusLabel: ATTENDANCE_STATUS_LABELS[status],
      note: r.note,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by_name,
      checkedInAt: r.checked_in_at,
      flags: r.flags,
    };
  });
}

export function roomTotals(store: Store, scheduleRoomId: number): AttendanceTotals {
  const statuses = store
    .prepare("SELECT coalesce(a.status, 'pending') FROM schedule_seats t LEFT JOIN attendance a ON a.seat_id = t.id WHERE t.schedule_room_id = ?")
    .pluck()
    .all(scheduleRoomId) as AttendanceStatus[];
  return totalsOf(statuses);
}

function roomView(store: Store, room: RoomSession, plans: Map<string, PlanInfo>, now: Date): ExamDayRoom {
  if (!plans.has(room.planCode)) plans.set(room.planCode, loadPlanInfo(store, room.planCode));
  const subject = plans.get(room.planCode)!.subjects.find((s) => s.code === room.subjectCode);
  const invigilators = store
    .prepare('SELECT st.name FROM invigilator_assignments a JOIN staff st ON st.id = a.staff_id WHERE a.schedule_room_id = ? ORDER BY st.name, st.id')
    .pluck()
    .all(room.scheduleRoomId) as string[];
  return {
    scheduleRoomId: room.scheduleRoomId,
    planCode: room.planCode,
    planName: room.planName,
    sessionId: room.sessionId,
    subjectName: subject?.name ?? room.subjectCode,
    certificateName: subject?.certificateName ?? '',
    level: subject?.level ?? '',
    date: room.date,
    start: room.start,
    end: room.end,
    roomName: room.roomName,
    siteName: room.siteName,
    invigilators,
    totals: roomTotals(store, room.scheduleRoomId),
    state: sessionState(room, now),
  };
}

/** 考试当天: the rooms of the day's sessions the caller may see (an invigilator: its own; coordinators: all), in time order. */
export function examDay(call: CallContext, input: { date?: string | undefined }): ExamDay {
  const { store } = call.app;
  const scope = scopeOf(call);
  const today = institutionDate(call.app.now());
  if (input.date !== undefined && input.date !== today && !scope.all) throw new AppError('FORBIDDEN', '监考老师只能查看当天的考场。');
  const date = input.date ?? today;
  const where = scopeCondition(scope, 'r.id');
  const rooms = store
    .prepare(`${ROOM_SQL} WHERE s.date = ? AND p.source = 'platform' AND ${where.sql} ORDER BY s.start_time, s.subject_code, x.name, r.id`)
    .all(date, ...where.params) as RoomSession[];
  const plans = new Map<string, PlanInfo>();
  return {
    date,
    rooms: rooms.map((r) => roomView(store, r, plans, call.app.now())),
    assignedOnly: !scope.all,
    staffName: scope.all ? null : scope.staffName,
  };
}

export function roster(call: CallContext, scheduleRoomId: number): Roster {
  const room = loadRoom(call, scheduleRoomId);
  const rule = editRule(call, room);
  return {
    room: roomView(call.app.store, room, new Map(), call.app.now()),
    rows: rosterRows(call.app.store, room),
    canEdit: rule.allowed,
    editBlocked: rule.allowed ? null : rule.reason,
  };
}
