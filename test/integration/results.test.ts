import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultPlanRow, ResultsCheck, ResultsView } from '../../src-shared/api/results';
import { maskIdNumber } from '../../src-shared/domain/id-number';
import type { ResultsPayload } from '../../src-shared/domain/score-kinds';
import { addUser, call, callError, callJobError } from '../helpers/app';
import { importFile } from '../fixtures/site-fixtures';
import { issuePackage } from '../tools/platform/issue-package';
import type { Platform } from '../tools/platform/platform';
import { BASIC, INSTITUTION_CODE, insertScores, LOGISTICS, MIDDLE, PYTHON, resultsApp, scoredResultsApp } from '../fixtures/results-fixtures';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };

let written = 0;
async function resultsFile(platform: Platform, dir: string, payload: ResultsPayload): Promise<string> {
  const out = join(dir, `results-${++written}.zip`);
  // Made no earlier than what it carries was issued: a package cannot hold results issued after it.
  const now = new Date(Math.max(Date.parse('2026-06-15T02:00:00Z'), ...payload.results.map((r) => Date.parse(r.issuedAt))));
  await issuePackage(platform, { results: payload }, { institutionCode: INSTITUTION_CODE, out, now });
  return out;
}

function stored(app: Awaited<ReturnType<typeof resultsApp>>['app']) {
  return app.store.db
    .prepare(
      'SELECT c.name, r.certificate_code AS cert, r.level, r.composite, r.passed, r.issued_at AS issuedAt FROM platform_results r JOIN candidates c ON c.id = r.candidate_id ORDER BY r.id',
    )
    .all() as { name: string; cert: string; level: string; composite: number | null; passed: number; issuedAt: string }[];
}

const entryOf = (p: ResultsPayload, name: string) => p.results[0]!.entries.find((x) => x.name === name)!;
const withEntries = (
  p: ResultsPayload,
  change: (entries: ResultsPayload['results'][number]['entries']) => ResultsPayload['results'][number]['entries'],
  issuedAt?: string,
): ResultsPayload => ({
  results: p.results.map((r) => ({ ...r, ...(issuedAt ? { issuedAt } : {}), entries: change(r.entries.map((x) => ({ ...x }))) })),
});

