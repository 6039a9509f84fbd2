import type { Database } from 'better-sqlite3';

/**
 * 排考 and 监考安排 (the manual's 2.2.9): a plan's schedule — the platform's, or the site's own
 * draft before it arrives — as sessions, the rooms of each session and the seats in them, and
 * the staff who invigilate a room or patrol a site in a session. The triggers hold what no code
 * path may break: seats only for the session's own enrollments and within the room's seats, a
 * room in one session at a time, ticket numbers exactly on the platform's schedule, a linked
 * account that is an invigilator's, and nobody in two places at once. Frozen.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE schedule_plans (
      plan_code TEXT PRIMARY KEY REFERENCES exam_plans(code) ON DELETE RESTRICT,
      source TEXT NOT NULL CHECK (source IN ('draft', 'platform')),
      -- The platform's own time of issue: a newer schedule replaces an older one, never the reverse.
      issued_at TEXT,
      -- SHA-256 of the schedule's canonical content: the same schedule again changes nothing.
      content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
      -- A draft: the engine's shortfalls, and what it was built from (rooms and enrollments) to tell when it is stale.
      shortfalls_json TEXT NOT NULL DEFAULT '[]',
      inputs_hash TEXT,
      min_invigilators INTEGER NOT NULL DEFAULT 2 CHECK (min_invigilators BETWEEN 1 AND 10),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((source = 'platform') = (issued_at IS NOT NULL))
    ) STRICT;
    CREATE TRIGGER schedule_plans_no_draft_over_platform BEFORE UPDATE OF source ON schedule_plans
      WHEN OLD.source = 'platform' AND NEW.source = 'draft'
      BEGIN SELECT RAISE(ABORT, 'a draft cannot replace the platform schedule'); END;

    CREATE TABLE schedule_sessions (
      id INTEGER PRIMARY KEY,
      plan_code TEXT NOT NULL REFERENCES schedule_plans(plan_code) ON DELETE CASCADE,
      subject_code TEXT NOT NULL REFERENCES exam_subjects(code) ON DELETE RESTRICT,
      date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
      start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
      end_time TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time > start_time),
      UNIQUE (plan_code, subject_code, date, start_time)
    ) STRICT;
    CREATE INDEX schedule_sessions_date ON schedule_sessions(date, start_time);

    CREATE TABLE schedule_rooms (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES schedule_sessions(id) ON DELETE CASCADE,
      -- A room deleted from 考场管理 takes its place in a draft with it; the platform's schedule keeps it (trigger below).
      room_id INTEGER NOT NULL REFERENCES exam_rooms(id) ON DELETE CASCADE,
      UNIQUE (session_id, room_id)
    ) STRICT;
    CREATE INDEX schedule_rooms_room ON schedule_rooms(room_id);

    -- A room of the session's plan, of the subject's method, and in no other session at an overlapping time.
    CREATE TRIGGER schedule_rooms_fit BEFORE INSERT ON schedule_rooms
      WHEN NOT EXISTS (
        SELECT 1 FROM schedule_sessions s JOIN exam_rooms r ON r.id = NEW.room_id JOIN exam_subjects x ON x.code = s.subject_code
        WHERE s.id = NEW.session_id AND r.plan_code = s.plan_code AND r.type = x.method)
      BEGIN SELECT RAISE(ABORT, 'the room is not of the session plan or of its subject method'); END;
    CREATE TRIGGER schedule_rooms_one_session BEFORE INSERT ON schedule_rooms
      WHEN EXISTS (
        SELECT 1 FROM schedule_rooms o JOIN schedule_sessions os ON os.id = o.session_id, schedule_sessions s
        WHERE s.id = NEW.session_id AND o.room_id = NEW.room_id AND os.date = s.date AND os.start_time < s.end_time AND s.start_time < os.end_time)
      BEGIN SELECT RAISE(ABORT, 'the room is in another session at that time'); END;

    CREATE TABLE schedule_seats (
      id INTEGER PRIMARY KEY,
      schedule_room_id INTEGER NOT NULL REFERENCES schedule_rooms(id) ON DELETE CASCADE,
      enrollment_id INTEGER NOT NULL UNIQUE REFERENCES enrollments(id) ON DELETE CASCADE,
      seat INTEGER NOT NULL CHECK (seat BETWEEN 1 AND 999),
      -- 准考证号: 20 digits on the platform's schedule; a draft has none (the platform issues them).
      ticket_number TEXT UNIQUE CHECK (ticket_number IS NULL OR (length(ticket_number) = 20 AND ticket_number NOT GLOB '*[^0-9]*')),
      UNIQUE (schedule_room_id, seat)
    ) STRICT;

    CREATE TRIGGER schedule_seats_fit BEFORE INSERT ON schedule_seats
      WHEN NOT EXISTS (
        SELECT 1 FROM schedule_rooms r JOIN schedule_sessions s ON s.id = r.session_id JOIN enrollments e ON e.id = NEW.enrollment_id
        WHERE r.id = NEW.schedule_room_id AND e.plan_code = s.plan_code AND e.subject_code = s.subject_code)
      BEGIN SELECT RAISE(ABORT, 'the seat is not for an enrollment of the session subject'); END;
    CREATE TRIGGER schedule_seats_within_room BEFORE INSERT ON schedule_seats
      WHEN NEW.seat > (SELECT x.seats FROM schedule_rooms r JOIN exam_rooms x ON x.id = r.room_id WHERE r.id = NEW.schedule_room_id)
      BEGIN SELECT RAISE(ABORT, 'the seat number is beyond the room seats'); END;
    CREATE TRIGGER schedule_seats_ticket BEFORE INSERT ON schedule_seats
      WHEN (NEW.ticket_number IS NULL) <> (
        SELECT p.source = 'draft' FROM schedule_rooms r JOIN schedule_sessions s ON s.id = r.session_id JOIN schedule_plans p ON p.plan_code = s.plan_code
        WHERE r.id = NEW.schedule_room_id)
      BEGIN SELECT RAISE(ABORT, 'a ticket number belongs on the platform schedule only'); END;
    CREATE TRIGGER schedule_seats_fixed BEFORE UPDATE ON schedule_seats
      BEGIN SELECT RAISE(ABORT, 'a seat is replaced with its schedule, not edited'); END;

    -- What the platform seated stays until the platform's next schedule says otherwise.
    CREATE TRIGGER enrollments_seated_by_platform BEFORE DELETE ON enrollments
      WHEN EXISTS (
        SELECT 1 FROM schedule_seats t JOIN schedule_rooms r ON r.id = t.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id
          JOIN schedule_plans p ON p.plan_code = s.plan_code
        WHERE t.enrollment_id = OLD.id AND p.source = 'platform')
      BEGIN SELECT RAISE(ABORT, 'the enrollment is seated in the platform schedule'); END;
    CREATE TRIGGER exam_rooms_scheduled_by_platform BEFORE DELETE ON exam_rooms
      WHEN EXISTS (
        SELECT 1 FROM schedule_rooms r JOIN schedule_sessions s ON s.id = r.session_id JOIN schedule_plans p ON p.plan_code = s.plan_code
        WHERE r.room_id = OLD.id AND p.source = 'platform')
      BEGIN SELECT RAISE(ABORT, 'the room is in the platform schedule'); END;

    -- 监考/巡考 teachers, with or without an invigilator account of their own.
    CREATE TABLE staff (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      phone TEXT NOT NULL CHECK (length(phone) = 11 AND phone GLOB '1[3-9]*' AND phone NOT GLOB '*[^0-9]*'),
      department TEXT NOT NULL DEFAULT '' CHECK (length(department) <= 60),
      user_id INTEGER UNIQUE REFERENCES users(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER staff_account_insert BEFORE INSERT ON staff
      WHEN NEW.user_id IS NOT NULL AND (SELECT role FROM users WHERE id = NEW.user_id) IS NOT 'invigilator'
      BEGIN SELECT RAISE(ABORT, 'a staff member links only an invigilator account'); END;
    CREATE TRIGGER staff_account_update BEFORE UPDATE OF user_id ON staff
      WHEN NEW.user_id IS NOT NULL AND (SELECT role FROM users WHERE id = NEW.user_id) IS NOT 'invigilator'
      BEGIN SELECT RAISE(ABORT, 'a staff member links only an invigilator account'); END;

    CREATE TABLE invigilator_assignments (
      schedule_room_id INTEGER NOT NULL REFERENCES schedule_rooms(id) ON DELETE CASCADE,
      staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
      PRIMARY KEY (schedule_room_id, staff_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX invigilator_assignments_staff ON invigilator_assignments(staff_id);

    CREATE TABLE patrol_assignments (
      session_id INTEGER NOT NULL REFERENCES schedule_sessions(id) ON DELETE CASCADE,
      site_id INTEGER NOT NULL REFERENCES exam_sites(id) ON DELETE RESTRICT,
      staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
      PRIMARY KEY (session_id, site_id, staff_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX patrol_assignments_staff ON patrol_assignments(staff_id);

    -- Every duty of every person with its place and time: a room it invigilates, or a site it patrols.
    CREATE VIEW staff_duties AS
      SELECT a.staff_id, 'room:' || r.room_id AS place, s.subject_code, s.date, s.start_time, s.end_time
        FROM invigilator_assignments a JOIN schedule_rooms r ON r.id = a.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id
      UNION ALL
      SELECT p.staff_id, 'site:' || p.site_id, s.subject_code, s.date, s.start_time, s.end_time
        FROM patrol_assignments p JOIN schedule_sessions s ON s.id = p.session_id;

    CREATE TRIGGER invigilator_assignments_one_place BEFORE INSERT ON invigilator_assignments
      WHEN EXISTS (
        SELECT 1 FROM staff_duties d, schedule_rooms r JOIN schedule_sessions s ON s.id = r.session_id
        WHERE r.id = NEW.schedule_room_id AND d.staff_id = NEW.staff_id AND d.place <> 'room:' || r.room_id
          AND d.date = s.date AND d.start_time < s.end_time AND s.start_time < d.end_time)
      BEGIN SELECT RAISE(ABORT, 'the staff member is on duty elsewhere at that time'); END;
    -- A patrol walks a site that holds a room of the session.
    CREATE TRIGGER patrol_assignments_fit BEFORE INSERT ON patrol_assignments
      WHEN NOT EXISTS (
        SELECT 1 FROM schedule_rooms r JOIN exam_rooms x ON x.id = r.room_id WHERE r.session_id = NEW.session_id AND x.site_id = NEW.site_id)
      BEGIN SELECT RAISE(ABORT, 'the site holds no room of the session'); END;
    CREATE TRIGGER patrol_assignments_one_place BEFORE INSERT ON patrol_assignments
      WHEN EXISTS (
        SELECT 1 FROM staff_duties d, schedule_sessions s
        WHERE s.id = NEW.session_id AND d.staff_id = NEW.staff_id AND d.place <> 'site:' || NEW.site_id
          AND d.date = s.date AND d.start_time < s.end_time AND s.start_time < d.end_time)
      BEGIN SELECT RAISE(ABORT, 'the staff member is on duty elsewhere at that time'); END;
  `);
}
