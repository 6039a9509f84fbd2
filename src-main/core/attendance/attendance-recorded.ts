import type { Store } from '../../store/store';

/** Whether any seat of the plan's schedule has attendance recorded: from then on the schedule is what the rooms worked from. */
export function attendanceRecorded(store: Store, planCode: string): boolean {
  return !!store
    .prepare(
      `SELECT 1 FROM attendance a JOIN schedule_seats t ON t.id = a.seat_id JOIN schedule_rooms r ON r.id = t.schedule_room_id
         JOIN schedule_sessions s ON s.id = r.session_id WHERE s.plan_code = ? LIMIT 1`,
    )
    .get(planCode);
}
