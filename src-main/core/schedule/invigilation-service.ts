import type { DutyPerson, RoomSessionRow, ScheduleSummary } from '../../../src-shared/api/schedule';
import { slotText } from '../../../src-shared/domain/schedule';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { clashingDuty, setMinInvigilators, setPatrolStaff, setRoomInvigilators, type Duty } from './schedule-store';
import { roomRows, scheduleSummary, schedulePlanRow } from './schedule-views';

interface SessionRow {
  id: number;
  plan_code: string;
  subject_code: string;
  date: string;
  start_time: string;
  end_time: string;
}

function loadSession(store: Store, id: number): SessionRow {
  const s = store.prepare('SELECT id, plan_code, subject_code, date, start_time, end_time FROM schedule_sessions WHERE id = ?').get(id) as SessionRow | undefined;
  if (!s) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的考试场次，排考可能已经更新，请刷新页面。`);
  return s;
}

const subjectName = (store: Store, code: string) => store.get(store.q.selectFrom('exam_subjects').select('name').where('code', '=', code))?.name ?? code;

/** A duty as a person names it: 13号机房（基础考核）监考, 某某考核站点（基础考核）巡考. */
function placeText(store: Store, place: string, subjectCode: string): string {
  const [kind, id] = place.split(':') as ['room' | 'site', string];
  const subject = subjectName(store, subjectCode);
  if (kind === 'room') {
    const room = store.get(store.q.selectFrom('exam_rooms').select('name').where('id', '=', Number(id)));
    return `在 ${room?.name ?? id}（${subject}）监考`;
  }
  const site = store.get(store.q.selectFrom('exam_sites').select('name').where('id', '=', Number(id)));
  return `在 ${site?.name ?? id}（${subject}）巡考`;
}

/** The people of `staffIds` as they are, or NOT_FOUND for one that is not on the list. */
function loadPeople(store: Store, staffIds: readonly number[]): DutyPerson[] {
  return staffIds.map((id) => {
    const s = store.get(store.q.selectFrom('staff').select(['id', 'name', 'phone']).where('id', '=', id));
    if (!s) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的监考人员，名单可能已被修改，请刷新页面。`);
    return { staffId: s.id, name: s.name, phone: s.phone };
  });
}

/** One person in two places at once is refused, naming both. */
function refuseClashes(store: Store, people: DutyPerson[], session: SessionRow, place: string, here: string): void {
  for (const p of people) {
    const clash: Duty | null = clashingDuty(store, p.staffId, session.id, place);
    if (clash)
      throw new AppError(
        'CONFLICT',
        `${p.name} 在 ${slotText(clash)} 已安排${placeText(store, clash.place, clash.subjectCode)}，不能同时${here}（${slotText({ date: session.date, start: session.start_time, end: session.end_time })}）。`,
        { staffId: p.staffId },
      );
  }
}

const names = (people: DutyPerson[]) => people.map((p) => p.name);

/** 安排监考: the room's invigilators in the session become exactly these people. */
export function assignRoom(call: CallContext, input: { scheduleRoomId: number; staffIds: number[] }): RoomSessionRow {
  const { store } = call.app;
  return store.tx(() => {
    const room = store.prepare('SELECT r.id, r.session_id, r.room_id FROM schedule_rooms r WHERE r.id = ?').get(input.scheduleRoomId) as
      { id: number; session_id: number; room_id: number } | undefined;
    if (!room) throw new AppError('NOT_FOUND', '找不到这个考场的场次，排考可能已经更新，请刷新页面。');
    const session = loadSession(store, room.session_id);
    const all = { all: true } as const;
    const before = roomRows(store, session.plan_code, all, { only: room.id })[0]!;
    const people = loadPeople(store, input.staffIds);
    refuseClashes(store, people, session, `room:${room.room_id}`, placeText(store, `room:${room.room_id}`, session.subject_code));
    setRoomInvigilators(store, room.id, input.staffIds);
    const after = roomRows(store, session.plan_code, all, { only: room.id })[0]!;
    writeAudit(call, {
      operation: 'invigilation.setRoom',
      entityType: 'invigilation',
      entityId: `${session.plan_code}/${room.id}`,
      before: { place: `${before.roomName} ${before.subjectName} ${slotText(before)}`, invigilators: names(before.invigilators) },
      after: { place: `${after.roomName} ${after.subjectName} ${slotText(after)}`, invigilators: names(after.invigilators) },
    });
    return after;
  });
}

/** 安排巡考: the site's patrol staff in the session become exactly these people. */
export function assignPatrol(call: CallContext, input: { sessionId: number; siteId: number; staffIds: number[] }): DutyPerson[] {
  const { store } = call.app;
  return store.tx(() => {
    const session = loadSession(store, input.sessionId);
    const site = store.get(store.q.selectFrom('exam_sites').select(['id', 'name']).where('id', '=', input.siteId));
    const holds = store
      .prepare('SELECT 1 FROM schedule_rooms r JOIN exam_rooms x ON x.id = r.room_id WHERE r.session_id = ? AND x.site_id = ? LIMIT 1')
      .get(session.id, input.siteId);
    if (!site || !holds)
      throw new AppError('VALIDATION', `${site ? `“${site.name}”` : `站点 ${input.siteId}`}在这个场次没有考场，不能安排巡考。`, {
        issues: [{ path: 'siteId', message: '站点在该场次没有考场' }],
      });
    const people = loadPeople(store, input.staffIds);
    refuseClashes(store, people, session, `site:${site.id}`, placeText(store, `site:${site.id}`, session.subject_code));
    const before = store
      .prepare('SELECT st.name FROM patrol_assignments p JOIN staff st ON st.id = p.staff_id WHERE p.session_id = ? AND p.site_id = ? ORDER BY st.name')
      .pluck()
      .all(session.id, site.id);
    setPatrolStaff(store, session.id, site.id, input.staffIds);
    const place = `${site.name} ${subjectName(store, session.subject_code)} ${slotText({ date: session.date, start: session.start_time, end: session.end_time })}`;
    writeAudit(call, {
      operation: 'invigilation.setPatrol',
      entityType: 'invigilation',
      entityId: `${session.plan_code}/${session.id}/${site.id}`,
      before: { place, patrol: before },
      after: { place, patrol: names(people) },
    });
    return (
      store
        .prepare('SELECT st.id, st.name, st.phone FROM patrol_assignments p JOIN staff st ON st.id = p.staff_id WHERE p.session_id = ? AND p.site_id = ? ORDER BY st.name, st.id')
        .all(session.id, site.id) as { id: number; name: string; phone: string }[]
    ).map((r) => ({ staffId: r.id, name: r.name, phone: r.phone }));
  });
}

/** 每个考场的监考人数: the plan's minimum, which the rooms page holds every room to. */
export function setMinimum(call: CallContext, input: { planCode: string; minimum: number }): ScheduleSummary {
  const { store } = call.app;
  store.tx(() => {
    const row = schedulePlanRow(store, input.planCode);
    if (!row) throw new AppError('STATE', '本考试计划还没有排考：请先生成排考草稿，或导入平台的排考信息。');
    setMinInvigilators(store, input.planCode, input.minimum, call.app.now().toISOString());
    writeAudit(call, {
      operation: 'invigilation.setMinimum',
      entityType: 'invigilation',
      entityId: input.planCode,
      before: { minInvigilators: row.min_invigilators },
      after: { minInvigilators: input.minimum },
    });
  });
  return scheduleSummary(call, input.planCode);
}
