import type { z } from 'zod';
import type { CandidatePayload } from '../../../src-shared/domain/candidate-payload';
import type { enrollmentsPayload } from '../../../src-shared/domain/enrollment-kinds';
import type { Answerer } from './answerers';
import { scheduleAnswer } from './answer-schedule';

/**
 * 报考信息 answered by the platform's schedule of each plan enrolled — when the same package
 * carries the rooms to seat them in (export `rooms,enrollments` together); without rooms the
 * platform only takes note. Candidates sent alongside give the groups the seating spreads apart.
 */
export const answerEnrollments: Answerer = (payload, ctx) => {
  if (!ctx.payloads.rooms) return {};
  const { enrollments } = payload as z.infer<typeof enrollmentsPayload>;
  const people = (ctx.payloads.candidates as { candidates: CandidatePayload[] } | undefined)?.candidates ?? [];
  const groups = new Map(people.map((c) => [c.idNumber, [c.major, c.entryYear].filter(Boolean).join(' ')]));
  return scheduleAnswer(
    ctx,
    enrollments.map((e) => ({ planCode: e.planCode, idNumber: e.idNumber, subjectCode: e.subjectCode, group: groups.get(e.idNumber) ?? '' })),
  );
};
