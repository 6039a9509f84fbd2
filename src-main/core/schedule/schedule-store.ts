import type { ScheduleSource } from '../../../src-shared/domain/schedule';
import type { Store } from '../../store/store';

/**
 * The one place schedule_plans, schedule_sessions, schedule_rooms, schedule_seats, staff,
 * invigilator_assignments and patrol_assignments are written, and the one place this workflow
 * reads enrollments (`ENROLLED`, through `loadPlanEnrollments` and `enrollmentCounts`). The triggers of migration 0012 hold the same rules.
 */

/** An enrollment as the schedule needs it: who, which subject, and the group (major and class) the engine spreads apart. */
export interface PlanEnrollment {
  id: number;
  subjectCode: string;
  candidateId: number;
  name: string;
  idNumber: string;
  kind: 'school' | 'social';
  /** Candidates of one group sit apart: a school candidate's major and entry year, a social candidate's employer. */
  group: string;
}

/**
 * Which enrollments the schedule seats: every enrollment (报考) of the plan. The enrollment
 * workflow (issue 12) owns the table; this is the one place it is read here, so a change in what
 * counts (paid only, say) is made in this query alone.
 */
const ENROLLED = 'SELECT e.id, e.plan_code, e.subject_code, e.candidate_id FROM enrollments e';

/** The enrollments of a plan (or just `ids` of them) with their candidates, in the order they were made. */
export function loadPlanEnrollments(store: Store, planCode: string, only: { ids?: readonly number[] } = {}): PlanEnrollment[] {
  const rows = store
    .prepare(
      `SELECT e.id, e.subject_code, c.id AS candidate_id, c.name, c.id_number, c.kind, c.major, c.entry_year, c.employer
         FROM (${ENROLLED}) e JOIN candidates c ON c.id = e.candidate_id
        WHERE e.plan_code = ? AND (? IS NULL OR e.id IN (SELECT value FROM json_each(?))) ORDER BY e.id`,
    )
    .all(planCode, only.ids ? 1 : null, JSON.stringify(only.ids ?? [])) as {
    id: number;
    subject_code: string;
    candidate_id: number;
    name: string;
    id_number: string;
    kind: 'school' | 'social';
    major: string | null;
    entry_year: number | null;
    employer: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    subjectCode: r.subject_code,
    candidateId: r.candidate_id,
    name: r.name,
    idNumber: r.id_number,
    kind: r.kind,
    group: r.kind === 'school' ? `${r.major ?? ''} ${r.entry_year ?? ''}` : `社会考生 ${r.employer ?? ''}`,
  }));
}

/** How many enrollments each plan has, by the same rule. */
export function enrollmentCounts(store: Store): Map<string, number> {
  const rows = store.prepare(`SELECT plan_code, count(*) AS n FROM (${ENROLLED}) GROUP BY plan_code`).all() as { plan_code: string; n: number }[];
  return new Map(rows.map((r) => [r.plan_code, r.n]));
}

export interface ScheduleContent {
  planCode: string;
  source: ScheduleSource;
  issuedAt: string | null;
  contentHash: string;
  shortfalls: string[];
  inputsHash: string | null;
  sessions: {
    subjectCode: string;
    date: string;
    start: string;
    end: string;
    rooms: { roomId: number; seats: { enrollmentId: number; seat: number; ticketNumber: string | null }[] }[];
  }[];
}

/** A duty the new schedule could not keep: its session or room is gone, or its new time clashes with another duty. */
export interface DroppedDuty {
  staffId: number;
  what: 'invigilate' | 'patrol';
  subjectCode: string;
  date: string;
  start: string;
  /** The room (invigilate) or the site (patrol). */
  placeId: number;
}

interface SavedDuty {
  staff_id: number;
  place_id: number;
  subject_code: string;
  date: string;
  start_time: string;
}

const sessionKey = (subject: string, date: string, start: string) => `${subject} ${date} ${start}`;

