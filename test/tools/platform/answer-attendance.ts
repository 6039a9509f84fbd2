import type { AttendancePayload } from '../../../src-shared/domain/attendance-kinds';
import type { ScoresPayload } from '../../../src-shared/domain/score-kinds';
import type { Answerer } from './answerers';
import { issuanceListFor } from './platform-issuance';
import { platformResults } from './platform-results';
import type { Scenario } from './scenario-schema';

/** FNV-1a: the same ticket number always marks the same. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const tenths = (n: number) => Math.round(n * 10) / 10;

/**
 * The organisation's mark of one sitting, from its ticket number: one in ten lands exactly on the
 * pass mark, one in ten a tenth below it, one in twenty a tenth above, the rest spread from 30.0
 * to 99.0 — so every side of a pass rule shows up in a plan of a few dozen candidates.
 */
export function scoreFor(ticketNumber: string, passScore: number): number {
  const h = hashOf(ticketNumber);
  const bucket = h % 20;
  const mark = bucket < 2 ? passScore : bucket < 4 ? passScore - 0.1 : bucket === 4 ? passScore + 0.1 : 30 + ((h >>> 8) % 691) / 10;
  return Math.min(100, Math.max(0, tenths(mark)));
}

/** Each subject's pass mark, as the scenario's assessments set it. */
export function passMarksOf(scenario: Pick<Scenario, 'assessments'>): (subjectCode: string) => number {
  const marks = new Map(scenario.assessments.flatMap((a) => a.subjects.map((s) => [s.subjectCode, s.passScore] as const)));
  return (code) => marks.get(code) ?? 60;
}

/**
 * 科目成绩 for an institution's 考勤: per plan and subject, every seat — present or 违纪 scored by
 * `scoreFor`, absent or never checked in (未签到) 缺考. Pure, so the results and the tests can
 * recompute what the platform issued.
 */
export function scoresFor(attendance: AttendancePayload, scenario: Pick<Scenario, 'assessments'>, issuedAt: Date): ScoresPayload {
  const pass = passMarksOf(scenario);
  const blocks: ScoresPayload['scores'] = [];
  for (const plan of attendance.plans) {
    const bySubject = new Map<string, Map<string, ScoresPayload['scores'][number]['entries'][number]>>();
    for (const session of plan.sessions)
      for (const room of session.rooms)
        for (const seat of room.seats) {
          const entries = bySubject.get(session.subjectCode) ?? new Map();
          bySubject.set(session.subjectCode, entries);
          if (entries.has(seat.idNumber)) continue;
          const sat = seat.status === 'present' || seat.status === 'irregular';
          entries.set(seat.idNumber, {
            idNumber: seat.idNumber,
            name: seat.name,
            ticketNumber: seat.ticketNumber,
            score: sat ? scoreFor(seat.ticketNumber, pass(session.subjectCode)) : null,
            absent: !sat,
          });
        }
    for (const [subjectCode, entries] of [...bySubject].sort(([a], [b]) => a.localeCompare(b)))
      blocks.push({
        planCode: plan.planCode,
        subjectCode,
        issuedAt: issuedAt.toISOString(),
        entries: [...entries.values()].sort((a, b) => (a.ticketNumber ?? '').localeCompare(b.ticketNumber ?? '')),
      });
  }
  return { scores: blocks };
}

/**
 * 考勤 answered by the organisation's 科目成绩 of every plan and subject it covers, with its own
 * 考证结果 of them (platformResults, its truncating quirk and all) and the 证书发放名单 of its
 * passes — in one package, so a year can run to issuance from one answer; the app keeps each
 * plan's windows (公示, 锁定) itself.
 */
export const answerAttendance: Answerer = (payload, ctx) => {
  const scores = scoresFor(payload as AttendancePayload, ctx.platform.scenario, ctx.now);
  if (!scores.scores.length) return {};
  const results = { results: platformResults(scores, ctx.platform.scenario, { issuedAt: ctx.now.toISOString() }).results.filter((r) => r.entries.length > 0) };
  if (!results.results.length) return { scores };
  const lists = issuanceListFor(results).lists.filter((l) => l.entries.length > 0);
  return lists.length ? { scores, results, 'issuance-list': { lists } } : { scores, results };
};
