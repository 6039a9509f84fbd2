import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuotaReport } from '../../src-shared/api/declarations';
import type { EnrollmentPage, EnrollmentSummary, EnrollPlanRow, EnrollPreview, EnrollResult } from '../../src-shared/api/enrollments';
import type { YearBoard } from '../../src-shared/api/yearboard';
import { auditCount, call, callError } from '../helpers/app';
import { buildWorldTemplate, idsOf, openWorld, type WorldTemplate } from '../fixtures/enrollment-fixtures';

const NOW = new Date('2026-05-10T02:00:00Z');
const templates: Record<'small' | 'large', WorldTemplate | null> = { small: null, large: null };

beforeAll(async () => {
  templates.small = await buildWorldTemplate({ now: NOW });
  templates.large = await buildWorldTemplate({ now: NOW, quota: { wl: 50, py: 50 } });
}, 300_000);
afterAll(() => Object.values(templates).forEach((t) => t?.remove()));

const world = (options: { quota?: { wl: number; py: number } } = {}) => openWorld(options.quota ? templates.large! : templates.small!, () => NOW);

const enrollCount = (w: { app: { store: { db: { prepare(s: string): { get(): unknown } } } } }) =>
  (w.app.store.db.prepare('SELECT count(*) AS n FROM enrollments').get() as { n: number }).n;

