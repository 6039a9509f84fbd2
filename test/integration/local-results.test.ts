import { describe, expect, it } from 'vitest';
import { localResults, type LocalResult } from '../../src-main/core/results/local-results';
import { enroll } from '../fixtures/seeded-enrollments';
import { BASIC, candidateId, enrollCertificate, MIDDLE, insertScores, LOGISTICS, people, PYTHON, resultsApp } from '../fixtures/results-fixtures';

/** Python 初级: 理论知识 30%, 实操技能 70%, every subject ≥ 60 (物流管理's BASIC and MIDDLE: see the fixture). */
const PY = ['512801', '512802'] as const;

const of = (results: LocalResult[], idNumber: string, certificateCode: string, level: string) =>
  results.find((r) => r.idNumber === idNumber && r.certificateCode === certificateCode && r.level === level);

describe('localResults on a real store', () => {
  it('computes each enrolled candidate by certificate from the stored scores: all scores, an absent subject, a missing score, two certificates in one plan', async () => {
    const { app, plans } = await resultsApp({ candidates: 6 });
    const [a, b, c, d, e, f] = people(app.store);
    for (const p of [a!, b!, c!, d!]) enrollCertificate(app.store, plans.logistics, p.idNumber, LOGISTICS, '初级');
    enrollCertificate(app.store, plans.logistics, d!.idNumber, LOGISTICS, '中级');
    enrollCertificate(app.store, plans.python, b!.idNumber, PYTHON, '初级');
    enrollCertificate(app.store, plans.python, e!.idNumber, PYTHON, '初级');
    insertScores(app.store, plans.logistics, {
      // 23.96 + 18 + 18 = 59.96: one decimal half up → 60.0, at the pass mark.
      [a!.idNumber]: { [BASIC[0]]: 59.9, [BASIC[1]]: 60, [BASIC[2]]: 60 },
      // 缺考 counts 0 in the composite: 36 + 0 + 24 = 60.0 — a composite-only rule still passes.
      [b!.idNumber]: { [BASIC[0]]: 90, [BASIC[1]]: 'absent', [BASIC[2]]: 80 },
      // 实操考核 not yet scored.
      [c!.idNumber]: { [BASIC[0]]: 70, [BASIC[1]]: 70 },
      // 初级 passes, 中级 fails: 23.6 + 17.7 + 18.6 = 59.9.
      [d!.idNumber]: { [BASIC[0]]: 80, [BASIC[1]]: 80, [BASIC[2]]: 80, [MIDDLE[0]]: 59, [MIDDLE[1]]: 59, [MIDDLE[2]]: 62 },
    });
    // The every-subject rule: an absent subject fails it whatever the other scored.
    insertScores(app.store, plans.python, { [b!.idNumber]: { [PY[0]]: 95, [PY[1]]: 'absent' }, [e!.idNumber]: { [PY[0]]: 60, [PY[1]]: 59.9 } });

    const logistics = localResults(app.store, plans.logistics);
    expect(logistics.map((r) => `${r.name} ${r.level}`)).toEqual([`${a!.name} 初级`, `${b!.name} 初级`, `${c!.name} 初级`, `${d!.name} 初级`, `${d!.name} 中级`]);

    expect(of(logistics, a!.idNumber, LOGISTICS, '初级')).toEqual({
      candidateId: a!.id,
      idNumber: a!.idNumber,
      name: a!.name,
      major: expect.any(String),
      entryYear: expect.any(Number),
      certificateCode: LOGISTICS,
      level: '初级',
      outcome: {
        composite: 60,
        passed: true,
        reasons: [],
        subjects: [
          { subjectCode: BASIC[0], counted: 59.9, absent: false, passScore: 60, weight: 40, weighted: 23.96, passed: false },
          { subjectCode: BASIC[1], counted: 60, absent: false, passScore: 60, weight: 30, weighted: 18, passed: true },
          { subjectCode: BASIC[2], counted: 60, absent: false, passScore: 60, weight: 30, weighted: 18, passed: true },
        ],
      },
      notEnrolled: [],
    });

    const absent = of(logistics, b!.idNumber, LOGISTICS, '初级')!.outcome;
    expect(absent).toMatchObject({ composite: 60, passed: true, reasons: [] });
    expect(absent.subjects[1]).toEqual({ subjectCode: BASIC[1], counted: 0, absent: true, passScore: 60, weight: 30, weighted: 0, passed: false });

    expect(of(logistics, c!.idNumber, LOGISTICS, '初级')!.outcome).toMatchObject({ composite: null, passed: null, reasons: [`成绩未齐：${BASIC[2]} 尚无成绩`] });

    expect(of(logistics, d!.idNumber, LOGISTICS, '初级')!.outcome).toMatchObject({ composite: 80, passed: true });
    expect(of(logistics, d!.idNumber, LOGISTICS, '中级')!.outcome).toMatchObject({ composite: 59.9, passed: false, reasons: ['综合成绩 59.9 低于合格分数 60'] });

    // Another plan's enrollments and scores stay out; f enrolled nowhere has no result.
    expect(logistics.some((r) => r.certificateCode === PYTHON || r.idNumber === e!.idNumber || r.idNumber === f!.idNumber)).toBe(false);

    const python = localResults(app.store, plans.python);
    expect(python.map((r) => r.name)).toEqual([b!.name, e!.name]);
    expect(of(python, b!.idNumber, PYTHON, '初级')!.outcome).toMatchObject({ composite: 28.5, passed: false, reasons: [`科目 ${PY[1]} 缺考`] });
    expect(of(python, e!.idNumber, PYTHON, '初级')!.outcome).toMatchObject({ composite: 59.9, passed: false, reasons: [`科目 ${PY[1]} 成绩 59.9 低于合格分数 60`] });
  });

  it('leaves a candidate enrolled but not yet scored undecided, and a plan nobody enrolled in empty', async () => {
    const { app, plans } = await resultsApp({ candidates: 2 });
    const [a] = people(app.store);
    enrollCertificate(app.store, plans.logistics, a!.idNumber, LOGISTICS, '初级');
    const [only] = localResults(app.store, plans.logistics);
    expect(only!.outcome).toMatchObject({ composite: null, passed: null, reasons: [`成绩未齐：${BASIC.join('、')} 尚无成绩`] });
    expect(localResults(app.store, plans.python)).toEqual([]);
    expect(localResults(app.store, 'K-NO-SUCH-PLAN')).toEqual([]);
  });

  it('names a subject the candidate did not enroll in (按科目报考) as not enrolled, not as waiting for its score', async () => {
    const { app, plans } = await resultsApp({ candidates: 1 });
    const [a] = people(app.store);
    enroll(app.store, plans.logistics, [candidateId(app.store, a!.idNumber)], [BASIC[0], BASIC[1]]);
    insertScores(app.store, plans.logistics, { [a!.idNumber]: { [BASIC[0]]: 90, [BASIC[1]]: 90 } });
    const [only] = localResults(app.store, plans.logistics);
    expect(only!.outcome).toMatchObject({ composite: null, passed: null, reasons: [`成绩未齐：${BASIC[2]} 未报考`] });
    expect(only!.notEnrolled).toEqual([BASIC[2]]);
  });
});
