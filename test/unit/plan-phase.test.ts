import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightProblems, type ExamPlan } from '../../src-shared/domain/catalog';
import { institutionDate } from '../../src-shared/domain/institution-time';
import { planPhase } from '../../src-shared/domain/plan-phase';

// The manual's K202005229994 物流管理2019年12月第2次考核.
const windows: ExamPlan['windows'] = {
  registration: { start: '2019-12-08', end: '2019-12-21' },
  ticketPrint: { start: '2019-12-15', end: '2019-12-21' },
  exam: { start: '2019-12-21', end: '2019-12-22' },
  scoreEntry: { start: '2020-01-21', end: '2020-01-22' },
  publicity: { start: '2020-02-21', end: '2020-02-22' },
};

describe('plan phase', () => {
  it('follows the manual plan through the year', () => {
    expect(planPhase(windows, '2019-12-01')).toBe('未开始');
    expect(planPhase(windows, '2019-12-08')).toBe('报名中');
    expect(planPhase(windows, '2019-12-16')).toBe('准考证打印');
    expect(planPhase(windows, '2019-12-21')).toBe('考试中');
    expect(planPhase(windows, '2019-12-22')).toBe('考试中');
    expect(planPhase(windows, '2020-01-01')).toBe('待成绩登记');
    expect(planPhase(windows, '2020-01-21')).toBe('成绩登记');
    expect(planPhase(windows, '2020-02-22')).toBe('公示中');
    expect(planPhase(windows, '2020-02-23')).toBe('已结束');
  });

  it('always names a phase, and 已结束 only after publicity', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2019, 10, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(fc.property(day, (d) => (planPhase(windows, d) === '已结束') === d > '2020-02-22'));
  });

  it('reads the day in Beijing time', () => {
    expect(institutionDate(new Date('2019-12-07T16:30:00Z'))).toBe('2019-12-08');
    expect(institutionDate(new Date('2019-12-07T15:59:59Z'))).toBe('2019-12-07');
  });
});

describe('weights', () => {
  const subject = (weight: number) => ({ subjectCode: 'x', passScore: 60, weight, sessions: [{ date: '2019-12-21', start: '08:30', end: '10:00' }], durationMinutes: 90 });
  const plan = (weights: number[]): ExamPlan => ({
    code: 'K1',
    name: '物流管理考核',
    orgCode: 'O1',
    status: '已发布',
    windows,
    certificates: [{ certificateCode: 'C1', level: '初级', passRule: { compositePassScore: 60, allSubjectsPass: false }, subjects: weights.map(subject) }],
  });

  it('accepts 40/30/30 and thirds, refuses the rest naming the plan', () => {
    expect(weightProblems(plan([40, 30, 30]))).toEqual([]);
    expect(weightProblems(plan([33.33, 33.33, 33.34]))).toEqual([]);
    expect(weightProblems(plan([40, 30, 20]))).toEqual(['考试计划“物流管理考核”（K1）中证书 C1（初级）的科目权重合计为 90%，应为 100%']);
  });
});