describe('报考 from the candidate list', () => {
  it('by certificate enrolls every subject of the certificate and level in the plan, counts against the quota, and is audited', async () => {
    const w = await world();
    const ids = idsOf(w.app.store, w.school.slice(0, 3));
    const input = { candidates: { ids }, planCode: 'OPEN', mode: 'certificate', certificateCode: 'CERT-WL', level: '初级' };
    const preview = await call<EnrollPreview>(w.app, 'enrollments.preview', input, w.principal);
    expect(preview).toMatchObject({ counts: { candidates: 3, accepted: 3, refused: 0, enrollments: 6 }, problems: [], refusals: [] });
    expect(enrollCount(w)).toBe(0);
    const before = auditCount(w.app);
    const done = await call<EnrollResult>(w.app, 'enrollments.enroll', input, w.principal);
    expect(done.written).toBe(6);
    expect(auditCount(w.app)).toBe(before + 1);
    const page = await call<EnrollmentPage>(w.app, 'enrollments.list', { planCode: 'OPEN' }, w.principal);
    expect(page.total).toBe(6);
    expect(new Set(page.rows.map((r) => r.subjectCode))).toEqual(new Set(['098694', '609371']));
    expect(page.rows.every((r) => r.mode === 'certificate' && !r.paid && r.sentAt === null && r.certificateName === '物流管理职业技能等级证书')).toBe(true);
    const quota = await call<QuotaReport>(w.app, 'quota.get', {}, w.principal);
    expect(quota.rows.find((r) => r.certificateCode === 'CERT-WL')).toMatchObject({ approved: 5, used: 3, left: 2 });
    const summary = await call<EnrollmentSummary>(w.app, 'enrollments.summary', {}, w.principal);
    expect(summary).toMatchObject({ enrollments: 6, candidates: 3, paid: 0, byPlan: [{ code: 'OPEN', candidates: 3, enrollments: 6 }] });
    expect(summary.byCertificate).toEqual([{ code: 'CERT-WL', name: '物流管理职业技能等级证书', level: '初级', candidates: 3, enrollments: 6 }]);
    expect(summary.bySubject.map((s) => [s.code, s.enrollments])).toEqual([
      ['098694', 3],
      ['609371', 3],
    ]);
    // The plans the dialog offers: the quota left beside each certificate.
    const plans = await call<EnrollPlanRow[]>(w.app, 'enrollments.plans', {}, w.principal);
    expect(plans[0]).toMatchObject({ code: 'OPEN', open: true });
    expect(plans[0]!.certificates.map((c) => [c.code, c.level, c.quota])).toEqual([
      ['CERT-WL', '初级', { approved: 5, used: 3, left: 2 }],
      ['CERT-WL', '中级', null],
      ['CERT-PY', '初级', { approved: 10, used: 0, left: 10 }],
    ]);
    expect(plans.find((p) => p.code === 'OVER')).toMatchObject({ open: false, closedReason: expect.stringContaining('的报名已经结束') });
  });

  it('refuses over the quota with the numbers, and enrolls nobody of that request', async () => {
    const w = await world();
    const ids = idsOf(w.app.store, w.school);
    await call(
      w.app,
      'enrollments.enroll',
      { candidates: { ids: ids.slice(0, 3) }, planCode: 'OPEN', mode: 'certificate', certificateCode: 'CERT-WL', level: '初级' },
      w.principal,
    );
    const over = { candidates: { ids: ids.slice(3, 6) }, planCode: 'OPEN', mode: 'certificate', certificateCode: 'CERT-WL', level: '初级' };
    const preview = await call<EnrollPreview>(w.app, 'enrollments.preview', over, w.principal);
    expect(preview.problems).toEqual(['物流管理 初级：本年度指标 5，已用 3，本次 3 人，超出 1 人']);
    expect(preview.counts).toMatchObject({ accepted: 0, refused: 3, enrollments: 0 });
    const error = await callError(w.app, 'enrollments.enroll', over, w.principal);
    expect(error).toMatchObject({ code: 'STATE', message: '物流管理 初级：本年度指标 5，已用 3，本次 3 人，超出 1 人' });
    expect(enrollCount(w)).toBe(6);
    // A second subject of a certificate already counted uses no more of the quota.
    const python = { candidates: { ids: ids.slice(0, 8) }, planCode: 'OPEN', mode: 'subject', subjectCodes: ['512801'] };
    expect((await call<EnrollResult>(w.app, 'enrollments.enroll', python, w.principal)).written).toBe(8);
    expect((await call<EnrollResult>(w.app, 'enrollments.enroll', { ...python, subjectCodes: ['512802'] }, w.principal)).written).toBe(8);
    expect((await call<QuotaReport>(w.app, 'quota.get', {}, w.principal)).rows.find((r) => r.certificateCode === 'CERT-PY')).toMatchObject({ used: 8, left: 2 });
  });

  it('refuses outside the registration window, before it opens and after it closes, showing the window', async () => {
    const w = await world();
    const ids = idsOf(w.app.store, w.school.slice(0, 2));
    for (const [plan, words] of [
      ['LATER', '尚未开始报名（报名时间 2026-05-25 00:00 ~ 2026-06-04 23:59）'],
      ['OVER', '的报名已经结束（报名时间 2026-04-20 00:00 ~ 2026-05-09 23:59）'],
    ] as const) {
      const input = { candidates: { ids }, planCode: plan, mode: 'certificate', certificateCode: 'CERT-WL', level: '初级' };
      expect((await call<EnrollPreview>(w.app, 'enrollments.preview', input, w.principal)).problems[0]).toContain(words);
      const error = await callError(w.app, 'enrollments.enroll', input, w.principal);
      expect(error.code).toBe('OUT_OF_WINDOW');
      expect(error.message).toContain(words);
    }
    expect(enrollCount(w)).toBe(0);
  });

  it('refuses incomplete candidates, candidates already enrolled, and those the subject’s 参考对象 does not take, enrolling the rest', async () => {
    const w = await world();
    const school = idsOf(w.app.store, w.school.slice(0, 2));
    const [noPhoto] = idsOf(w.app.store, w.incomplete);
    const social = idsOf(w.app.store, w.social.slice(0, 1));
    await call(w.app, 'enrollments.enroll', { candidates: { ids: [school[0]!] }, planCode: 'OPEN', mode: 'subject', subjectCodes: ['512801'] }, w.principal);
    const input = { candidates: { ids: [...school, noPhoto!, ...social] }, planCode: 'OPEN', mode: 'subject', subjectCodes: ['512801', '512802'] };
    const preview = await call<EnrollPreview>(w.app, 'enrollments.preview', input, w.principal);
    expect(preview.counts).toEqual({ candidates: 4, accepted: 2, refused: 2, enrollments: 3 });
    expect(preview.refusals.map((r) => [r.name, r.code])).toEqual([
      [w.incomplete[0]!.name, 'INCOMPLETE'],
      [w.social[0]!.name, 'TARGET_MISMATCH'],
    ]);
    expect(preview.refusals[0]!.message).toBe(`考生“${w.incomplete[0]!.name}”的信息不完整（照片、未实名认证），补齐后才能报考`);
    expect(preview.refusals[1]!.message).toBe('科目“院校实操”（512802）的参考对象为院校考生，该考生是社会考生');
    // The first was enrolled in 512801 already: only 512802 is added for them, with a note.
    expect(preview.warnings.map((x) => x.code)).toEqual(['PARTLY_ENROLLED']);
    expect((await call<EnrollResult>(w.app, 'enrollments.enroll', input, w.principal)).written).toBe(3);
    // Everything already there: refused as such.
    const again = await call<EnrollPreview>(w.app, 'enrollments.preview', { ...input, candidates: { ids: school } }, w.principal);
    expect(again.refusals.map((r) => r.code)).toEqual(['ALREADY_ENROLLED', 'ALREADY_ENROLLED']);
    // 社会考生 take the subject meant for them; 院校考生 do not.
    const socialSubject = { candidates: { ids: [school[0]!, social[0]!] }, planCode: 'OPEN', mode: 'subject', subjectCodes: ['512803'] };
    expect((await call<EnrollPreview>(w.app, 'enrollments.preview', socialSubject, w.principal)).refusals.map((r) => [r.name, r.message])).toEqual([
      [w.school[0]!.name, '科目“社会实操”（512803）的参考对象为社会考生，该考生是院校考生'],
    ]);
    // By certificate, a certificate whose subjects are split by 参考对象 sends the person to 按科目.
    const byCert = await call<EnrollPreview>(
      w.app,
      'enrollments.preview',
      { candidates: { ids: [school[1]!] }, planCode: 'OPEN', mode: 'certificate', certificateCode: 'CERT-PY', level: '初级' },
      w.principal,
    );
    expect(byCert.refusals[0]!.message).toContain('这个证书的科目按考生类别区分，请按科目报考');
  });

  it('refuses unknown plans, certificates and subjects, a subject not in the plan, and a certificate not approved this year', async () => {
    const w = await world();
    const ids = idsOf(w.app.store, w.school.slice(0, 1));
    const problems = async (over: Record<string, unknown>) =>
      (await call<EnrollPreview>(w.app, 'enrollments.preview', { candidates: { ids }, planCode: 'OPEN', mode: 'subject', subjectCodes: ['512801'], ...over }, w.principal))
        .problems;
    expect(await problems({ planCode: 'NOPE' })).toContain('没有“NOPE”这个考试计划（请先导入平台的考试计划）');
    expect(await problems({ subjectCodes: ['999999'] })).toEqual(['没有“999999”这个考试科目']);
    expect(await problems({ planCode: 'LATER', subjectCodes: ['512801'] })).toContain('科目“理论知识”（512801）不在考试计划“物流管理下月考核”中');
    expect(await problems({ mode: 'certificate', certificateCode: 'CERT-XX', level: '初级' })).toEqual(['证书目录中没有“CERT-XX”']);
    expect(await problems({ mode: 'certificate', certificateCode: 'CERT-PY', level: '中级' })).toEqual([
      '考试计划“物流与Python本月考核”不考核“Python程序开发职业技能等级证书”中级',
    ]);
    expect(await problems({ mode: 'certificate', certificateCode: 'CERT-WL', level: '中级' })).toEqual([
      '本院校 2026 年度没有审核通过的“物流管理职业技能等级证书”中级证书试点申报，不能报考（报考指标来自审核通过的申报）',
    ]);
    expect((await callError(w.app, 'enrollments.enroll', { candidates: { ids }, planCode: 'OPEN', mode: 'certificate' }, w.principal)).message).toContain('请选择证书和等级');
    expect((await callError(w.app, 'enrollments.enroll', { candidates: { ids: [987654] }, planCode: 'OPEN', mode: 'subject', subjectCodes: ['512801'] }, w.principal)).code).toBe(
      'NOT_FOUND',
    );
    expect(enrollCount(w)).toBe(0);
  });

  it('takes every candidate of a filtered view, and the year board shows what is enrolled', async () => {
    const w = await world({ quota: { wl: 50, py: 50 } });
    const board0 = await call<YearBoard>(w.app, 'yearboard.get', {}, w.principal);
    expect(board0.steps.find((s) => s.key === 'enrollment')).toMatchObject({ state: 'active', summary: '尚未报考', link: '/enrollments' });
    const done = await call<EnrollResult>(
      w.app,
      'enrollments.enroll',
      { candidates: { filter: { kind: 'school', complete: true } }, planCode: 'OPEN', mode: 'certificate', certificateCode: 'CERT-WL', level: '初级' },
      w.principal,
    );
    expect(done).toMatchObject({ counts: { candidates: 8, accepted: 8 }, written: 16 });
    const step = (await call<YearBoard>(w.app, 'yearboard.get', {}, w.principal)).steps.find((s) => s.key === 'enrollment');
    expect(step).toMatchObject({ state: 'active', summary: '已报考 8 人，共 16 个科目' });
    expect(step!.hint).toBe('“物流与Python本月考核”报名中，截止 2026-05-20；本年度指标剩余 92 人');
  });
});
