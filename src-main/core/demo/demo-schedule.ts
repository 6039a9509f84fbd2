import { CLI_ACTOR } from '../../../src-shared/actor';
import type { Contract, OpName } from '../../../src-shared/api';
import type { InputOf, OutputOf } from '../../../src-shared/api/contract';
import type { RoomSessionRow, SchedulePlanRow } from '../../../src-shared/api/schedule';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import type { AppCore } from '../app-core';
import { invokeAs } from '../dispatch';
import { examDocJob } from '../exam-docs/exam-doc-jobs';
import { exportJob } from '../packages/export-job';
import { applyPackageFile } from '../packages/import-service';
import { loadPlanInfo } from '../schedule/plan-sittings';
import { loadPlanEnrollments } from '../schedule/schedule-store';
import { addDemoAttendance, type DemoAttendance } from './demo-attendance';

/** What the platform schedules from: who sits which subject, and the group the seating spreads apart. */
export interface DemoEnrollment {
  planCode: string;
  idNumber: string;
  subjectCode: string;
  group: string;
}

/** Writes the platform's schedule of one plan for the rooms package given; returns its path. */
export type IssueSchedule = (roomsPackage: string, planCode: string, enrollments: DemoEnrollment[]) => Promise<string>;

export interface DemoSchedule {
  plan: string;
  sessions: number;
  rooms: number;
  seats: number;
  staff: number;
  /** Room sittings with the plan's minimum of invigilators. */
  staffedRooms: number;
  patrols: number;
  /** The first exam day's 签到表 and 门贴, as the coordinator prints them the day before (in the exports folder). */
  printed: string[];
  /** One room sitting checked in, of a plan whose exam has begun; null when no enrolled plan's has. */
  attendance: DemoAttendance | null;
}

/** Teachers without an account of their own besides the three invigilator accounts of demo.ts. */
const TEACHERS = [
  { name: '孙丽', phone: '13805356001', department: '物流系' },
  { name: '周强', phone: '13805356002', department: '物流系' },
  { name: '吴敏', phone: '13805356003', department: '信息工程系' },
  { name: '郑磊', phone: '13805356004', department: '信息工程系' },
  { name: '冯娟', phone: '13805356005', department: '经济管理系' },
  { name: '蒋涛', phone: '13805356006', department: '经济管理系' },
  { name: '韩雪', phone: '13805356007', department: '基础部' },
  { name: '杨帆', phone: '13805356008', department: '教务处' },
];

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Who is busy when: a person takes a duty only where it overlaps none of theirs (the core refuses two places at once). */
class Diary {
  private readonly busy = new Map<number, { date: string; from: number; to: number }[]>();
  free(id: number, s: { date: string; start: string; end: string }): boolean {
    return !(this.busy.get(id) ?? []).some((b) => b.date === s.date && b.from < minutes(s.end) && minutes(s.start) < b.to);
  }
  take(id: number, s: { date: string; start: string; end: string }): void {
    this.busy.set(id, [...(this.busy.get(id) ?? []), { date: s.date, from: minutes(s.start), to: minutes(s.end) }]);
  }
}

/** The staff's duties so far, shared by every plan the demo staffs: nobody is in two places at once, and the duties go round the list. */
class Rota {
  private readonly diary = new Diary();
  private next = 0;
  constructor(private readonly staff: number[]) {}
  /** The next `n` free people in turn. */
  pick(s: RoomSessionRow, n: number): number[] {
    const chosen: number[] = [];
    for (let tried = 0; tried < this.staff.length && chosen.length < n; tried++) {
      const id = this.staff[this.next++ % this.staff.length]!;
      if (this.diary.free(id, s)) chosen.push(id);
    }
    for (const id of chosen) this.diary.take(id, s);
    return chosen;
  }
}

type Call = <K extends OpName>(name: K, input: InputOf<Contract[K]>) => Promise<OutputOf<Contract[K]>>;

