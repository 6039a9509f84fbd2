import type { AttendanceChange, RosterRow } from '../../../src-shared/api/attendance';
import { ATTENDANCE_STATUS_LABELS } from '../../../src-shared/domain/attendance';
import { AppError } from '../../../src-shared/errors';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { writeAttendance, writeMismatchFlag, type AttendanceRecord, type Recorder } from './attendance-store';
import { editRule, loadRoom, rosterRows, roomTotals, type RoomSession } from './attendance-rooms';

type Action = 'confirm' | 'absent' | 'irregular' | 'mismatch';
const OPERATIONS = {
  confirm: 'attendance.confirm',
  absent: 'attendance.markAbsent',
  irregular: 'attendance.markIrregular',
  mismatch: 'attendance.flagMismatch',
} as const satisfies Record<Action, string>;

function recorder(call: CallContext): Recorder {
  const name = call.actor.id === null ? undefined : (call.app.store.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(call.actor.id) as string | undefined);
  return { id: call.actor.id, name: (name ?? call.actor.name).slice(0, 60) };
}

/** The new record for an action on a seat as it stands, or the reason it changes nothing. */
function next(action: Exclude<Action, 'mismatch'>, row: RosterRow, note: string, now: string, late: boolean): AttendanceRecord {
  if (action === 'confirm') {
    if (row.status === 'present' || row.status === 'irregular') throw new AppError('CONFLICT', `${row.name}（${row.seat} 号座位）已经签到，不要重复确认。`);
    return { status: 'present', note: null, checkedInAt: now, late };
  }
  if (action === 'absent') {
    if (row.status === 'absent') throw new AppError('CONFLICT', `${row.name}（${row.seat} 号座位）已经记为缺考。`);
    return { status: 'absent', note: null, checkedInAt: null, late };
  }
  return { status: 'irregular', note, checkedInAt: row.checkedInAt ?? now, late };
}

function record(call: CallContext, input: { scheduleRoomId: number; seatId: number; note?: string }, action: Action): AttendanceChange {
  const { store } = call.app;
  return store.tx(() => {
    const room: RoomSession = loadRoom(call, input.scheduleRoomId);
    const rule = editRule(call, room);
    if (!rule.allowed) throw new AppError('FORBIDDEN', rule.reason);
    const before = rosterRows(store, room, [input.seatId])[0];
    if (!before) throw new AppError('NOT_FOUND', '本考场没有这个座位，排考可能已经更新，请刷新页面。');
    const now = call.app.now().toISOString();
    const by = recorder(call);
    const note = input.note ?? '';
    if (action === 'mismatch') writeMismatchFlag(store, before.seatId, note, by, now);
    else writeAttendance(store, before.seatId, next(action, before, note, now, rule.late), by, now);
    const after = rosterRows(store, room, [input.seatId])[0]!;
    const place = `${room.roomName} ${room.date} ${room.start}–${room.end} ${before.seat} 号座位`;
    writeAudit(call, {
      operation: OPERATIONS[action],
      entityType: 'attendance',
      entityId: before.ticketNumber,
      before: { name: before.name, place, status: before.statusLabel, note: before.note },
      after: { name: after.name, place, status: after.statusLabel, note: action === 'mismatch' ? note || '人证不符' : after.note, late: rule.late },
    });
    const message =
      action === 'mismatch'
        ? `已记录 ${after.name}（${after.seat} 号座位）人证不符，请按考务规定处理。`
        : `${after.name}（${after.seat} 号座位）：${ATTENDANCE_STATUS_LABELS[after.status]}${rule.late ? '（考后更正，已记入审计日志）' : ''}`;
    return { row: after, totals: roomTotals(store, room.scheduleRoomId), message };
  });
}

export const confirmPresent = (call: CallContext, input: { scheduleRoomId: number; seatId: number }) => record(call, input, 'confirm');
export const markAbsent = (call: CallContext, input: { scheduleRoomId: number; seatId: number }) => record(call, input, 'absent');
export const markIrregular = (call: CallContext, input: { scheduleRoomId: number; seatId: number; note: string }) => record(call, input, 'irregular');
export const flagMismatch = (call: CallContext, input: { scheduleRoomId: number; seatId: number; note: string }) => record(call, input, 'mismatch');
