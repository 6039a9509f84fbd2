import { institutionDate } from '../../../src-shared/domain/institution-time';
import type { DateSpec } from './scenario-schema';

/** Day arithmetic on YYYY-MM-DD strings, in UTC so the PC's own time zone never shifts a day. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysFrom(start: string, end: string): string[] {
  const out: string[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) out.push(day);
  return out;
}

/** "D+5" is five days after the issue day, which is a Beijing date like every platform date. */
export function resolveDate(spec: DateSpec, issueDay: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(spec)) return spec;
  return addDays(issueDay, spec === 'D' ? 0 : Number(spec.slice(1)));
}

export function issueDayOf(now: Date): string {
  return institutionDate(now);
}
