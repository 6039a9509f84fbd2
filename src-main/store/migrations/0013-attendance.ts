import type { Database } from 'better-sqlite3';

/**
 * 考勤 (exam day): per seat of the platform's schedule, what the room recorded — 已到, 缺考 or
 * 违纪 with its note (no row: 未签到) — when and by whom; and every 人证不符 flag raised at the
 * check-in desk, kept as a log. A draft's seats are the site's guess and have no tickets: the
 * triggers refuse recording anything on them. A seat goes with its schedule (cascade); a new
 * schedule with recorded attendance is refused by the trigger on schedule_seats. Frozen.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE attendance (
      seat_id INTEGER PRIMARY KEY REFERENCES schedule_seats(id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'irregular')),
      -- 违纪: what happened, in the invigilator's words; nothing else carries a note.
      note TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 200),
      recorded_at TEXT NOT NULL,
      recorded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
      recorded_by_name TEXT NOT NULL CHECK (length(recorded_by_name) BETWEEN 1 AND 60),
      -- When the candidate was first confirmed present (kept through a later 违纪).
      checked_in_at TEXT,
      -- Recorded after the session had ended (a coordinator's correction).
      late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
      CHECK ((status = 'irregular') = (note IS NOT NULL)),
      CHECK ((status = 'absent') = (checked_in_at IS NULL))
    ) STRICT;

    CREATE TABLE attendance_flags (
      id INTEGER PRIMARY KEY,
      seat_id INTEGER NOT NULL REFERENCES schedule_seats(id) ON DELETE CASCADE,
      flagged_at TEXT NOT NULL,
      flagged_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
      flagged_by_name TEXT NOT NULL CHECK (length(flagged_by_name) BETWEEN 1 AND 60),
      note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200)
    ) STRICT;
    CREATE INDEX attendance_flags_seat ON attendance_flags(seat_id);

    CREATE TRIGGER attendance_platform_only BEFORE INSERT ON attendance
      WHEN (SELECT p.source FROM schedule_seats t JOIN schedule_rooms r ON r.id = t.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id
              JOIN schedule_plans p ON p.plan_code = s.plan_code WHERE t.id = NEW.seat_id) IS NOT 'platform'
      BEGIN SELECT RAISE(ABORT, 'attendance is recorded on the platform schedule only'); END;
    CREATE TRIGGER attendance_flags_platform_only BEFORE INSERT ON attendance_flags
      WHEN (SELECT p.source FROM schedule_seats t JOIN schedule_rooms r ON r.id = t.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id
              JOIN schedule_plans p ON p.plan_code = s.plan_code WHERE t.id = NEW.seat_id) IS NOT 'platform'
      BEGIN SELECT RAISE(ABORT, 'attendance is recorded on the platform schedule only'); END;
    CREATE TRIGGER attendance_seat_fixed BEFORE UPDATE OF seat_id ON attendance
      BEGIN SELECT RAISE(ABORT, 'an attendance record stays with its seat'); END;

    -- What a room recorded is not thrown away by a reissued schedule.
    CREATE TRIGGER schedule_seats_attended BEFORE DELETE ON schedule_seats
      WHEN EXISTS (SELECT 1 FROM attendance a WHERE a.seat_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'the seat has attendance recorded'); END;
  `);
}
