import { describe, expect, it } from 'vitest';
import { certificateOutcome, compositeOf, type SubjectScore } from '../../src-shared/domain/certificate-rule';

const subjects = [
  { subjectCode: 'A', passScore: 60, weight: 40, sessions: [], durationMinutes: 90 },
  { subjectCode: 'B', passScore: 60, weight: 30, sessions: [], durationMinutes: 90 },
  { subjectCode: 'C', passScore: 50, weight: 30, sessions: [], durationMinutes: 90 },
];
const composite = { compositePassScore: 60, allSubjectsPass: false };
const everySubject = { compositePassScore: null, allSubjectsPass: true };
const both = { compositePassScore: 60, allSubjectsPass: true };

const s = (score: number | null): SubjectScore => (score === null ? { score: null, absent: true } : { score, absent: false });
const scores = (a: number | null, b: number | null, c: number | null) =>
  new Map<string, SubjectScore>([
    ['A', s(a)],
    ['B', s(b)],
    ['C', s(c)],
  ]);

describe('compositeOf: one decimal, half up, exact in tenths', () => {
  it.each([
    // [parts, expected]
    [
      [
        { score: 59.9, weight: 50 },
        { score: 60, weight: 50 },
      ],
      60.0,
    ], // 59.95 → 60.0 (half up)
    [
      [
        { score: 59.8, weight: 50 },
        { score: 60, weight: 50 },
      ],
      59.9,
    ], // 59.90
    [
      [
        { score: 59.9, weight: 40 },
        { score: 59.9, weight: 30 },
        { score: 60.1, weight: 30 },
      ],
      60.0,
    ], // 59.96
    [
      [
        { score: 59.7, weight: 40 },
        { score: 59.9, weight: 30 },
        { score: 60.0, weight: 30 },
      ],
      59.9,
    ], // 59.85 → 59.9
    [
      [
        { score: 59.6, weight: 40 },
        { score: 59.9, weight: 30 },
        { score: 60.0, weight: 30 },
      ],
      59.8,
    ], // 59.81 → 59.8
    [
      [
        { score: 70, weight: 33.33 },
        { score: 70, weight: 33.33 },
        { score: 70, weight: 33.34 },
      ],
      70.0,
    ],
    [
      [
        { score: 0.1, weight: 50 },
        { score: 0, weight: 50 },
      ],
      0.1,
    ], // 0.05 → 0.1
    [[{ score: 100, weight: 100 }], 100],
  ])('%j → %d', (parts, expected) => {
    expect(compositeOf(parts)).toBe(expected);
  });
});

describe('certificateOutcome: the plan rule, table by table', () => {
  it.each([
    // [rule, A, B, C, composite, passed]
    ['composite exactly at the pass mark', composite, 60, 60, 60, 60.0, true],
    ['composite 0.1 below the pass mark', composite, 59.9, 59.9, 59.9, 59.9, false],
    ['weights 40/30/30 lift a failed subject', composite, 80, 40, 56, 60.8, true],
    ['an absent subject counts 0 in the composite', composite, 100, 100, null, 70.0, true],
    ['an absent subject fails every-subject', everySubject, 100, 100, null, 70.0, false],
    ['every subject exactly at its own mark', everySubject, 60, 60, 50, 57.0, true],
    ['one subject 0.1 below its own mark', everySubject, 60, 59.9, 90, 69.0, false],
    ['both: composite passes, a subject fails', both, 90, 59.9, 90, 81.0, false],
    ['both: every subject and the composite pass', both, 60, 60, 60, 60.0, true],
    ['both: subjects pass, composite below', both, 60, 60, 50, 57.0, false],
  ])('%s', (_name, rule, a, b, c, expectedComposite, passed) => {
    const out = certificateOutcome({ passRule: rule, subjects }, scores(a, b, c));
    expect(out.composite).toBe(expectedComposite);
    expect(out.passed).toBe(passed);
    expect(out.reasons.length === 0).toBe(passed);
  });

  it('names why a candidate failed: the composite against its mark, the absent and the low subjects', () => {
    const out = certificateOutcome({ passRule: both, subjects }, scores(55, null, 40));
    expect(out.passed).toBe(false);
    expect(out.reasons).toEqual(['综合成绩 34.0 低于合格分数 60', '科目 A 成绩 55.0 低于合格分数 60', '科目 B 缺考', '科目 C 成绩 40.0 低于合格分数 50']);
    expect(out.subjects.find((x) => x.subjectCode === 'B')).toMatchObject({ counted: 0, absent: true, passed: false, weighted: 0 });
    expect(out.subjects.find((x) => x.subjectCode === 'A')).toMatchObject({ counted: 55, weighted: 22 });
  });

  it('stays undecided until every subject has a score', () => {
    const partial = new Map<string, SubjectScore>([['A', s(90)]]);
    const out = certificateOutcome({ passRule: composite, subjects }, partial);
    expect(out.passed).toBeNull();
    expect(out.composite).toBeNull();
    expect(out.reasons[0]).toContain('B、C');
  });
});
