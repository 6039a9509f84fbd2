import { EXAM_METHODS, type ExamMethod, type PlanSubject } from '../../../src-shared/domain/catalog';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { institutionDateTime } from '../../../src-shared/domain/institution-time';
import { SCHEDULE_SOURCE_LABELS, slotStart, slotText, type TimeSlot } from '../../../src-shared/domain/schedule';
import { validateSchedulePayload, type PlanSchedule } from '../../../src-shared/domain/schedule-kinds';
import type { Store } from '../../store/store';
import { attendanceRecorded } from '../attendance/attendance-recorded';
import { refuseReference, type EntityRecord, type Fields, type InboundModules, type ReferenceContext } from '../packages/kind-module';
import { sha256 } from './draft-service';
import { loadPlanEnrollments, replaceSchedule, type ScheduleContent } from './schedule-store';
import { schedulePlanRow } from './schedule-views';

function refuse(path: string, message: string): never {
  return refuseReference('schedule', path, message);
}

interface PlanView {
  code: string;
  name: string;
  subjects: Map<string, { name: string; method: ExamMethod; sessions: TimeSlot[] }>;
}

/** The plan a schedule is for: as the same package brings it, else as the store holds it. */
function planView(ctx: Pick<ReferenceContext, 'store' | 'payloads'>, planCode: string): PlanView | null {
  const { store } = ctx;
  const methods = new Map<string, { name: string; method: ExamMethod }>(
    store.all(store.q.selectFrom('exam_subjects').select(['code', 'name', 'method'])).map((s) => [s.code, { name: s.name, method: s.method }]),
  );
  for (const s of ctx.payloads['exam-subjects']?.subjects ?? []) methods.set(s.code, { name: s.name, method: s.method });
  const sent = ctx.payloads['exam-plans']?.plans.find((p) => p.code === planCode);
  let name: string;
  let subjects: PlanSubject[];
  if (sent) {
    name = sent.name;
    subjects = sent.certificates.flatMap((c) => c.subjects);
  } else {
    const plan = store.get(store.q.selectFrom('exam_plans').select(['code', 'name']).where('code', '=', planCode));
    if (!plan) return null;
    name = plan.name;
    subjects = store
      .all(store.q.selectFrom('exam_plan_certificates').select('subjects_json').where('plan_code', '=', planCode))
      .flatMap((c) => JSON.parse(c.subjects_json) as PlanSubject[]);
  }
  return {
    code: planCode,
    name,
    subjects: new Map(
      subjects.map((s) => [
        s.subjectCode,
        { name: methods.get(s.subjectCode)?.name ?? s.subjectCode, method: methods.get(s.subjectCode)?.method ?? EXAM_METHODS[0], sessions: s.sessions },
      ]),
    ),
  };
}

/** What a schedule's references resolve to in the store: the plan's rooms by site and name, its enrollments by ID number and subject. */
function lookups(store: Store, planCode: string) {
  const rooms = new Map(
    store.all(store.q.selectFrom('exam_rooms').select(['id', 'site_id', 'name', 'type', 'seats']).where('plan_code', '=', planCode)).map((r) => [`${r.site_id}/${r.name}`, r]),
  );
  const enrollments = new Map(loadPlanEnrollments(store, planCode).map((e) => [`${e.idNumber}/${e.subjectCode}`, e.id]));
  return { rooms, enrollments };
}

/** The first sitting of the schedule the store holds for a plan: after it begins, the schedule is what the exam runs on. */
function examStart(store: Store, planCode: string): TimeSlot | null {
  const first = store.prepare('SELECT date, start_time AS start, end_time AS end FROM schedule_sessions WHERE plan_code = ? ORDER BY date, start_time LIMIT 1').get(planCode) as
    TimeSlot | undefined;
  return first ?? null;
}

const contentHash = (s: PlanSchedule) => sha256(s);

/**
 * A platform schedule replaces the site's draft, and a newer platform schedule replaces an older
 * one until the plan's first sitting begins; the same schedule again changes nothing. An older
 * one, another with the same time of issue, or any change once the exam has begun is refused.
 */
function checkReplace(ctx: ReferenceContext, s: PlanSchedule, at: string): void {
  const current = schedulePlanRow(ctx.store, s.planCode);
  if (current?.source !== 'platform' || current.content_hash === contentHash(s)) return;
  const issued = institutionDateTime(new Date(current.issued_at!));
  if (new Date(s.issuedAt).getTime() <= new Date(current.issued_at!).getTime())
    refuse(`${at}.issuedAt`, `已导入考试计划 ${s.planCode} 在 ${issued} 发布的排考，这份排考（${institutionDateTime(new Date(s.issuedAt))} 发布）不比它新，已拒绝`);
  const first = examStart(ctx.store, s.planCode);
  if (first && institutionDateTime(ctx.now) >= slotStart(first))
    refuse(at, `考试计划 ${s.planCode} 的考试已于 ${slotText(first).split('–')[0]} 开始，不能再替换排考（已导入的排考于 ${issued} 发布）；如平台确有调整，请联系培训评价组织`);
  if (attendanceRecorded(ctx.store, s.planCode))
    refuse(at, `考试计划 ${s.planCode} 已经开始签到（已有考勤记录），不能再替换排考（已导入的排考于 ${issued} 发布）；如平台确有调整，请联系培训评价组织`);
}

