import type { OpName } from '../../../src-shared/api';

/** What a draft, a duty or a staff change can alter: refetched after each. */
export const SCHEDULE_QUERIES: OpName[] = ['schedule.plans', 'schedule.summary', 'schedule.overview', 'schedule.rooms', 'schedule.seats', 'staff.list'];

/** 2026-06-19 08:30–10:00 */
export function sittingLabel(s: { date: string; start: string; end: string }): string {
  return `${s.date} ${s.start}–${s.end}`;
}

/** The certificate's short name, as the platform's tables print it: 物流管理（初级）. */
export function certificateLabel(r: { certificateName: string; level: string }): string {
  return `${r.certificateName.replace(/职业技能等级证书$/, '')}（${r.level}）`;
}
