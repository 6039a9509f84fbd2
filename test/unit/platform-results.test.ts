import { describe, expect, it } from 'vitest';
import type { ScoresPayload } from '../../src-shared/domain/score-kinds';
import { compositeOf } from '../../src-shared/domain/certificate-rule';
import { platformComposite, platformResults } from '../tools/platform/platform-results';
import { loadScenario } from '../tools/platform/load-scenario';

const scenario = loadScenario();
const A = '370203200504026889';
const B = '37010320080725172X';

type Entry = ScoresPayload['scores'][number]['entries'][number];
const entry = (idNumber: string, score: number | null): Entry => ({ idNumber, name: idNumber === A ? '甲' : '乙', ticketNumber: null, score, absent: score === null });
const subject = (subjectCode: string, entries: Entry[], issuedAt = '2026-06-10T10:00:00+08:00') => ({ planCode: 'K1', subjectCode, issuedAt, entries });

describe('the simulated platform’s 考证结果', () => {
  it.each([
    // [parts, the platform's (truncated), the app's (half up)]
    [[59.9, 60, 60], 59.9, 60.0], // 59.96
    [[70, 70, 70.5], 70.1, 70.2], // 70.15
    [[80, 80, 80], 80, 80], // exact
    [[59.7, 59.9, 60], 59.8, 59.9], // 59.85
    [[59.6, 59.9, 60], 59.8, 59.8], // 59.81
  ])('truncates Σ score × weight (40/30/30) %j to %d where the app rounds to %d', (scores, platform, app) => {
    const parts = scores.map((score, i) => ({ score, weight: [40, 30, 30][i]! }));
    expect(platformComposite(parts)).toBe(platform);
    expect(compositeOf(parts)).toBe(app);
  });

  it('decides a candidate once every subject of the certificate has a score, from the latest score issued, absent as 0', () => {
    const scores: ScoresPayload = {
      scores: [
        subject('098694', [entry(A, 59.9), entry(B, 90)]),
        subject('794690', [entry(A, 60), entry(B, null)]),
        subject('609371', [entry(A, 50)]),
        // A corrected 实操考核 (成绩异议), issued later: it counts; an older one never does.
        subject('609371', [entry(A, 60)], '2026-06-12T10:00:00+08:00'),
        subject('609371', [entry(A, 99)], '2026-06-01T10:00:00+08:00'),
      ],
    };
    expect(platformResults(scores, scenario)).toEqual({
      results: [
        {
          planCode: 'K1',
          issuedAt: '2026-06-12T10:00:00+08:00',
          entries: [{ idNumber: A, name: '甲', certificateCode: 'ZS2019003', level: '初级', composite: 59.9, passed: false }],
        },
      ],
    });
    expect(platformResults(scores, scenario, { issuedAt: '2026-07-01T10:00:00+08:00' }).results[0]!.issuedAt).toBe('2026-07-01T10:00:00+08:00');
  });

  it('reports no composite for an every-subject rule, and fails it on an absent subject', () => {
    const scores: ScoresPayload = { scores: [subject('512801', [entry(A, 95), entry(B, 60)]), subject('512802', [entry(A, null), entry(B, 60)])] };
    expect(platformResults(scores, scenario).results[0]!.entries.map((e) => [e.name, e.composite, e.passed])).toEqual([
      ['甲', null, false],
      ['乙', null, true],
    ]);
  });
});
