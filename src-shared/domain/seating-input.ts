import type { ExamMethod } from './catalog';
import type { TimeSlot } from './schedule';
import type { SeatCandidate, SeatSubject, SeatingPlan } from './seating';

/**
 * The seating engine's input and output in the schedule's terms, for both its users: the site's
 * draft (core) and the platform simulator's schedule.
 */

export interface SubjectSittings {
  code: string;
  name: string;
  method: ExamMethod;
  /** `code/level`, as rooms list the certificates they serve. */
  certificate: string;
  sessions: readonly TimeSlot[];
}

const SEP = '|';

export function sessionKeyOf(subjectCode: string, s: TimeSlot): string {
  return [subjectCode, s.date, s.start, s.end].join(SEP);
}

/** Each subject with the candidates enrolled in it; an enrollment of a subject the plan lacks is left out. */
export function seatingSubjects(subjects: readonly SubjectSittings[], candidates: readonly (SeatCandidate & { subjectCode: string })[]): SeatSubject[] {
  const bySubject = new Map<string, SeatCandidate[]>();
  for (const c of candidates) bySubject.set(c.subjectCode, [...(bySubject.get(c.subjectCode) ?? []), { key: c.key, group: c.group }]);
  return subjects.map((s) => ({
    code: s.code,
    name: s.name,
    method: s.method,
    certificate: s.certificate,
    sessions: s.sessions.map((x) => ({ key: sessionKeyOf(s.code, x), ...x })),
    candidates: bySubject.get(s.code) ?? [],
  }));
}

export interface SeatedSitting extends TimeSlot {
  subjectCode: string;
  rooms: { roomKey: string; seats: { seat: number; candidateKey: string }[] }[];
}

/** The engine's sessions back as sittings: subject, date and times, rooms and seats. */
export function seatedSittings(plan: SeatingPlan): SeatedSitting[] {
  return plan.sessions.map((s) => {
    const [subjectCode, date, start, end] = s.sessionKey.split(SEP) as [string, string, string, string];
    return { subjectCode, date, start, end, rooms: s.rooms };
  });
}

/** A seed from a text (FNV-1a): the same plan drafts the same way every time. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}