// Each test imports packages through the import job (a worker thread): slow on a loaded 2-core machine.
describe('考证结果: the platform’s results package', { timeout: 300_000 }, () => {
  it('stores each verdict per plan, candidate and certificate+level; the same twice changes nothing; a newer one replaces it', async () => {
    const { app, principal, platform, workDir, theirs, a, b, c, d } = await scoredResultsApp();
    // The simulator's own verdicts: A truncated below the pass mark, D's 中级 left out (成绩未齐).
    const verdicts = (p: ResultsPayload) => new Map(p.results[0]!.entries.map((x) => [`${x.name} ${x.level}`, [x.composite, x.passed]]));
    expect(verdicts(theirs)).toEqual(
      new Map([
        [`${a.name} 初级`, [59.9, false]],
        [`${b.name} 初级`, [80, true]],
        [`${c.name} 初级`, [70.1, true]],
        [`${d.name} 初级`, [80, true]],
      ]),
    );
    const first = await resultsFile(platform, workDir, theirs);
    expect((await importFile(app, principal, first)).counts).toEqual({ results: { new: 4, changed: 0, unchanged: 0 } });
    expect(stored(app).map((r) => [r.name, r.cert, r.level, r.composite, r.passed])).toEqual(
      theirs.results[0]!.entries.map((x) => [x.name, LOGISTICS, x.level, x.composite, x.passed ? 1 : 0]),
    );

    // The same package again, and the same verdicts in a new package: nothing changes.
    expect(await importFile(app, principal, first)).toMatchObject({ applied: false });
    const again = await importFile(app, principal, await resultsFile(platform, workDir, theirs));
    expect(again).toMatchObject({ applied: true, counts: { results: { new: 0, changed: 0, unchanged: 4 } } });

    // A newer verdict (after 成绩异议) replaces the stored one; the rest stay as they were.
    const corrected = withEntries(theirs, (es) => es.map((x) => (x.name === a.name ? { ...x, composite: 60, passed: true } : x)), '2026-06-20T10:00:00+08:00');
    expect((await importFile(app, principal, await resultsFile(platform, workDir, corrected))).counts).toEqual({ results: { new: 0, changed: 1, unchanged: 3 } });
    expect(stored(app).find((r) => r.name === a.name)).toMatchObject({ composite: 60, passed: 1, issuedAt: '2026-06-20T10:00:00+08:00' });
    expect(stored(app).find((r) => r.name === b.name)!.issuedAt).toBe(theirs.results[0]!.issuedAt);

    // An older verdict that differs from the stored one is refused, and nothing changes.
    const before = stored(app);
    const at = theirs.results[0]!.entries.findIndex((x) => x.name === a.name);
    const stale = withEntries(theirs, (es) => es.map((x) => (x.name === a.name ? { ...x, composite: 59.9, passed: false } : x)), '2026-06-12T10:00:00+08:00');
    const refused = await callJobError(app, 'packages.inspect', { fileId: app.files.register(await resultsFile(platform, workDir, stale), 'in.zip', ACTOR).fileId }, principal);
    expect(refused.message).toBe(
      `payload/results.json 的内容不符合格式：results[0].entries[${at}]：身份证号 ${maskIdNumber(a.idNumber)}（${a.name}）的考生的 物流管理（初级） 已有平台在 2026-06-20 10:00:00 发布的考证结果（通过），这份（2026-06-12 10:00:00 发布）不比它新，已拒绝`,
    );
    expect(stored(app)).toEqual(before);
  });

  it('refuses an entry for an unknown plan, candidate or certificate, or one the candidate did not enroll in, naming it; nothing is written', async () => {
    const { app, principal, platform, workDir, theirs, a, e, plans } = await scoredResultsApp();
    const refusal = async (payload: ResultsPayload) => {
      const file = await resultsFile(platform, workDir, payload);
      return (await callJobError(app, 'packages.inspect', { fileId: app.files.register(file, 'in.zip', ACTOR).fileId }, principal)).message;
    };
    const prefix = 'payload/results.json 的内容不符合格式：';
    expect(await refusal({ results: [{ ...theirs.results[0]!, planCode: 'K209999999999' }] })).toBe(
      `${prefix}results[0].planCode：考试计划 K209999999999 不存在，请先导入平台的考试计划`,
    );
    const stranger = { ...entryOf(theirs, a.name), idNumber: '110101199003074514', name: '陌生人' };
    expect(await refusal(withEntries(theirs, (es) => [...es, stranger]))).toBe(`${prefix}results[0].entries[4].idNumber：身份证号 110101*****4514（陌生人）的考生不是本院校的考生`);
    const notEnrolled = { ...entryOf(theirs, a.name), idNumber: e.idNumber, name: e.name };
    expect(await refusal(withEntries(theirs, (es) => [notEnrolled, ...es]))).toBe(
      `${prefix}results[0].entries[0].idNumber：身份证号 ${maskIdNumber(e.idNumber)}（${e.name}）的考生没有报考考试计划“物流管理2026年5月第2次考核”的 物流管理（初级）`,
    );
    expect(await refusal(withEntries(theirs, (es) => [{ ...es[0]!, level: '高级' }, ...es.slice(1)]))).toBe(
      `${prefix}results[0].entries[0].certificateCode：考试计划“物流管理2026年5月第2次考核”（${plans.logistics}）没有考核证书 ${LOGISTICS}（高级）`,
    );
    expect(await refusal(withEntries(theirs, (es) => [{ ...es[0]!, certificateCode: PYTHON, level: '初级' }]))).toContain(`没有考核证书 ${PYTHON}（初级）`);
    expect(await refusal(withEntries(theirs, (es) => [...es, { ...es[1]!, passed: false }]))).toBe(
      `${prefix}results[0].entries[4]：身份证号 ${maskIdNumber(es1(theirs).idNumber)}（${es1(theirs).name}）的考生的 物流管理（初级） 在同一份考证结果中出现了两次`,
    );
    expect(await refusal({ results: [theirs.results[0]!, theirs.results[0]!] })).toBe(
      `${prefix}results[1].planCode：考试计划 ${plans.logistics} 的考证结果在同一个数据包中出现了两次`,
    );
    expect(stored(app)).toEqual([]);
  });
});