/** A duty: `room:<exam room id>` invigilated or `site:<site id>` patrolled, in a sitting. */
export interface Duty {
  place: string;
  subjectCode: string;
  date: string;
  start: string;
  end: string;
}

/** A duty of `staffId` elsewhere than `place` overlapping the session, if any (the triggers' rule, asked first). */
export function clashingDuty(store: Store, staffId: number, sessionId: number, place: string): Duty | null {
  const r = store
    .prepare(
      `SELECT d.place, d.subject_code, d.date, d.start_time, d.end_time FROM staff_duties d, schedule_sessions s
        WHERE s.id = ? AND d.staff_id = ? AND d.place <> ? AND d.date = s.date AND d.start_time < s.end_time AND s.start_time < d.end_time
        ORDER BY d.start_time LIMIT 1`,
    )
    .get(sessionId, staffId, place) as { place: string; subject_code: string; date: string; start_time: string; end_time: string } | undefined;
  return r ? { place: r.place, subjectCode: r.subject_code, date: r.date, start: r.start_time, end: r.end_time } : null;
}

/**
 * Puts `content` in place of the plan's schedule (the caller's transaction). Invigilators and
 * patrol staff stay where their session (subject, date, start) and room or site are still there,
 * unless the new times put them in two places at once; the rest are returned as dropped.
 */
export function replaceSchedule(store: Store, content: ScheduleContent, now: string): { kept: number; dropped: DroppedDuty[] } {
  const plan = content.planCode;
  const invigilating = store
    .prepare(
      `SELECT a.staff_id, r.room_id AS place_id, s.subject_code, s.date, s.start_time
         FROM invigilator_assignments a JOIN schedule_rooms r ON r.id = a.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id
        WHERE s.plan_code = ? ORDER BY s.date, s.start_time, r.room_id, a.staff_id`,
    )
    .all(plan) as SavedDuty[];
  const patrolling = store
    .prepare(
      `SELECT p.staff_id, p.site_id AS place_id, s.subject_code, s.date, s.start_time
         FROM patrol_assignments p JOIN schedule_sessions s ON s.id = p.session_id
        WHERE s.plan_code = ? ORDER BY s.date, s.start_time, p.site_id, p.staff_id`,
    )
    .all(plan) as SavedDuty[];

  store
    .prepare(
      `INSERT INTO schedule_plans (plan_code, source, issued_at, content_hash, shortfalls_json, inputs_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (plan_code) DO UPDATE SET source = excluded.source, issued_at = excluded.issued_at, content_hash = excluded.content_hash,
         shortfalls_json = excluded.shortfalls_json, inputs_hash = excluded.inputs_hash, updated_at = excluded.updated_at`,
    )
    .run(plan, content.source, content.issuedAt, content.contentHash, JSON.stringify(content.shortfalls), content.inputsHash, now, now);
  store.prepare('DELETE FROM schedule_sessions WHERE plan_code = ?').run(plan);

  const insertSession = store.prepare('INSERT INTO schedule_sessions (plan_code, subject_code, date, start_time, end_time) VALUES (?, ?, ?, ?, ?)');
  const insertRoom = store.prepare('INSERT INTO schedule_rooms (session_id, room_id) VALUES (?, ?)');
  const insertSeat = store.prepare('INSERT INTO schedule_seats (schedule_room_id, enrollment_id, seat, ticket_number) VALUES (?, ?, ?, ?)');
  const sessions = new Map<string, number>();
  const rooms = new Map<string, number>();
  for (const s of content.sessions) {
    const sessionId = Number(insertSession.run(plan, s.subjectCode, s.date, s.start, s.end).lastInsertRowid);
    sessions.set(sessionKey(s.subjectCode, s.date, s.start), sessionId);
    for (const r of s.rooms) {
      const scheduleRoomId = Number(insertRoom.run(sessionId, r.roomId).lastInsertRowid);
      rooms.set(`${sessionId}/${r.roomId}`, scheduleRoomId);
      for (const seat of r.seats) insertSeat.run(scheduleRoomId, seat.enrollmentId, seat.seat, seat.ticketNumber);
    }
  }

  const dropped: DroppedDuty[] = [];
  let kept = 0;
  const restore = (d: SavedDuty, what: DroppedDuty['what']) => {
    const sessionId = sessions.get(sessionKey(d.subject_code, d.date, d.start_time));
    const scheduleRoomId = sessionId === undefined ? undefined : rooms.get(`${sessionId}/${d.place_id}`);
    const place = what === 'invigilate' ? `room:${d.place_id}` : `site:${d.place_id}`;
    const fits =
      sessionId !== undefined &&
      (what === 'invigilate' ? scheduleRoomId !== undefined : siteHoldsSession(store, sessionId, d.place_id)) &&
      !clashingDuty(store, d.staff_id, sessionId, place);
    if (!fits) {
      dropped.push({ staffId: d.staff_id, what, subjectCode: d.subject_code, date: d.date, start: d.start_time, placeId: d.place_id });
      return;
    }
    if (what === 'invigilate') store.prepare('INSERT INTO invigilator_assignments (schedule_room_id, staff_id) VALUES (?, ?)').run(scheduleRoomId, d.staff_id);
    else store.prepare('INSERT INTO patrol_assignments (session_id, site_id, staff_id) VALUES (?, ?, ?)').run(sessionId, d.place_id, d.staff_id);
    kept++;
  };
  for (const d of invigilating) restore(d, 'invigilate');
  for (const d of patrolling) restore(d, 'patrol');
  return { kept, dropped };
}