function checkSchedule(ctx: ReferenceContext, s: PlanSchedule, i: number): void {
  const at = `schedules[${i}]`;
  const plan = planView(ctx, s.planCode);
  if (!plan) refuse(`${at}.planCode`, `考试计划 ${s.planCode} 不存在，请先导入平台的考试计划`);
  checkReplace(ctx, s, at);
  const { rooms, enrollments } = lookups(ctx.store, s.planCode);
  s.sessions.forEach((session, j) => {
    const sp = `${at}.sessions[${j}]`;
    const subject = plan.subjects.get(session.subjectCode);
    if (!subject) refuse(`${sp}.subjectCode`, `科目 ${session.subjectCode} 不是考试计划“${plan.name}”的科目`);
    if (!subject.sessions.some((x) => x.date === session.date && x.start === session.start && x.end === session.end))
      refuse(
        sp,
        `考试计划“${plan.name}”中科目 ${subject.name}（${session.subjectCode}）没有 ${slotText(session)} 的场次（计划的场次：${subject.sessions.map(slotText).join('、')}）`,
      );
    session.rooms.forEach((r, k) => {
      const rp = `${sp}.rooms[${k}]`;
      const room = rooms.get(`${r.siteId}/${r.roomName}`);
      if (!room) refuse(`${rp}.roomName`, `本院校在站点 ${r.siteId} 没有为考试计划“${plan.name}”设置名为“${r.roomName}”的考场`);
      if (room.type !== subject.method) refuse(`${rp}.roomName`, `科目 ${subject.name} 为${subject.method}，考场“${r.roomName}”是${room.type}考场`);
      r.seats.forEach((seat, m) => {
        const tp = `${rp}.seats[${m}]`;
        if (seat.seat > room.seats) refuse(`${tp}.seat`, `座位号 ${seat.seat} 超出考场“${r.roomName}”的 ${room.seats} 个座位`);
        if (!enrollments.has(`${seat.idNumber}/${session.subjectCode}`))
          refuse(`${tp}.idNumber`, `身份证号 ${maskIdNumber(seat.idNumber)} 的考生没有报考考试计划“${plan.name}”的科目 ${subject.name}（${session.subjectCode}）`);
      });
    });
  });
  // 准考证号 are one plan's own: a number another plan already uses would make two candidates one at the door.
  const tickets = s.sessions.flatMap((x) => x.rooms.flatMap((r) => r.seats.map((t) => t.ticketNumber)));
  const taken = ctx.store
    .prepare(
      `SELECT t.ticket_number, s.plan_code FROM schedule_seats t JOIN schedule_rooms r ON r.id = t.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id
        WHERE s.plan_code <> ? AND t.ticket_number IN (SELECT value FROM json_each(?)) LIMIT 1`,
    )
    .get(s.planCode, JSON.stringify(tickets)) as { ticket_number: string; plan_code: string } | undefined;
  if (taken) refuse(at, `准考证号 ${taken.ticket_number} 已用于考试计划 ${taken.plan_code} 的排考`);
}

/** The schedule in the store's terms: rooms and enrollments by id. Call after `checkSchedule`. */
function contentOf(store: Store, s: PlanSchedule): ScheduleContent {
  const { rooms, enrollments } = lookups(store, s.planCode);
  return {
    planCode: s.planCode,
    source: 'platform',
    issuedAt: s.issuedAt,
    contentHash: contentHash(s),
    shortfalls: [],
    inputsHash: null,
    sessions: s.sessions.map((x) => ({
      subjectCode: x.subjectCode,
      date: x.date,
      start: x.start,
      end: x.end,
      rooms: x.rooms.map((r) => ({
        roomId: rooms.get(`${r.siteId}/${r.roomName}`)!.id,
        seats: r.seats.map((t) => ({ enrollmentId: enrollments.get(`${t.idNumber}/${x.subjectCode}`)!, seat: t.seat, ticketNumber: t.ticketNumber })),
      })),
    })),
  };
}

interface Counts {
  sessions: number;
  rooms: number;
  seats: number;
}

function fieldsOf(source: keyof typeof SCHEDULE_SOURCE_LABELS, issuedAt: string | null, c: Counts, enrolled: number, duties: string): Fields {
  return {
    来源: SCHEDULE_SOURCE_LABELS[source],
    发布时间: issuedAt ? institutionDateTime(new Date(issuedAt)) : null,
    场次: c.sessions,
    考场安排: c.rooms,
    考生座位: c.seats,
    未排入的报考: Math.max(0, enrolled - c.seats),
    监考与巡考安排: duties,
  };
}

