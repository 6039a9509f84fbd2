import type { Page } from '../../../src-shared/api/contract';
import type { DutyPerson, OverviewDate, OverviewSession, RoomPlan, RoomSessionRow, SchedulePlans, ScheduleSummary, SeatRow } from '../../../src-shared/api/schedule';
import type { ExamMethod } from '../../../src-shared/domain/catalog';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { planPhase } from '../../../src-shared/domain/plan-phase';
import { DEFAULT_MIN_INVIGILATORS, SCHEDULE_SOURCE_LABELS, type ScheduleSource } from '../../../src-shared/domain/schedule';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import type { CallContext } from '../call-context';
import { listPlans } from '../catalog/catalog-service';
import { draftBlocked, draftInputs } from './draft-service';
import { loadPlanInfo, type PlanSubjectInfo } from './plan-sittings';
import { enrollmentCounts, loadPlanEnrollments } from './schedule-store';
import { scopeCondition, scopeOf, type Scope } from './scope';

const UNSCHEDULED = '未排考';

interface PlanRow {
  plan_code: string;
  source: ScheduleSource;
  issued_at: string | null;
  content_hash: string;
  shortfalls_json: string;
  inputs_hash: string | null;
  min_invigilators: number;
  updated_at: string;
}

export function schedulePlanRow(store: Store, planCode: string): PlanRow | undefined {
  return store
    .prepare('SELECT plan_code, source, issued_at, content_hash, shortfalls_json, inputs_hash, min_invigilators, updated_at FROM schedule_plans WHERE plan_code = ?')
    .get(planCode) as PlanRow | undefined;
}

/** The seats of a plan a scope sees, per schedule room. */
function seatCounts(store: Store, planCode: string, scope: Scope): Map<number, { sessionId: number; seats: number }> {
  const where = scopeCondition(scope, 'r.id');
  const rows = store
    .prepare(
      `SELECT r.id, r.session_id, (SELECT count(*) FROM schedule_seats t WHERE t.schedule_room_id = r.id) AS seats
         FROM schedule_rooms r JOIN schedule_sessions s ON s.id = r.session_id WHERE s.plan_code = ? AND ${where.sql}`,
    )
    .all(planCode, ...where.params) as { id: number; session_id: number; seats: number }[];
  return new Map(rows.map((r) => [r.id, { sessionId: r.session_id, seats: r.seats }]));
}

export function listSchedulePlans(call: CallContext): SchedulePlans {
  const { store } = call.app;
  const scope = scopeOf(call);
  const schedules = new Map((store.prepare('SELECT plan_code, source FROM schedule_plans').all() as { plan_code: string; source: ScheduleSource }[]).map((p) => [p.plan_code, p]));
  const enrolled = enrollmentCounts(store);
  const plans = listPlans(call).flatMap((p) => {
    const counts = [...seatCounts(store, p.code, scope).values()];
    if (!scope.all && !counts.length) return [];
    const source = schedules.get(p.code)?.source ?? null;
    return [
      {
        code: p.code,
        name: p.name,
        phase: p.phase,
        source,
        sourceLabel: source ? SCHEDULE_SOURCE_LABELS[source] : UNSCHEDULED,
        sessions: new Set(counts.map((c) => c.sessionId)).size,
        seats: counts.reduce((n, c) => n + c.seats, 0),
        enrolled: scope.all ? (enrolled.get(p.code) ?? 0) : counts.reduce((n, c) => n + c.seats, 0),
      },
    ];
  });
  return { plans, assignedOnly: !scope.all, staffName: scope.all ? null : scope.staffName };
}

/** An invigilator asking for a plan it has no duty in is told so, not shown an empty page. */
function requireInScope(store: Store, planCode: string, scope: Scope): void {
  if (scope.all) return;
  if (scope.staffId === null) throw new AppError('FORBIDDEN', '您的账号还没有关联到监考人员名单，请联系业务管理员。');
  if (!seatCounts(store, planCode, scope).size) throw new AppError('FORBIDDEN', '您在这个考试计划中没有监考或巡考安排。');
}

