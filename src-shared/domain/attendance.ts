/** 考勤 on exam day: what a seat of the platform's schedule recorded. */
export type AttendanceStatus = 'pending' | 'present' | 'absent' | 'irregular';

export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  pending: '未签到',
  present: '已到',
  absent: '缺考',
  irregular: '违纪',
};

/** 违纪 notes and 人证不符 remarks: a sentence or two, as the sign-in sheet has room for. */
export const ATTENDANCE_NOTE_MAX = 200;
/** What the check-in field takes: a QR text is at most 40 characters; a little room for a scanner's extra keys. */
export const CHECK_IN_TEXT_MAX = 64;

/** 应考/实考/缺考 of a room (实考: present, with or without an irregularity). */
export interface AttendanceTotals {
  expected: number;
  present: number;
  absent: number;
  irregular: number;
  pending: number;
}

export function totalsOf(statuses: readonly AttendanceStatus[]): AttendanceTotals {
  const t: AttendanceTotals = { expected: statuses.length, present: 0, absent: 0, irregular: 0, pending: 0 };
  for (const s of statuses) t[s]++;
  return t;
}

/** 实考: everyone who sat the exam, irregular or not. */
export const sat = (t: AttendanceTotals): number => t.present + t.irregular;

/** Where a room's session stands for check-in at an instant. */
export type SessionState = 'before' | 'open' | 'ended';
