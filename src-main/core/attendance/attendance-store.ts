import type { AttendanceStatus } from '../../../src-shared/domain/attendance';
import type { Store } from '../../store/store';

/**
 * The one place attendance and attendance_flags are written. The triggers of migration 0013 keep
 * both to the platform's schedule; a seat with no attendance row is 未签到.
 */

export interface AttendanceRecord {
  status: Exclude<AttendanceStatus, 'pending'>;
  note: string | null;
  checkedInAt: string | null;
  late: boolean;
}

export interface Recorder {
  id: number | null;
  name: string;
}

export function writeAttendance(store: Store, seatId: number, record: AttendanceRecord, by: Recorder, at: string): void {
  store
    .prepare(
      `INSERT INTO attendance (seat_id, status, note, recorded_at, recorded_by, recorded_by_name, checked_in_at, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (seat_id) DO UPDATE SET status = excluded.status, note = excluded.note, recorded_at = excluded.recorded_at,
         recorded_by = excluded.recorded_by, recorded_by_name = excluded.recorded_by_name, checked_in_at = excluded.checked_in_at, late = excluded.late`,
    )
    .run(seatId, record.status, record.note, at, by.id, by.name, record.checkedInAt, record.late ? 1 : 0);
}

export function writeMismatchFlag(store: Store, seatId: number, note: string, by: Recorder, at: string): void {
  store.prepare('INSERT INTO attendance_flags (seat_id, flagged_at, flagged_by, flagged_by_name, note) VALUES (?, ?, ?, ?, ?)').run(seatId, at, by.id, by.name, note);
}
