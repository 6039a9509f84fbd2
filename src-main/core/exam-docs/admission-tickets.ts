import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { TICKET_RULES } from '../../../src-shared/domain/ticket-rules';
import type { AdmissionTicket, TicketSubject } from '../../pipelines/pdf/exam-docs/types';
import type { Store } from '../../store/store';
import { loadPlanInfo } from '../schedule/plan-sittings';
import { readSettings } from '../settings/settings-service';
import { ticketQrText, ticketSecret } from '../tickets/check-code';
import { institutionName, roomPlace, type RoomPlace } from './room-sheets';

interface SeatQueryRow {
  seat: number;
  ticket_number: string;
  subject_code: string;
  date: string;
  start_time: string;
  end_time: string;
  room_id: number;
  room_name: string;
}

/**
 * One admission ticket per candidate (in the order given): all their subjects of the plan by
 * date and time, each with its room, seat and the room's full address. The ticket carries the
 * number of the candidate's first sitting; check-in finds the candidate's seat of any session
 * from it (attendance/identify.ts). Read one candidate at a time, so a plan's tickets stream.
 */
export function* admissionTickets(store: Store, planCode: string, candidateIds: readonly number[]): Generator<AdmissionTicket> {
  const plan = loadPlanInfo(store, planCode);
  const subjects = new Map(plan.subjects.map((s) => [s.code, s]));
  const rule = readSettings(store).idMaskRule;
  const secret = ticketSecret(store);
  const school = institutionName(store);
  const person = store.prepare('SELECT name, id_number FROM candidates WHERE id = ?');
  const photo = store.prepare('SELECT data FROM candidate_photos WHERE candidate_id = ?').pluck();
  const seats = store.prepare(
    `SELECT t.seat, t.ticket_number, s.subject_code, s.date, s.start_time, s.end_time, x.id AS room_id, x.name AS room_name
       FROM schedule_seats t JOIN enrollments e ON e.id = t.enrollment_id JOIN schedule_rooms r ON r.id = t.schedule_room_id
       JOIN schedule_sessions s ON s.id = r.session_id JOIN exam_rooms x ON x.id = r.room_id
      WHERE s.plan_code = ? AND e.candidate_id = ? ORDER BY s.date, s.start_time, s.subject_code`,
  );
  const places = new Map<number, RoomPlace>();
  const placeOf = (roomId: number) => {
    if (!places.has(roomId)) places.set(roomId, roomPlace(store, roomId));
    return places.get(roomId)!;
  };
  for (const id of candidateIds) {
    const c = person.get(id) as { name: string; id_number: string } | undefined;
    const rows = seats.all(planCode, id) as SeatQueryRow[];
    if (!c || !rows.length) continue;
    const first = rows[0]!;
    const certs = [...new Set(rows.map((r) => subjects.get(r.subject_code)?.certificateName ?? ''))].filter(Boolean);
    const levels = [...new Set(rows.map((r) => subjects.get(r.subject_code)?.level ?? ''))].filter(Boolean);
    yield {
      ticketNumber: first.ticket_number,
      name: c.name,
      maskedIdNumber: maskIdNumber(c.id_number, rule),
      photo: (photo.get(id) as Buffer | undefined) ?? null,
      institutionName: school,
      certificateName: certs.join('、'),
      level: levels.join('、'),
      planName: plan.name,
      subjects: rows.map((r): TicketSubject => ({
        subjectName: subjects.get(r.subject_code)?.name ?? r.subject_code,
        session: { date: r.date, start: r.start_time, end: r.end_time },
        siteName: placeOf(r.room_id).siteName,
        roomName: r.room_name,
        roomAddress: placeOf(r.room_id).roomAddress,
        seatNumber: r.seat,
      })),
      rules: [...TICKET_RULES],
      qrText: ticketQrText(secret, first.ticket_number),
    };
  }
}
