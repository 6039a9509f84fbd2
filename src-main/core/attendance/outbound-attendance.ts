import type { AttendancePayload } from '../../../src-shared/domain/attendance-kinds';
import { ATTENDANCE_STATUS_LABELS, sat, totalsOf, type AttendanceStatus } from '../../../src-shared/domain/attendance';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import type { OutboundModules, OutboundPart } from '../packages/kind-module';
import { loadPlanInfo } from '../schedule/plan-sittings';
import { loadPlanEnrollments } from '../schedule/schedule-store';

interface SeatRow {
  session_id: number;
  subject_code: string;
  date: string;
  start_time: string;
  end_time: string;
  schedule_room_id: number;
  site_id: number;
  site_name: string | null;
  room_name: string;
  seat: number;
  ticket_number: string;
  enrollment_id: number;
  status: Exclude<AttendanceStatus, 'pending'> | null;
  note: string | null;
  checked_in_at: string | null;
  recorded_at: string | null;
  late: number | null;
  flags: number;
}

function planSeats(store: Store, planCode: string): AttendancePayload['plans'][number] {
  const plan = loadPlanInfo(store, planCode);
  const subjects = new Map(plan.subjects.map((s) => [s.code, s.name]));
  const rows = store
    .prepare(
      `SELECT s.id AS session_id, s.subject_code, s.date, s.start_time, s.end_time, r.id AS schedule_room_id, x.site_id, st.name AS site_name, x.name AS room_name,
              t.seat, t.ticket_number, t.enrollment_id, a.status, a.note, a.checked_in_at, a.recorded_at, a.late,
              (SELECT count(*) FROM attendance_flags f WHERE f.seat_id = t.id) AS flags
         FROM schedule_seats t JOIN schedule_rooms r ON r.id = t.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id
         JOIN exam_rooms x ON x.id = r.room_id LEFT JOIN exam_sites st ON st.id = x.site_id LEFT JOIN attendance a ON a.seat_id = t.id
        WHERE s.plan_code = ? ORDER BY s.date, s.start_time, s.subject_code, x.name, r.id, t.seat`,
    )
    .all(planCode) as SeatRow[];
  const people = new Map(loadPlanEnrollments(store, planCode).map((e) => [e.id, e]));
  const sessions = new Map<number, AttendancePayload['plans'][number]['sessions'][number]>();
  const rooms = new Map<number, AttendancePayload['plans'][number]['sessions'][number]['rooms'][number]>();
  for (const r of rows) {
    let session = sessions.get(r.session_id);
    if (!session) {
      session = { subjectCode: r.subject_code, subjectName: subjects.get(r.subject_code) ?? r.subject_code, date: r.date, start: r.start_time, end: r.end_time, rooms: [] };
      sessions.set(r.session_id, session);
    }
    let room = rooms.get(r.schedule_room_id);
    if (!room) {
      room = { siteId: r.site_id, siteName: r.site_name ?? String(r.site_id), roomName: r.room_name, totals: totalsOf([]), seats: [] };
      rooms.set(r.schedule_room_id, room);
      session.rooms.push(room);
    }
    const person = people.get(r.enrollment_id);
    room.seats.push({
      seat: r.seat,
      ticketNumber: r.ticket_number,
      idNumber: person?.idNumber ?? '',
      name: person?.name ?? '',
      status: r.status ?? 'pending',
      note: r.note,
      checkedInAt: r.checked_in_at,
      recordedAt: r.recorded_at,
      mismatchFlags: r.flags,
      late: r.late === 1,
    });
  }
  for (const room of rooms.values()) room.totals = totalsOf(room.seats.map((s) => s.status));
  return { planCode, planName: plan.name, sessions: [...sessions.values()] };
}

/**
 * 考勤 for the platform: per plan of its schedule, every seat with what its room recorded
 * (未签到 included, so the platform sees who was never marked). One plan (`--plan`), or every
 * plan with any attendance recorded.
 */
export const attendanceOutbound: OutboundModules<'attendance'> = {
  attendance: {
    build(store, ctx): OutboundPart<'attendance'> {
      const wanted = ctx.options.planCode;
      if (wanted !== undefined) {
        const source = store.prepare('SELECT source FROM schedule_plans WHERE plan_code = ?').pluck().get(wanted) as string | undefined;
        if (source !== 'platform')
          throw new AppError('STATE', `考试计划 ${wanted.slice(0, 40)} ${source === 'draft' ? '只有本考点的排考草稿' : '还没有平台的排考'}，没有可报送的考勤。`);
      }
      const codes =
        wanted !== undefined
          ? [wanted]
          : (store
              .prepare(
                `SELECT DISTINCT s.plan_code FROM attendance a JOIN schedule_seats t ON t.id = a.seat_id JOIN schedule_rooms r ON r.id = t.schedule_room_id
                   JOIN schedule_sessions s ON s.id = r.session_id ORDER BY s.plan_code`,
              )
              .pluck()
              .all() as string[]);
      if (!codes.length) throw new AppError('STATE', '还没有考勤记录：考试当天在“考试当天”页面签到后，再报送考勤。');
      const payload: AttendancePayload = { plans: codes.map((c) => planSeats(store, c)) };
      const seats = payload.plans.flatMap((p) => p.sessions.flatMap((s) => s.rooms.flatMap((r) => r.seats.map((seat) => ({ p, s, r, seat })))));
      const when = (s: { date: string; start: string; end: string }) => `${s.date} ${s.start}–${s.end}`;
      return {
        payload,
        count: seats.length,
        sheet: {
          title: '考勤',
          columns: ['考试计划', '考试时间', '考试科目', '考场名称', '座位号', '准考证号', '学生姓名', '身份证号码', '考勤', '说明', '应考/实考/缺考'],
          rows: seats.map(({ p, s, r, seat }) => [
            `${p.planName}（${p.planCode}）`,
            when(s),
            s.subjectName,
            r.roomName,
            String(seat.seat),
            seat.ticketNumber,
            seat.name,
            maskIdNumber(seat.idNumber),
            ATTENDANCE_STATUS_LABELS[seat.status],
            [seat.note, seat.mismatchFlags ? `人证不符 ${seat.mismatchFlags} 次` : null].filter(Boolean).join('；'),
            `${r.totals.expected}/${sat(r.totals)}/${r.totals.absent}`,
          ]),
        },
      };
    },
  },
};