const es1 = (p: ResultsPayload) => p.results[0]!.entries[1]!;

describe('考证结果: the cross-check with the app’s own computation', { timeout: 300_000 }, () => {
  it('lists every disagreement with both figures and the inputs, never taking the platform’s over', async () => {
    const { app, principal, platform, workDir, theirs, plans, a, b, c, d } = await scoredResultsApp();

    // Before the platform sends anything there is nothing to compare: every row waits for it.
    const waiting = await call<ResultsCheck>(app, 'results.check', { planCode: plans.logistics }, principal);
    expect(waiting).toEqual({ plan: plans.logistics, computed: 5, platform: 0, agree: 0, disagreements: [] });
    const early = await call<ResultsView>(app, 'results.view', { planCode: plans.logistics }, principal);
    expect(early.rows.items.map((r) => r.status)).toEqual(['awaiting', 'awaiting', 'awaiting', 'awaiting', 'awaiting']);
    expect(early.platformIssuedAt).toBeNull();

    await importFile(app, principal, await resultsFile(platform, workDir, theirs));
    const check = await call<ResultsCheck>(app, 'results.check', { planCode: plans.logistics }, principal);
    const rule = { compositePassScore: 60, allSubjectsPass: false, rounding: '综合成绩保留一位小数，四舍五入' };
    const subjects = (scores: (number | null)[], absent: boolean[] = [false, false, false], codes: readonly string[] = BASIC) =>
      codes.map((subject, i) => ({ subject, name: ['基础考核', '综合应用考核', '实操考核'][i], score: scores[i], absent: absent[i], weight: [40, 30, 30][i], passScore: 60 }));
    expect(check).toEqual({
      plan: plans.logistics,
      computed: 5,
      platform: 4,
      agree: 2,
      disagreements: [
        {
          candidate: { idNumber: a.idNumber, name: a.name },
          certificate: LOGISTICS,
          level: '初级',
          local: { composite: 60, passed: true },
          platform: { composite: 59.9, passed: false },
          inputs: { rule, subjects: subjects([59.9, 60, 60]) },
        },
        {
          candidate: { idNumber: c.idNumber, name: c.name },
          certificate: LOGISTICS,
          level: '初级',
          local: { composite: 70.2, passed: true },
          platform: { composite: 70.1, passed: true },
          inputs: { rule, subjects: subjects([70, 70, 70.5]) },
        },
        {
          candidate: { idNumber: d.idNumber, name: d.name },
          certificate: LOGISTICS,
          level: '中级',
          local: { composite: null, passed: null },
          platform: null,
          inputs: { rule, subjects: subjects([75, null, null], [false, true, false], MIDDLE) },
        },
      ],
    });
    // Shown, never overwritten: the platform's verdict sits beside the app's own, which still says 通过.
    expect(stored(app).find((r) => r.name === a.name)).toMatchObject({ composite: 59.9, passed: 0 });

    const view = await call<ResultsView>(app, 'results.view', { planCode: plans.logistics, filter: 'disagree' }, principal);
    expect(view.counts).toEqual({ computed: 5, passed: 4, failed: 0, undecided: 1, platform: 4, agree: 2, disagree: 3 });
    expect(view.rounding).toBe('综合成绩保留一位小数，四舍五入');
    expect(view.platformIssuedAt).toBe(theirs.results[0]!.issuedAt);
    expect(view.rows.items.map((r) => [r.name, r.level, r.differences])).toEqual([
      [a.name, '初级', ['结果不一致：本院校计算为通过，平台为未通过', '综合成绩不一致：本院校计算为 60.0，平台为 59.9']],
      [c.name, '初级', ['综合成绩不一致：本院校计算为 70.2，平台为 70.1']],
      [d.name, '中级', ['平台没有发来这项考证结果']],
    ]);
    const [rowA] = view.rows.items;
    expect(rowA).toMatchObject({
      certificateLabel: '物流管理（初级）',
      rule: '综合成绩不低于 60 分',
      status: 'disagree',
      local: { sum: 59.96, composite: 60, passed: true, reasons: [] },
      platform: { composite: 59.9, passed: false, issuedAt: theirs.results[0]!.issuedAt },
    });
    expect(rowA!.local!.subjects.map((s) => [s.subjectName, s.score, s.weight, s.weighted, s.passScore, s.passed])).toEqual([
      ['基础考核', 59.9, 40, 23.96, 60, false],
      ['综合应用考核', 60, 30, 18, 60, true],
      ['实操考核', 60, 30, 18, 60, true],
    ]);
    const rowD = view.rows.items[2]!;
    expect(rowD.local).toMatchObject({ sum: null, composite: null, passed: null, reasons: [`成绩未齐：实操考核（${MIDDLE[2]}） 尚无成绩`] });
    expect(rowD.local!.subjects[1]).toMatchObject({ subjectName: '综合应用考核', score: 0, absent: true, enrolled: true, weighted: 0 });

    // The filters, the search and the pages are the server's.
    const agreeing = await call<ResultsView>(app, 'results.view', { planCode: plans.logistics, filter: 'agree' }, principal);
    expect(agreeing.rows.items.map((r) => [r.name, r.level, r.status])).toEqual([
      [b.name, '初级', 'agree'],
      [d.name, '初级', 'agree'],
    ]);
    const paged = await call<ResultsView>(app, 'results.view', { planCode: plans.logistics, page: 2, pageSize: 2 }, principal);
    expect(paged.rows).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(paged.rows.items.map((r) => r.name)).toEqual([c.name, d.name]);
    const found = await call<ResultsView>(app, 'results.view', { planCode: plans.logistics, search: d.idNumber.slice(-6) }, principal);
    expect(found.rows.items.map((r) => r.level)).toEqual(['初级', '中级']);
    const middle = await call<ResultsView>(app, 'results.view', { planCode: plans.logistics, certificate: `${LOGISTICS}/中级` }, principal);
    expect(middle.rows.items.map((r) => r.name)).toEqual([d.name]);
    const undecided = await call<ResultsView>(app, 'results.view', { planCode: plans.logistics, filter: 'undecided' }, principal);
    expect(undecided.rows.total).toBe(1);

    const planRows = await call<ResultPlanRow[]>(app, 'results.plans', {}, principal);
    expect(planRows).toEqual([{ code: plans.logistics, name: '物流管理2026年5月第2次考核', phase: expect.any(String), computed: 5, decided: 4, platform: 4 }]);
    // A score arriving since is counted at once: D's 中级 is decided now, and the platform has no verdict of it.
    insertScores(app.store, plans.logistics, { [d.idNumber]: { [MIDDLE[2]]: 90 } });
    const later = await call<ResultsView>(app, 'results.view', { planCode: plans.logistics, filter: 'disagree' }, principal);
    expect(later.counts).toMatchObject({ passed: 4, failed: 1, undecided: 0, disagree: 3 });
    expect(later.rows.items[2]).toMatchObject({
      name: d.name,
      level: '中级',
      local: { sum: 57, composite: 57, passed: false, reasons: ['综合成绩 57.0 低于合格分数 60'] },
      differences: ['平台没有发来这项考证结果'],
    });
    expect((await callError(app, 'results.view', { planCode: 'K-NONE' }, principal)).message).toBe('考试计划 K-NONE 不存在，请先导入平台的考试计划');
  });

  it('is for the principal and the coordinators: an invigilator is refused (403)', async () => {
    const { app, principal, plans } = await resultsApp({ candidates: 1 });
    const coordinator = await addUser(app, principal, 'lina', 'coordinator');
    const invigilator = await addUser(app, principal, 'wangfang', 'invigilator');
    expect(await call<ResultPlanRow[]>(app, 'results.plans', {}, coordinator)).toEqual([]);
    expect(await call<ResultsCheck>(app, 'results.check', { planCode: plans.logistics }, coordinator)).toMatchObject({ computed: 0, disagreements: [] });
    for (const [name, input] of [
      ['results.plans', {}],
      ['results.view', { planCode: plans.logistics }],
      ['results.check', { planCode: plans.logistics }],
    ] as const)
      expect(await callError(app, name, input, invigilator)).toMatchObject({ code: 'FORBIDDEN', message: '您的角色无权执行此操作。' });
  });
});
