import type { StepState, YearStep } from '../../../src-shared/api/yearboard';
import type { Store } from '../../store/store';
import { windowStep, type PlanWindows } from './window-step';

const inList = (codes: readonly string[]) => `(${codes.map(() => '?').join(',') || "''"})`;

/**
 * 排考: for this year's plans with enrollments, whether the platform's schedule has come (a draft
 * does not count) and whether every room sitting has its invigilators (监考安排).
 */
export function scheduleStep(store: Store, plans: PlanWindows[], today: string): YearStep {
  const codes = plans.map((p) => p.code);
  const enrolled = store.db
    .prepare(`SELECT DISTINCT plan_code FROM enrollments WHERE plan_code IN ${inList(codes)}`)
    .pluck()
    .all(...codes) as string[];
  if (!enrolled.length) return windowStep('schedule', '排考', plans, today, 'ticketPrint');
  const rows = store.db
    .prepare(
      `SELECT p.plan_code AS plan, p.source,
         count(r.id) AS sittings,
         coalesce(sum((SELECT count(*) FROM invigilator_assignments a WHERE a.schedule_room_id = r.id) >= p.min_invigilators), 0) AS staffed
       FROM schedule_plans p LEFT JOIN schedule_sessions s ON s.plan_code = p.plan_code LEFT JOIN schedule_rooms r ON r.session_id = s.id
       WHERE p.plan_code IN ${inList(enrolled)} GROUP BY p.plan_code`,
    )
    .all(...enrolled) as { plan: string; source: 'draft' | 'platform'; sittings: number; staffed: number }[];
  const platform = rows.filter((r) => r.source === 'platform');
  const sittings = platform.reduce((n, r) => n + r.sittings, 0);
  const staffed = platform.reduce((n, r) => n + r.staffed, 0);
  const unscheduled = enrolled.length - platform.length;
  const state: StepState = !platform.length ? 'waiting' : staffed < sittings ? 'todo' : unscheduled ? 'waiting' : 'done';
  const summary = [`已排考 ${platform.length} / ${enrolled.length} 个考试计划`, sittings && `考场场次 ${sittings} 个，监考已安排 ${staffed} 个`].filter(Boolean).join('，');
  const hint =
    staffed < sittings
      ? `为其余 ${sittings - staffed} 个考场场次安排监考老师`
      : unscheduled
        ? `等待培训评价组织排考${rows.length > platform.length ? '（已有本校草拟的编排）' : ''}：报送报考信息和考场信息后导入排考数据包`
        : null;
  return { key: 'schedule', title: '排考', state, summary, hint, link: '/schedule' };
}

/**
 * 考试: the seats of the platform's schedules of this year — what the rooms recorded, the sittings
 * still to come, and whether the attendance (考勤) has gone to the organisation since.
 */
export function examStep(store: Store, plans: PlanWindows[], today: string): YearStep {
  const codes = plans.map((p) => p.code);
  const seats = store.db
    .prepare(
      `SELECT count(*) AS seats, count(a.seat_id) AS recorded, coalesce(sum(a.status = 'absent'), 0) AS absent, coalesce(sum(a.status = 'irregular'), 0) AS irregular,
         coalesce(sum(s.date < ? AND a.seat_id IS NULL), 0) AS missed, coalesce(sum(s.date >= ?), 0) AS ahead,
         min(CASE WHEN s.date >= ? THEN s.date END) AS nextDay, max(a.recorded_at) AS lastRecorded
       FROM schedule_seats t JOIN schedule_rooms r ON r.id = t.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id
       JOIN schedule_plans p ON p.plan_code = s.plan_code LEFT JOIN attendance a ON a.seat_id = t.id
       WHERE p.source = 'platform' AND s.plan_code IN ${inList(codes)}`,
    )
    .get(today, today, today, ...codes) as {
    seats: number;
    recorded: number;
    absent: number;
    irregular: number;
    missed: number;
    ahead: number;
    nextDay: string | null;
    lastRecorded: string | null;
  };
  if (!seats.seats) return windowStep('exam', '考试', plans, today, 'exam');
  const sent = store.db
    .prepare(`SELECT max(processed_at) FROM package_history WHERE direction = 'out' AND EXISTS (SELECT 1 FROM json_each(kinds_json) WHERE value = 'attendance')`)
    .pluck()
    .get() as string | null;
  const unsent = seats.recorded > 0 && (!sent || (seats.lastRecorded !== null && sent < seats.lastRecorded));
  const present = seats.recorded - seats.absent - seats.irregular;
  const summary = seats.recorded
    ? `已记录考勤 ${seats.recorded} / ${seats.seats} 个座位（实到 ${present}，缺考 ${seats.absent}${seats.irregular ? `，违纪 ${seats.irregular}` : ''}）`
    : `${seats.seats} 个座位待考`;
  let state: StepState;
  let hint: string | null;
  if (seats.nextDay === today) [state, hint] = ['active', '今天有考试：在“考试当天”打印签到表并扫码签到'];
  else if (seats.missed) [state, hint] = ['todo', `${seats.missed} 个已考座位没有记录考勤：由业务管理员在“考试当天”补记`];
  else if (seats.ahead) [state, hint] = [seats.recorded ? 'active' : 'todo', `下一场考试 ${seats.nextDay}：考前打印签到表、桌贴、门贴和准考证`];
  else if (unsent) [state, hint] = ['todo', '导出“考勤”数据包报送培训评价组织'];
  else [state, hint] = ['done', null];
  return { key: 'exam', title: '考试', state, summary, hint, link: '/exam-day' };
}
