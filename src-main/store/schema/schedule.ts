import { col, table, type RowOf } from './columns';

/** A plan's schedule (the platform's, or the site's draft), its sessions, rooms and seats; the staff and their duties (migration 0012). */
export const scheduleTables = {
  schedule_plans: table({
    plan_code: col.text().primaryKey(),
    source: col.text('draft', 'platform'),
    issued_at: col.text().nullable(),
    content_hash: col.text(),
    shortfalls_json: col.text().generated(),
    inputs_hash: col.text().nullable(),
    min_invigilators: col.int().generated(),
    created_at: col.text(),
    updated_at: col.text(),
  }),
  schedule_sessions: table({
    id: col.int().primaryKey().generated(),
    plan_code: col.text(),
    subject_code: col.text(),
    date: col.text(),
    start_time: col.text(),
    end_time: col.text(),
  }),
  schedule_rooms: table({
    id: col.int().primaryKey().generated(),
    session_id: col.int(),
    room_id: col.int(),
  }),
  schedule_seats: table({
    id: col.int().primaryKey().generated(),
    schedule_room_id: col.int(),
    enrollment_id: col.int(),
    seat: col.int(),
    ticket_number: col.text().nullable(),
  }),
  staff: table({
    id: col.int().primaryKey().generated(),
    name: col.text(),
    phone: col.text(),
    department: col.text().generated(),
    user_id: col.int().nullable(),
    created_at: col.text(),
    updated_at: col.text(),
  }),
  invigilator_assignments: table({
    schedule_room_id: col.int().primaryKey(),
    staff_id: col.int().primaryKey(),
  }),
  patrol_assignments: table({
    session_id: col.int().primaryKey(),
    site_id: col.int().primaryKey(),
    staff_id: col.int().primaryKey(),
  }),
};

export type SchedulePlanTable = RowOf<typeof scheduleTables.schedule_plans>;
export type ScheduleSessionTable = RowOf<typeof scheduleTables.schedule_sessions>;
export type StaffTable = RowOf<typeof scheduleTables.staff>;