function siteHoldsSession(store: Store, sessionId: number, siteId: number): boolean {
  return !!store.prepare('SELECT 1 FROM schedule_rooms r JOIN exam_rooms x ON x.id = r.room_id WHERE r.session_id = ? AND x.site_id = ? LIMIT 1').get(sessionId, siteId);
}

export function setMinInvigilators(store: Store, planCode: string, minimum: number, now: string): void {
  store.prepare('UPDATE schedule_plans SET min_invigilators = ?, updated_at = ? WHERE plan_code = ?').run(minimum, now, planCode);
}

export interface StaffContent {
  name: string;
  phone: string;
  department: string;
  userId: number | null;
}

export function insertStaff(store: Store, c: StaffContent, now: string): number {
  const r = store
    .prepare('INSERT INTO staff (name, phone, department, user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(c.name, c.phone, c.department, c.userId, now, now);
  return Number(r.lastInsertRowid);
}

export function updateStaff(store: Store, id: number, c: StaffContent, now: string): void {
  store.prepare('UPDATE staff SET name = ?, phone = ?, department = ?, user_id = ?, updated_at = ? WHERE id = ?').run(c.name, c.phone, c.department, c.userId, now, id);
}

export function deleteStaffRow(store: Store, id: number): void {
  store.prepare('DELETE FROM staff WHERE id = ?').run(id);
}

/** The room's invigilators in the session become exactly `staffIds`. */
export function setRoomInvigilators(store: Store, scheduleRoomId: number, staffIds: readonly number[]): void {
  store.prepare('DELETE FROM invigilator_assignments WHERE schedule_room_id = ?').run(scheduleRoomId);
  const insert = store.prepare('INSERT INTO invigilator_assignments (schedule_room_id, staff_id) VALUES (?, ?)');
  for (const id of staffIds) insert.run(scheduleRoomId, id);
}

/** The site's patrol staff in the session become exactly `staffIds`. */
export function setPatrolStaff(store: Store, sessionId: number, siteId: number, staffIds: readonly number[]): void {
  store.prepare('DELETE FROM patrol_assignments WHERE session_id = ? AND site_id = ?').run(sessionId, siteId);
  const insert = store.prepare('INSERT INTO patrol_assignments (session_id, site_id, staff_id) VALUES (?, ?, ?)');
  for (const id of staffIds) insert.run(sessionId, siteId, id);
}