export function scheduleSummary(call: CallContext, planCode: string): ScheduleSummary {
  const { store } = call.app;
  const scope = scopeOf(call);
  const plan = loadPlanInfo(store, planCode);
  requireInScope(store, planCode, scope);
  const row = schedulePlanRow(store, planCode);
  const seated = [...seatCounts(store, planCode, scope).values()].reduce((n, c) => n + c.seats, 0);
  const staff = scope.all;
  // Enrollments and the draft's inputs are the coordinators' to see: an invigilator sees its rooms' seats.
  const inputs = staff && row?.source !== 'platform' ? draftInputs(store, planCode) : null;
  const enrolled = staff ? (inputs?.enrollments ?? loadPlanEnrollments(store, planCode).length) : seated;
  const blocked = staff ? draftBlocked(store, planCode, enrolled) : '只有业务管理员可以生成排考草稿。';
  return {
    plan: { code: plan.code, name: plan.name, phase: planPhase(plan.windows, institutionDate(call.app.now())) },
    source: row?.source ?? null,
    sourceLabel: row ? SCHEDULE_SOURCE_LABELS[row.source] : UNSCHEDULED,
    issuedAt: row?.issued_at ?? (row ? row.updated_at : null),
    updatedAt: row?.updated_at ?? null,
    shortfalls: row?.source === 'draft' && staff ? (JSON.parse(row.shortfalls_json) as string[]) : [],
    enrolled,
    seated,
    stale: row?.source === 'draft' && inputs !== null && inputs.inputsHash !== row.inputs_hash,
    minInvigilators: row?.min_invigilators ?? DEFAULT_MIN_INVIGILATORS,
    canDraft: blocked === null,
    draftBlocked: blocked,
  };
}

function sessionStatus(source: ScheduleSource | null, scheduled: boolean): string {
  if (!scheduled || !source) return '未安排';
  return source === 'platform' ? '已安排' : '草稿';
}

/** 考点编排: per exam day, its subjects, candidates and sittings, each with its rooms. */
export function overview(call: CallContext, planCode: string): OverviewDate[] {
  const { store } = call.app;
  const scope = scopeOf(call);
  const plan = loadPlanInfo(store, planCode);
  requireInScope(store, planCode, scope);
  const source = schedulePlanRow(store, planCode)?.source ?? null;
  const counts = seatCounts(store, planCode, scope);
  const sessions = store.prepare('SELECT id, subject_code, date, start_time, end_time FROM schedule_sessions WHERE plan_code = ?').all(planCode) as {
    id: number;
    subject_code: string;
    date: string;
    start_time: string;
    end_time: string;
  }[];
  const byKey = new Map(sessions.map((s) => [`${s.subject_code} ${s.date} ${s.start_time}`, s]));
  const perSession = new Map<number, { rooms: number; seats: number }>();
  for (const c of counts.values()) {
    const t = perSession.get(c.sessionId) ?? { rooms: 0, seats: 0 };
    perSession.set(c.sessionId, { rooms: t.rooms + 1, seats: t.seats + c.seats });
  }
  const enrolledBySubject = new Map<string, number>();
  if (scope.all) for (const e of loadPlanEnrollments(store, planCode)) enrolledBySubject.set(e.subjectCode, (enrolledBySubject.get(e.subjectCode) ?? 0) + 1);

  const all: (OverviewSession & { date: string })[] = [];
  const seen = new Set<number>();
  const add = (subject: PlanSubjectInfo | undefined, date: string, start: string, end: string, code: string, id: number | null) => {
    const t = id === null ? undefined : perSession.get(id);
    if (!scope.all && !t) return;
    all.push({
      date,
      sessionId: id,
      subjectCode: code,
      subjectName: subject?.name ?? code,
      certificateName: subject?.certificateName ?? '',
      level: subject?.level ?? '',
      start,
      end,
      enrolled: scope.all ? (enrolledBySubject.get(code) ?? 0) : (t?.seats ?? 0),
      seated: t?.seats ?? 0,
      rooms: t?.rooms ?? 0,
      status: sessionStatus(source, !!t),
    });
  };
  for (const subject of plan.subjects)
    for (const slot of subject.sessions) {
      const s = byKey.get(`${subject.code} ${slot.date} ${slot.start}`);
      if (s) seen.add(s.id);
      add(subject, slot.date, slot.start, s?.end_time ?? slot.end, subject.code, s?.id ?? null);
    }
  // A sitting the platform scheduled that the plan (as this store has it) does not list still shows.
  for (const s of sessions)
    if (!seen.has(s.id))
      add(
        plan.subjects.find((x) => x.code === s.subject_code),
        s.date,
        s.start_time,
        s.end_time,
        s.subject_code,
        s.id,
      );

  const dates = [...new Set(all.map((s) => s.date))].sort();
  return dates.map((date) => {
    const day = all.filter((s) => s.date === date).sort((a, b) => a.start.localeCompare(b.start) || a.subjectCode.localeCompare(b.subjectCode));
    const statuses = new Set(day.filter((s) => s.enrolled > 0 || s.seated > 0).map((s) => s.status));
    return {
      date,
      subjects: [...new Map(day.map((s) => [s.subjectCode, { code: s.subjectCode, name: s.subjectName }])).values()],
      seated: day.reduce((n, s) => n + s.seated, 0),
      rooms: day.reduce((n, s) => n + s.rooms, 0),
      sessions: day.map(({ date: _date, ...s }) => s),
      status: statuses.size === 0 ? '无考生' : statuses.size === 1 ? [...statuses][0]! : '部分安排',
    };
  });
}

