import { describe, expect, it } from 'vitest';
import {
  countsText,
  histogramBins,
  planStatistics,
  rateTables,
  ratePercent,
  subjectHistograms,
  type CertificateResultRow,
  type PlanMeta,
  type RateTable,
  type SubjectScoreRow,
} from '../../src-shared/domain/score-stats';

const PLAN: PlanMeta = {
  code: 'K1',
  name: '物流管理2026年第1次考核',
  certificates: [
    {
      certificateCode: 'ZS1',
      shortName: '物流管理',
      level: '初级',
      subjects: [
        { subjectCode: 'A', subjectName: '基础考核', passScore: 60 },
        { subjectCode: 'B', subjectName: '实操考核', passScore: 60 },
      ],
    },
    { certificateCode: 'ZS1', shortName: '物流管理', level: '中级', subjects: [{ subjectCode: 'C', subjectName: '基础考核', passScore: 70 }] },
    { certificateCode: 'ZS2', shortName: 'Python', level: '初级', subjects: [{ subjectCode: 'D', subjectName: '理论知识', passScore: 60 }] },
  ],
};

const result = (certificateCode: string, level: string, passed: boolean | null, over: Partial<CertificateResultRow> = {}): CertificateResultRow => ({
  certificateCode,
  level,
  major: '物流管理',
  entryYear: 2024,
  passed,
  absentAll: false,
  ...over,
});

const score = (subjectCode: string, value: number | 'absent' | 'none', over: Partial<SubjectScoreRow> = {}): SubjectScoreRow => ({
  subjectCode,
  major: '物流管理',
  entryYear: 2024,
  scored: value !== 'none',
  absent: value === 'absent',
  score: typeof value === 'number' ? value : null,
  ...over,
});

const rowsOf = (tables: RateTable[], dimension: RateTable['dimension']) => tables.find((t) => t.dimension === dimension)!.rows;
const brief = (rows: RateTable['rows']) => rows.map((r) => [r.label, r.passed, r.decided, r.absent, r.undecided, r.rate]);

describe('ratePercent: passed / decided, one decimal, half up, in integers', () => {
  it.each([
    [0, 0, null],
    [0, 3, 0],
    [3, 3, 100],
    [2, 3, 66.7],
    [1, 3, 33.3],
    [1, 8, 12.5],
    [1, 16, 6.3], // 6.25 → 6.3 (half up)
    [1, 6, 16.7],
    [5, 7, 71.4],
    [1, 2000, 0.1], // 0.05 → 0.1
    [1, 2001, 0],
  ])('%i of %i → %s', (passed, decided, expected) => {
    expect(ratePercent(passed, decided)).toBe(expected);
  });
});

