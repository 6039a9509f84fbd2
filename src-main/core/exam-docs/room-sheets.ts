import type { RoomSessionRow } from '../../../src-shared/api/schedule';
import { sat, type AttendanceStatus } from '../../../src-shared/domain/attendance';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import type { ExamRoomSheet, ExamSeat } from '../../pipelines/pdf/exam-docs/types';
import type { Store } from '../../store/store';
import { roomTotals } from '../attendance/attendance-rooms';
import { loadPlanEnrollments } from '../schedule/schedule-store';
import { readSettings } from '../settings/settings-service';

export interface RoomPlace {
  siteName: string;
  siteAddress: string;
  /** Region, street address and the room: as a stranger to the campus finds it. */
  roomAddress: string;
}

/** Where an exam room is: its site's name and address, and the room's own full address. */
export function roomPlace(store: Store, roomId: number): RoomPlace {
  const r = store
    .prepare(
      `SELECT x.name, x.province, x.city, x.district, x.address, s.name AS site_name, s.province AS sp, s.city AS sc, s.district AS sd, s.address AS sa
         FROM exam_rooms x LEFT JOIN exam_sites s ON s.id = x.site_id WHERE x.id = ?`,
    )
    .get(roomId) as {
    name: string;
    province: string;
    city: string;
    district: string;
    address: string;
    site_name: string | null;
    sp: string | null;
    sc: string | null;
    sd: string | null;
    sa: string | null;
  };
  return {
    siteName: r.site_name ?? '',
    siteAddress: r.sa === null ? '' : `${r.sp ?? ''}${r.sc ?? ''}${r.sd ?? ''}${r.sa}`,
    roomAddress: `${r.province}${r.city}${r.district}${r.address} ${r.name}`,
  };
}

export function institutionName(store: Store): string {
  return store.get(store.q.selectFrom('institution').select('name'))?.name ?? '';
}

interface SeatQueryRow {
  seat: number;
  ticket_number: string;
  enrollment_id: number;
  status: Exclude<AttendanceStatus, 'pending'> | null;
  note: string | null;
}

/**
 * The sign-in sheets' (desk labels', door signs') input, one room sitting at a time: seats in
 * seat order, ID numbers masked by the store's rule, photos only when asked, and the totals
 * once check-in has recorded anything (a sheet printed before stays blank for the pen).
 */
export function* roomSheets(store: Store, planCode: string, rows: readonly RoomSessionRow[], o: { photos: boolean }): Generator<ExamRoomSheet> {
  const rule = readSettings(store).idMaskRule;
  const school = institutionName(store);
  const seatsOf = store.prepare(
    `SELECT t.seat, t.ticket_number, t.enrollment_id, a.status, a.note FROM schedule_seats t LEFT JOIN attendance a ON a.seat_id = t.id
      WHERE t.schedule_room_id = ? ORDER BY t.seat`,
  );
  const photoOf = store.prepare('SELECT data FROM candidate_photos WHERE candidate_id = ?').pluck();
  const places = new Map<number, RoomPlace>();
  for (const row of rows) {
    if (!places.has(row.roomId)) places.set(row.roomId, roomPlace(store, row.roomId));
    const place = places.get(row.roomId)!;
    const seats = seatsOf.all(row.scheduleRoomId) as SeatQueryRow[];
    const people = new Map(loadPlanEnrollments(store, planCode, { ids: seats.map((s) => s.enrollment_id) }).map((e) => [e.id, e]));
    const totals = roomTotals(store, row.scheduleRoomId);
    const recorded = totals.pending < totals.expected;
    yield {
      siteName: place.siteName || row.siteName,
      siteAddress: place.siteAddress,
      institutionName: school,
      roomName: row.roomName,
      roomAddress: place.roomAddress,
      subjectName: row.subjectName,
      certificateName: row.certificateName,
      level: row.level,
      session: { date: row.date, start: row.start, end: row.end },
      invigilators: row.invigilators.map((p) => p.name),
      patrolStaff: row.patrol.map((p) => p.name),
      totals: recorded ? { expected: totals.expected, present: sat(totals), absent: totals.absent } : { expected: totals.expected },
      seats: seats.map((s): ExamSeat => {
        const person = people.get(s.enrollment_id);
        return {
          seatNumber: s.seat,
          name: person?.name ?? '',
          maskedIdNumber: maskIdNumber(person?.idNumber ?? '', rule),
          ticketNumber: s.ticket_number,
          institutionName: school,
          photo: o.photos && person ? ((photoOf.get(person.candidateId) as Buffer | undefined) ?? null) : null,
          attendance: s.status,
          note: s.note,
        };
      }),
    };
  }
}