function dutyPeople(store: Store, planCode: string) {
  const invigilators = store
    .prepare(
      `SELECT a.schedule_room_id AS key, st.id, st.name, st.phone FROM invigilator_assignments a JOIN staff st ON st.id = a.staff_id
         JOIN schedule_rooms r ON r.id = a.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id WHERE s.plan_code = ? ORDER BY st.name, st.id`,
    )
    .all(planCode) as { key: number; id: number; name: string; phone: string }[];
  const patrol = store
    .prepare(
      `SELECT p.session_id || '/' || p.site_id AS key, st.id, st.name, st.phone FROM patrol_assignments p JOIN staff st ON st.id = p.staff_id
         JOIN schedule_sessions s ON s.id = p.session_id WHERE s.plan_code = ? ORDER BY st.name, st.id`,
    )
    .all(planCode) as { key: string; id: number; name: string; phone: string }[];
  const group = <K>(rows: { key: K; id: number; name: string; phone: string }[]) => {
    const map = new Map<K, DutyPerson[]>();
    for (const r of rows) map.set(r.key, [...(map.get(r.key) ?? []), { staffId: r.id, name: r.name, phone: r.phone }]);
    return map;
  };
  return { invigilators: group(invigilators), patrol: group(patrol) };
}

interface RoomQueryRow {
  schedule_room_id: number;
  session_id: number;
  room_id: number;
  room_name: string;
  room_type: ExamMethod;
  room_seats: number;
  site_id: number;
  site_name: string | null;
  subject_code: string;
  date: string;
  start_time: string;
  end_time: string;
  expected: number;
}

/** The room-session rows of a plan a scope sees; `only` narrows to one schedule room. */
export function roomRows(store: Store, planCode: string, scope: Scope, filter: { date?: string; only?: number } = {}): RoomSessionRow[] {
  const plan = loadPlanInfo(store, planCode);
  const subjects = new Map(plan.subjects.map((s) => [s.code, s]));
  const minimum = schedulePlanRow(store, planCode)?.min_invigilators ?? DEFAULT_MIN_INVIGILATORS;
  const where = scopeCondition(scope, 'r.id');
  const rows = store
    .prepare(
      `SELECT r.id AS schedule_room_id, s.id AS session_id, x.id AS room_id, x.name AS room_name, x.type AS room_type, x.seats AS room_seats,
              x.site_id, st.name AS site_name, s.subject_code, s.date, s.start_time, s.end_time,
              (SELECT count(*) FROM schedule_seats t WHERE t.schedule_room_id = r.id) AS expected
         FROM schedule_rooms r JOIN schedule_sessions s ON s.id = r.session_id JOIN exam_rooms x ON x.id = r.room_id LEFT JOIN exam_sites st ON st.id = x.site_id
        WHERE s.plan_code = ? AND (? IS NULL OR s.date = ?) AND (? IS NULL OR r.id = ?) AND ${where.sql}
        ORDER BY s.date, s.start_time, s.subject_code, x.name, r.id`,
    )
    .all(planCode, filter.date ?? null, filter.date ?? null, filter.only ?? null, filter.only ?? null, ...where.params) as RoomQueryRow[];
  const duties = dutyPeople(store, planCode);
  return rows.map((r) => {
    const subject = subjects.get(r.subject_code);
    const invigilators = duties.invigilators.get(r.schedule_room_id) ?? [];
    return {
      scheduleRoomId: r.schedule_room_id,
      sessionId: r.session_id,
      roomId: r.room_id,
      roomName: r.room_name,
      roomType: r.room_type,
      roomSeats: r.room_seats,
      siteId: r.site_id,
      siteName: r.site_name ?? String(r.site_id),
      subjectCode: r.subject_code,
      subjectName: subject?.name ?? r.subject_code,
      certificateName: subject?.certificateName ?? '',
      level: subject?.level ?? '',
      date: r.date,
      start: r.start_time,
      end: r.end_time,
      expected: r.expected,
      invigilators,
      patrol: duties.patrol.get(`${r.session_id}/${r.site_id}`) ?? [],
      missing: Math.max(0, minimum - invigilators.length),
    };
  });
}

