import { MAX_TICKETS_PER_PDF, type ExamDocKindName } from '../../../src-shared/api/exam-docs';
import type { RoomSessionRow } from '../../../src-shared/api/schedule';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { loadPlanInfo } from '../schedule/plan-sittings';
import { roomRows, schedulePlanRow } from '../schedule/schedule-views';
import type { Scope } from '../schedule/scope';

export interface ExamDocFilter {
  planCode: string;
  scheduleRoomId?: number | undefined;
  roomId?: number | undefined;
  sessionId?: number | undefined;
  date?: string | undefined;
}

const matches = (f: ExamDocFilter) => (r: RoomSessionRow) => (f.roomId === undefined || r.roomId === f.roomId) && (f.sessionId === undefined || r.sessionId === f.sessionId);

/**
 * The room sittings a print covers, in the schedule's order (date, time, subject, room), as
 * the scope sees them. Refused: a plan with only a draft (no ticket numbers yet), a selection
 * that holds nothing, and an invigilator's selection of rooms it has no duty in.
 */
export function selectRooms(store: Store, scope: Scope, f: ExamDocFilter): RoomSessionRow[] {
  loadPlanInfo(store, f.planCode);
  const plan = schedulePlanRow(store, f.planCode);
  if (!plan) throw new AppError('STATE', `考试计划 ${f.planCode} 还没有排考，收到平台的排考后才能打印考务文档。`);
  if (plan.source !== 'platform') throw new AppError('STATE', '这个考试计划的排考还是本考点的草稿：收到平台的排考（有准考证号）后才能打印考务文档。');
  const filter = f.date ? { date: f.date } : {};
  const rows = roomRows(store, f.planCode, scope, filter).filter(matches(f));
  if (rows.length) return rows;
  if (!scope.all) {
    if (scope.staffId === null) throw new AppError('FORBIDDEN', '您的账号还没有关联到监考人员名单，请联系业务管理员。');
    if (roomRows(store, f.planCode, { all: true }, filter).some(matches(f))) throw new AppError('FORBIDDEN', '您没有被安排在所选的考场或场次监考或巡考，只能打印自己考场的文档。');
  }
  throw new AppError('NOT_FOUND', '所选的考场、场次或日期没有排考，没有要打印的文档。');
}

/** 准考证 print only inside the plan's 准考证打印 window (Beijing dates, both ends included). */
export function requireTicketWindow(store: Store, planCode: string, now: Date): void {
  const { windows } = loadPlanInfo(store, planCode);
  const today = institutionDate(now);
  const w = windows.ticketPrint;
  if (today < w.start || today > w.end) throw new AppError('STATE', `准考证只能在本计划的准考证打印时间（${w.start} 至 ${w.end}）内打印，今天是 ${today}。`);
}

/** The candidates seated in these room sittings, in the order the rooms and their seats are printed: whose tickets a print covers. */
export function ticketCandidates(store: Store, rows: readonly RoomSessionRow[]): number[] {
  const seated = store.prepare('SELECT e.candidate_id FROM schedule_seats t JOIN enrollments e ON e.id = t.enrollment_id WHERE t.schedule_room_id = ? ORDER BY t.seat').pluck();
  const ids = new Set<number>();
  for (const r of rows) for (const id of seated.all(r.scheduleRoomId) as number[]) ids.add(id);
  return [...ids];
}

export interface PrintPlan {
  rows: RoomSessionRow[];
  /** Tickets only: the candidates, in candidate order. */
  candidates: number[];
}

/** Everything checked before a job starts (and again inside it): what to print, or why not. */
export function planPrint(store: Store, scope: Scope, now: Date, f: ExamDocFilter & { kind: ExamDocKindName | 'zip' }): PrintPlan {
  if ((f.kind === 'tickets' || f.kind === 'zip') && !scope.all) throw new AppError('FORBIDDEN', '准考证由业务管理员打印。');
  const rows = selectRooms(store, scope, f);
  if (f.kind !== 'tickets' && f.kind !== 'zip') return { rows, candidates: [] };
  requireTicketWindow(store, f.planCode, now);
  const candidates = ticketCandidates(store, rows);
  if (f.kind === 'tickets' && candidates.length > MAX_TICKETS_PER_PDF)
    throw new AppError(
      'TOO_LARGE',
      `所选范围有 ${candidates.length} 位考生，一个 PDF 最多打印 ${MAX_TICKETS_PER_PDF} 张准考证：请按场次或考场分别打印，或导出准考证 ZIP（每位考生一个 PDF）。`,
    );
  return { rows, candidates };
}
