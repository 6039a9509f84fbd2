import type { ScoreDisputesPayload, ScoresPayload } from '../../../src-shared/domain/score-kinds';
import type { Answerer } from './answerers';
import { passMarksOf, scoreFor } from './answer-attendance';
import type { Scenario } from './scenario-schema';

type Dispute = ScoreDisputesPayload['disputes'][number];

/**
 * What the organisation finds on a second look at a disputed score: a 缺考 was there after all
 * (marked by its ticket, or at the pass mark without one); any other mark was 5.0 short (95.0
 * for a full 100). Never the same value, so every dispute it answers is corrected.
 */
export function correctedScore(d: Pick<Dispute, 'ticketNumber' | 'score' | 'absent' | 'subjectCode'>, scenario: Pick<Scenario, 'assessments'>): number {
  if (d.absent || d.score === null) return d.ticketNumber ? scoreFor(d.ticketNumber, passMarksOf(scenario)(d.subjectCode)) : passMarksOf(scenario)(d.subjectCode);
  return d.score >= 100 ? 95 : Math.min(100, Math.round((d.score + 5) * 10) / 10);
}

/** 成绩异议 answered by 科目成绩 of just the disputed entries, corrected, issued now (later than what they replace). */
export function correctedScores(payload: ScoreDisputesPayload, scenario: Pick<Scenario, 'assessments'>, issuedAt: Date): ScoresPayload {
  const blocks = new Map<string, ScoresPayload['scores'][number]>();
  for (const d of payload.disputes) {
    const key = `${d.planCode}/${d.subjectCode}`;
    const block = blocks.get(key) ?? { planCode: d.planCode, subjectCode: d.subjectCode, issuedAt: issuedAt.toISOString(), entries: [] };
    blocks.set(key, block);
    if (block.entries.some((e) => e.idNumber === d.idNumber)) continue;
    block.entries.push({ idNumber: d.idNumber, name: d.name, ticketNumber: d.ticketNumber, score: correctedScore(d, scenario), absent: false });
  }
  return { scores: [...blocks.values()] };
}

export const answerScoreDisputes: Answerer = (payload, ctx) => ({ scores: correctedScores(payload as ScoreDisputesPayload, ctx.platform.scenario, ctx.now) });