/** The plan's duties now, and how many the new content keeps: a session (subject, date, start) and its room or site still there. */
function dutyForecast(store: Store, content: ScheduleContent): { now: number; kept: number } {
  const duties = store
    .prepare(
      `SELECT 'room' AS kind, r.room_id AS place, s.subject_code, s.date, s.start_time FROM invigilator_assignments a
         JOIN schedule_rooms r ON r.id = a.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id WHERE s.plan_code = ?
       UNION ALL
       SELECT 'site', p.site_id, s.subject_code, s.date, s.start_time FROM patrol_assignments p JOIN schedule_sessions s ON s.id = p.session_id WHERE s.plan_code = ?`,
    )
    .all(content.planCode, content.planCode) as { kind: 'room' | 'site'; place: number; subject_code: string; date: string; start_time: string }[];
  if (!duties.length) return { now: 0, kept: 0 };
  const siteOf = new Map(store.all(store.q.selectFrom('exam_rooms').select(['id', 'site_id']).where('plan_code', '=', content.planCode)).map((r) => [r.id, r.site_id]));
  const places = new Set(
    content.sessions.flatMap((s) =>
      s.rooms.flatMap((r) => [`room ${r.roomId} ${s.subjectCode} ${s.date} ${s.start}`, `site ${siteOf.get(r.roomId)} ${s.subjectCode} ${s.date} ${s.start}`]),
    ),
  );
  return { now: duties.length, kept: duties.filter((d) => places.has(`${d.kind} ${d.place} ${d.subject_code} ${d.date} ${d.start_time}`)).length };
}

const dutiesText = (n: number) => `${n} 条`;

const countsOf = (content: Pick<ScheduleContent, 'sessions'>): Counts => ({
  sessions: content.sessions.length,
  rooms: content.sessions.reduce((n, s) => n + s.rooms.length, 0),
  seats: content.sessions.reduce((n, s) => n + s.rooms.reduce((m, r) => m + r.seats.length, 0), 0),
});

/**
 * 排考信息: the platform's schedule of a plan — its sessions, each session's rooms (the
 * institution's own, by site and name), the seats and their 准考证号 — in place of the site's
 * draft or of an older platform schedule. Everything it names must exist here: the plan and its
 * sittings, rooms of the subject's method with enough seats, and the candidates' enrollments.
 */
export const scheduleInbound: InboundModules<'schedule'> = {
  schedule: {
    dependsOn: ['exam-plans'],
    validate: validateSchedulePayload,
    checkReferences(p, ctx) {
      p.schedules.forEach((s, i) => checkSchedule(ctx, s, i));
    },
    records(p, store, now): EntityRecord[] {
      const enrolled = new Map<string, number>();
      return p.schedules.map((s) => {
        const content = contentOf(store, s);
        const forecast = dutyForecast(store, content);
        const dropped = forecast.now - forecast.kept;
        if (!enrolled.has(s.planCode)) enrolled.set(s.planCode, loadPlanEnrollments(store, s.planCode).length);
        const plan = store.get(store.q.selectFrom('exam_plans').select('name').where('code', '=', s.planCode));
        return {
          kind: 'schedule',
          entity: '排考',
          key: `schedule:${s.planCode}`,
          title: `${plan?.name ?? s.planCode}（${s.planCode}）`,
          fields: fieldsOf(
            'platform',
            s.issuedAt,
            countsOf(content),
            enrolled.get(s.planCode)!,
            dropped ? `${dutiesText(forecast.kept)}（取消 ${dropped} 条：场次或考场已不在新的排考中）` : dutiesText(forecast.now),
          ),
          write: (target: Store) => void replaceSchedule(target, content, now.toISOString()),
        };
      });
    },
    existing(store) {
      const rows = store.prepare('SELECT plan_code, source, issued_at FROM schedule_plans').all() as {
        plan_code: string;
        source: 'draft' | 'platform';
        issued_at: string | null;
      }[];
      return new Map(
        rows.map((r) => {
          const c = store
            .prepare(
              `SELECT count(DISTINCT s.id) AS sessions, count(DISTINCT r.id) AS rooms, count(t.id) AS seats FROM schedule_sessions s
                 LEFT JOIN schedule_rooms r ON r.session_id = s.id LEFT JOIN schedule_seats t ON t.schedule_room_id = r.id WHERE s.plan_code = ?`,
            )
            .get(r.plan_code) as Counts;
          const duties = store
            .prepare(
              `SELECT (SELECT count(*) FROM invigilator_assignments a JOIN schedule_rooms r ON r.id = a.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id WHERE s.plan_code = ?)
                    + (SELECT count(*) FROM patrol_assignments p JOIN schedule_sessions s ON s.id = p.session_id WHERE s.plan_code = ?) AS n`,
            )
            .get(r.plan_code, r.plan_code) as { n: number };
          return [`schedule:${r.plan_code}`, fieldsOf(r.source, r.issued_at, c, loadPlanEnrollments(store, r.plan_code).length, dutiesText(duties.n))];
        }),
      );
    },
  },
};