describe('rate tables', () => {
  it('counts decided certificate outcomes, undecided apart, by every dimension', () => {
    const results = [
      result('ZS1', '初级', true, { major: '物流管理', entryYear: 2024 }),
      result('ZS1', '初级', false, { major: '物流管理', entryYear: 2023 }),
      result('ZS1', '初级', null, { major: '电子商务', entryYear: 2024 }),
      result('ZS1', '初级', false, { major: '电子商务', entryYear: 2024, absentAll: true }),
      result('ZS1', '中级', true, { major: null, entryYear: null }),
      result('ZS2', '初级', true, { major: '电子商务', entryYear: 2023 }),
    ];
    const tables = rateTables(PLAN, results, []);
    expect(tables.map((t) => [t.dimension, t.title, t.basis])).toEqual([
      ['plan', '按考试计划', 'certificate'],
      ['certificate', '按证书', 'certificate'],
      ['certificateLevel', '按证书等级', 'certificate'],
      ['level', '按等级', 'certificate'],
      ['major', '按专业', 'certificate'],
      ['entryYear', '按入学年份', 'certificate'],
      ['subject', '按科目', 'subject'],
    ]);
    // [label, passed, decided, absent, undecided, rate]
    expect(brief(rowsOf(tables, 'plan'))).toEqual([['物流管理2026年第1次考核', 3, 5, 1, 1, 60]]);
    expect(brief(rowsOf(tables, 'certificate'))).toEqual([
      ['物流管理', 2, 4, 1, 1, 50],
      ['Python', 1, 1, 0, 0, 100],
    ]);
    expect(brief(rowsOf(tables, 'certificateLevel'))).toEqual([
      ['物流管理（初级）', 1, 3, 1, 1, 33.3],
      ['物流管理（中级）', 1, 1, 0, 0, 100],
      ['Python（初级）', 1, 1, 0, 0, 100],
    ]);
    expect(brief(rowsOf(tables, 'level'))).toEqual([
      ['初级', 2, 4, 1, 1, 50],
      ['中级', 1, 1, 0, 0, 100],
    ]);
    // Majors as they sort in Chinese (电 before 物), the candidates without one last.
    expect(brief(rowsOf(tables, 'major'))).toEqual([
      ['电子商务', 1, 2, 1, 1, 50],
      ['物流管理', 1, 2, 0, 0, 50],
      ['（无专业）', 1, 1, 0, 0, 100],
    ]);
    expect(brief(rowsOf(tables, 'entryYear'))).toEqual([
      ['2023 级', 1, 2, 0, 0, 50],
      ['2024 级', 1, 2, 1, 1, 50],
      ['（无入学年份）', 1, 1, 0, 0, 100],
    ]);
    expect(rowsOf(tables, 'plan')[0]!.enrolled).toBe(6);
  });

  it('shows the plan’s certificates, levels and subjects with nobody in them as empty rows (rate —), and no invented majors', () => {
    const tables = rateTables(PLAN, [], []);
    expect(brief(rowsOf(tables, 'plan'))).toEqual([['物流管理2026年第1次考核', 0, 0, 0, 0, null]]);
    expect(brief(rowsOf(tables, 'certificateLevel')).map((r) => r[5])).toEqual([null, null, null]);
    expect(rowsOf(tables, 'subject').map((r) => r.label)).toEqual(['基础考核（A）', '实操考核（B）', '基础考核（C）', '理论知识（D）']);
    expect(rowsOf(tables, 'major')).toEqual([]);
    expect(rowsOf(tables, 'entryYear')).toEqual([]);
  });

  it('passes a subject at or above its pass mark; absent counts as not passed; no score yet is apart', () => {
    const scores = [
      score('A', 60), // exactly the mark
      score('A', 59.9), // 0.1 below
      score('A', 'absent'),
      score('A', 'none'),
      score('C', 70),
      score('C', 69.9),
      score('C', 100),
    ];
    // [label, passed, decided, absent, undecided, rate]
    expect(brief(rowsOf(rateTables(PLAN, [], scores), 'subject'))).toEqual([
      ['基础考核（A）', 1, 3, 1, 1, 33.3],
      ['实操考核（B）', 0, 0, 0, 0, null],
      ['基础考核（C）', 2, 3, 0, 0, 66.7],
      ['理论知识（D）', 0, 0, 0, 0, null],
    ]);
  });

  it('gives 0% when everyone was absent, not an empty rate', () => {
    const scores = [score('D', 'absent'), score('D', 'absent')];
    const results = [result('ZS2', '初级', false, { absentAll: true }), result('ZS2', '初级', false, { absentAll: true })];
    const tables = rateTables(PLAN, results, scores);
    expect(brief(rowsOf(tables, 'subject')).at(-1)).toEqual(['理论知识（D）', 0, 2, 2, 0, 0]);
    expect(brief(rowsOf(tables, 'certificateLevel')).at(-1)).toEqual(['Python（初级）', 0, 2, 2, 0, 0]);
    expect(subjectHistograms(PLAN, scores, 10).at(-1)).toMatchObject({ scored: 0, absent: 2, mean: null, min: null, max: null });
  });

  it('says the counts behind a rate in words', () => {
    const [row] = rowsOf(rateTables(PLAN, [], [score('A', 61), score('A', 'absent'), score('A', 'none')]), 'subject');
    expect(countsText(row!, 'subject')).toBe('通过 1 / 应考 2（缺考 1，未出成绩 1）');
    expect(countsText({ enrolled: 2, decided: 2, passed: 2, absent: 0, undecided: 0 }, 'certificate')).toBe('通过 2 / 应考 2');
    expect(countsText({ enrolled: 3, decided: 2, passed: 1, absent: 0, undecided: 1 }, 'certificate')).toBe('通过 1 / 应考 2（成绩未齐 1）');
  });
});

