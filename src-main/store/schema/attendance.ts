import { col, table, type RowOf } from './columns';

/** 考勤: what each seat of the platform's schedule recorded on exam day, and the 人证不符 flags (migration 0013). */
export const attendanceTables = {
  attendance: table({
    seat_id: col.int().primaryKey(),
    status: col.text('present', 'absent', 'irregular'),
    note: col.text().nullable(),
    recorded_at: col.text(),
    recorded_by: col.int().nullable(),
    recorded_by_name: col.text(),
    checked_in_at: col.text().nullable(),
    late: col.int(0, 1).generated(),
  }),
  attendance_flags: table({
    id: col.int().primaryKey().generated(),
    seat_id: col.int(),
    flagged_at: col.text(),
    flagged_by: col.int().nullable(),
    flagged_by_name: col.text(),
    note: col.text().generated(),
  }),
};

export type AttendanceTable = RowOf<typeof attendanceTables.attendance>;
