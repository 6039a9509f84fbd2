import { CLI_ACTOR, type Actor } from '../../../src-shared/actor';
import type { Contract, OpName } from '../../../src-shared/api';
import type { InputOf } from '../../../src-shared/api/contract';
import type { AttendanceTotals } from '../../../src-shared/domain/attendance';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import type { AppCore } from '../app-core';
import { invokeAs } from '../dispatch';

export interface DemoAttendance {
  plan: string;
  roomName: string;
  date: string;
  start: string;
  totals: AttendanceTotals;
  /** Entered after the session ended: a coordinator's late edit, audited as one. */
  late: boolean;
  /** Who the records say entered them (the coordinator's display name). */
  recordedBy: string | null;
}

export const DEMO_IRREGULAR_NOTE = '考试中携带手机，已由监考老师收缴并记录';

/** The first coordinator account, as whom the attendance is entered; the command line when there is none. */
export function coordinator(app: AppCore): Actor {
  const row = app.store.prepare("SELECT id, username FROM users WHERE role = 'coordinator' AND disabled = 0 ORDER BY id LIMIT 1").get() as
    { id: number; username: string } | undefined;
  return row ? { name: row.username, id: row.id, role: 'coordinator' } : CLI_ACTOR;
}

/**
 * 考勤 of one room sitting of a plan whose exam has begun: the room's sign-in sheet as its
 * invigilators brought it back — everyone present but one 缺考 and one 违纪 with its note —
 * entered by a coordinator through the check-in service, whose rules apply as to anyone (after
 * the session it is a late edit, and the audit log says so). Null when no sitting with three
 * candidates or more has begun.
 */
export async function addDemoAttendance(app: AppCore, planCode: string, say: (m: string) => void): Promise<DemoAttendance | null> {
  const actor = coordinator(app);
  const call = <K extends OpName>(name: K, input: InputOf<Contract[K]>) => invokeAs(app, actor, name, input);
  const today = institutionDate(app.now());
  const sitting = (await call('schedule.rooms', { planCode })).rows.find((r) => r.date <= today && r.expected >= 3);
  if (!sitting) return null;
  const { scheduleRoomId } = sitting;
  const roster = await call('attendance.roster', { scheduleRoomId });
  const late = roster.room.state === 'ended';
  say(`${late ? '补录' : '记录'} ${sitting.roomName}（${sitting.date} ${sitting.start}）的考勤：缺考 1 人，违纪 1 人，其余已到…`);
  const absent = roster.rows.at(-1)!;
  const irregular = roster.rows[Math.floor(roster.rows.length / 2)]!;
  for (const row of roster.rows) if (row !== absent) await call('attendance.confirm', { scheduleRoomId, seatId: row.seatId });
  await call('attendance.markAbsent', { scheduleRoomId, seatId: absent.seatId });
  const last = await call('attendance.markIrregular', { scheduleRoomId, seatId: irregular.seatId, note: DEMO_IRREGULAR_NOTE });
  return { plan: planCode, roomName: sitting.roomName, date: sitting.date, start: sitting.start, totals: last.totals, late, recordedBy: last.row.recordedBy };
}