describe('histogram bins', () => {
  const countIn = (bins: ReturnType<typeof histogramBins>, label: string) => bins.find((b) => b.label === label)?.count;

  it.each([
    // [score, width, the bin it lands in]
    [60, 10, '[60, 70)'],
    [59.9, 10, '[50, 60)'],
    [69.9, 10, '[60, 70)'],
    [70, 10, '[70, 80)'],
    [0, 10, '[0, 10)'],
    [100, 10, '[90, 100]'],
    [99.9, 10, '[90, 100]'],
    [60, 5, '[60, 65)'],
    [64.9, 5, '[60, 65)'],
    [65, 5, '[65, 70)'],
    [100, 5, '[95, 100]'],
    [0.3 + 59.7, 10, '[60, 70)'], // 60.000000000000004 in floating point, still 60
    [105, 10, '[100, 110]'],
    [110, 10, '[100, 110]'],
  ] as const)('%s in bins of %i → %s', (value, width, label) => {
    const bins = histogramBins([value], width, 60);
    expect(countIn(bins, label)).toBe(1);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(1);
  });

  it('runs from 0 to at least 100 and the pass mark, the last bin closed', () => {
    const tens = histogramBins([], 10, 60);
    expect(tens.map((b) => b.label)).toEqual(['[0, 10)', '[10, 20)', '[20, 30)', '[30, 40)', '[40, 50)', '[50, 60)', '[60, 70)', '[70, 80)', '[80, 90)', '[90, 100]']);
    expect(tens.every((b) => b.count === 0)).toBe(true);
    expect(histogramBins([], 5, 60)).toHaveLength(20);
    expect(histogramBins([], 10, 120).at(-1)).toMatchObject({ from: 110, to: 120, closed: true });
    expect(histogramBins([143.5], 10, 90).at(-1)).toMatchObject({ label: '[140, 150]', count: 1 });
  });

  it('describes each subject: counts, passes at the mark, mean half up, min and max', () => {
    const scores = [score('A', 60), score('A', 59.9), score('A', 85.5), score('A', 'absent'), score('A', 'none'), score('B', 72)];
    const [a, b, c] = planStatistics(PLAN, [], scores, 10).histograms;
    // (60 + 59.9 + 85.5) / 3 = 68.4666… → 68.5
    expect(a).toMatchObject({
      subjectCode: 'A',
      certificateLabel: '物流管理（初级）',
      passScore: 60,
      scored: 3,
      absent: 1,
      undecided: 1,
      passed: 2,
      mean: 68.5,
      min: 59.9,
      max: 85.5,
    });
    expect(a!.bins.filter((x) => x.count).map((x) => [x.label, x.count])).toEqual([
      ['[50, 60)', 1],
      ['[60, 70)', 1],
      ['[80, 90)', 1],
    ]);
    expect(b).toMatchObject({ subjectCode: 'B', scored: 1, mean: 72 });
    expect(c).toMatchObject({ subjectCode: 'C', passScore: 70, scored: 0, mean: null });
  });

  it('rounds a mean of .x5 up, exactly', () => {
    // (60.1 + 60.2) / 2 = 60.15 → 60.2, though 60.15 is 60.149999… in floating point
    expect(subjectHistograms(PLAN, [score('A', 60.1), score('A', 60.2)], 10)[0]!.mean).toBe(60.2);
  });
});