/** 考场编排: each room in each session, with its invigilators and the site's patrol staff. */
export function roomPlan(call: CallContext, input: { planCode: string; date?: string | undefined }): RoomPlan {
  const { store } = call.app;
  const scope = scopeOf(call);
  requireInScope(store, input.planCode, scope);
  const rows = roomRows(store, input.planCode, scope, input.date ? { date: input.date } : {});
  return {
    rows,
    minInvigilators: schedulePlanRow(store, input.planCode)?.min_invigilators ?? DEFAULT_MIN_INVIGILATORS,
    shortRooms: rows.filter((r) => r.missing > 0).length,
  };
}

/** 排考明细: the seats, by sitting, room and seat number, a page at a time; a room or sitting outside the scope is refused. */
export function seatList(
  call: CallContext,
  q: { planCode: string; sessionId?: number | undefined; scheduleRoomId?: number | undefined; page: number; pageSize: number },
): Page<SeatRow> {
  const { store } = call.app;
  const scope = scopeOf(call);
  requireInScope(store, q.planCode, scope);
  const visible = seatCounts(store, q.planCode, scope);
  if (q.scheduleRoomId !== undefined && !visible.has(q.scheduleRoomId)) throw new AppError('FORBIDDEN', '您没有被安排在这个考场监考或巡考，不能查看它的考生。');
  if (q.sessionId !== undefined && ![...visible.values()].some((v) => v.sessionId === q.sessionId)) throw new AppError('FORBIDDEN', '您在这个场次没有监考或巡考安排。');
  const plan = loadPlanInfo(store, q.planCode);
  const subjects = new Map(plan.subjects.map((s) => [s.code, s.name]));
  const where = scopeCondition(scope, 'r.id');
  const filter = `s.plan_code = ? AND (? IS NULL OR s.id = ?) AND (? IS NULL OR r.id = ?) AND ${where.sql}`;
  const params = [q.planCode, q.sessionId ?? null, q.sessionId ?? null, q.scheduleRoomId ?? null, q.scheduleRoomId ?? null, ...where.params];
  const from = 'schedule_seats t JOIN schedule_rooms r ON r.id = t.schedule_room_id JOIN schedule_sessions s ON s.id = r.session_id JOIN exam_rooms x ON x.id = r.room_id';
  const total = (store.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${filter}`).get(...params) as { n: number }).n;
  const offset = (q.page - 1) * q.pageSize;
  const rows = store
    .prepare(
      `SELECT t.enrollment_id, t.ticket_number, t.seat, x.name AS room_name, s.subject_code, s.date, s.start_time, s.end_time FROM ${from}
        WHERE ${filter} ORDER BY s.date, s.start_time, s.subject_code, x.name, r.id, t.seat LIMIT ? OFFSET ?`,
    )
    .all(...params, q.pageSize, offset) as {
    enrollment_id: number;
    ticket_number: string | null;
    seat: number;
    room_name: string;
    subject_code: string;
    date: string;
    start_time: string;
    end_time: string;
  }[];
  const people = new Map(loadPlanEnrollments(store, q.planCode, { ids: rows.map((r) => r.enrollment_id) }).map((e) => [e.id, e]));
  const institution = store.get(store.q.selectFrom('institution').select('name'))?.name ?? '';
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r, i) => ({
      index: offset + i + 1,
      name: people.get(r.enrollment_id)?.name ?? '',
      idNumber: maskIdNumber(people.get(r.enrollment_id)?.idNumber ?? ''),
      ticketNumber: r.ticket_number,
      institution,
      seat: r.seat,
      roomName: r.room_name,
      subjectName: subjects.get(r.subject_code) ?? r.subject_code,
      date: r.date,
      start: r.start_time,
      end: r.end_time,
    })),
  };
}