/** Every room sitting of the plan given its invigilators, every site sitting its patrol. */
async function staffPlan(call: Call, planCode: string, rota: Rota) {
  const roomPlan = await call('schedule.rooms', { planCode });
  let staffedRooms = 0;
  for (const r of roomPlan.rows) {
    const ids = rota.pick(r, roomPlan.minInvigilators);
    await call('invigilation.setRoom', { scheduleRoomId: r.scheduleRoomId, staffIds: ids });
    if (ids.length >= roomPlan.minInvigilators) staffedRooms++;
  }
  const sittings = new Map<string, RoomSessionRow>();
  for (const r of roomPlan.rows) sittings.set(`${r.sessionId}/${r.siteId}`, r);
  let patrols = 0;
  for (const r of sittings.values()) {
    const ids = rota.pick(r, 1);
    if (!ids.length) continue;
    await call('invigilation.setPatrol', { sessionId: r.sessionId, siteId: r.siteId, staffIds: ids });
    patrols++;
  }
  return { rows: roomPlan.rows, staffedRooms, patrols };
}

/**
 * The platform's schedule of the enrolled plans with rooms, imported as its packages: the next
 * plan to be examined and, where one has been examined already (or is today), that one too. Then
 * the staff list (the invigilator accounts linked) and every room sitting given its invigilators
 * and every site sitting its patrol, as a coordinator would; the next plan's first exam day
 * printed, and one room sitting of the examined plan checked in (demo-attendance.ts). Skipped
 * when no plan has enrollments yet (before the enrollment workflow's demo step has run).
 */
export async function addDemoSchedule(app: AppCore, issueSchedule: IssueSchedule, say: (m: string) => void): Promise<DemoSchedule | null> {
  const call: Call = (name, input) => invokeAs(app, CLI_ACTOR, name, input);
  const ready: SchedulePlanRow[] = [];
  for (const p of (await call('schedule.plans', {})).plans)
    if (p.phase !== '已结束' && p.enrolled > 0 && p.source !== 'platform' && (await call('rooms.list', { planCode: p.code })).rooms.length) ready.push(p);
  if (!ready.length) {
    say('还没有报考记录，跳过排考和监考安排。');
    return null;
  }
  const today = institutionDate(app.now());
  const examStart = (p: SchedulePlanRow) => loadPlanInfo(app.store, p.code).windows.exam.start;
  const plan = ready.find((p) => examStart(p) > today) ?? ready[0]!;
  const held = ready.find((p) => p !== plan && examStart(p) <= today) ?? (examStart(plan) <= today ? plan : undefined);

  const rooms = await app.jobs.run(exportJob, { kinds: ['rooms'] }, { title: '生成数据包', actor: CLI_ACTOR, owner: null });
  for (const p of held && held !== plan ? [plan, held] : [plan]) {
    say(`平台排考（${p.name}${p === held ? `，考试于 ${examStart(p)} 开始` : ''}），导入排考数据包…`);
    const enrollments = loadPlanEnrollments(app.store, p.code).map((e) => ({ planCode: p.code, idNumber: e.idNumber, subjectCode: e.subjectCode, group: e.group }));
    await applyPackageFile(app, CLI_ACTOR, await issueSchedule(rooms.path, p.code, enrollments));
  }

  say('登记监考人员，安排监考和巡考…');
  const { accounts } = await call('staff.list', {});
  // An account without a phone cannot be on the list (a teacher is reached by phone on exam day).
  for (const a of accounts) if (a.phone) await call('staff.create', { name: a.displayName, phone: a.phone, department: '物流系', userId: a.id });
  for (const t of TEACHERS) await call('staff.create', { ...t, userId: null });
  const staff = (await call('staff.list', {})).staff.map((s) => s.id);
  const rota = new Rota(staff);
  const staffed = await staffPlan(call, plan.code, rota);
  if (held && held !== plan) await staffPlan(call, held.code, rota);

  const firstDay = staffed.rows.map((r) => r.date).sort()[0];
  const printed: string[] = [];
  if (firstDay) {
    say(`打印 ${firstDay} 的考场签到表和门贴…`);
    for (const kind of ['signin', 'door'] as const) {
      const doc = await app.jobs.run(examDocJob, { planCode: plan.code, date: firstDay, kind, scope: { all: true } }, { title: '打印考务文档', actor: CLI_ACTOR, owner: null });
      printed.push(doc.fileName);
    }
  }
  const attendance = held ? await addDemoAttendance(app, held.code, say) : null;
  const summary = await call('schedule.summary', { planCode: plan.code });
  return {
    plan: plan.code,
    sessions: new Set(staffed.rows.map((r) => r.sessionId)).size,
    rooms: staffed.rows.length,
    seats: summary.seated,
    staff: staff.length,
    staffedRooms: staffed.staffedRooms,
    patrols: staffed.patrols,
    printed,
    attendance,
  };
}
