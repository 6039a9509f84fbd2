import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeclarationDetail, DeclarationList, QuotaReport } from '../../src-shared/api/declarations';
import type { ExportResult, PackagePreview } from '../../src-shared/api/packages';
import { completeProfile, importPackageFile } from '../fixtures/declaration-fixtures';
import { smallCatalog } from '../fixtures/package-fixtures';
import { answerPackage, readOutbound } from '../tools/platform/answer-package';
import { issuePackage } from '../tools/platform/issue-package';
import { call, callError, callJob, callJobError, LOGIN } from '../helpers/app';
import { openTemplate, storeTemplate } from '../helpers/store-template';
import { tempDir } from '../helpers/temp-dir';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };
// smallCatalog's plan D2020-1: 2020-04-01 00:00 ~ 2020-04-04 23:59 (Beijing), by major, city approval.
const INSIDE = new Date('2020-04-02T02:00:00Z');

/** A clock the test moves, and an app whose catalog and profile are in place. */
async function declaringApp(options: { profile?: boolean } = {}) {
  const profile = options.profile !== false;
  // The same catalog import (two jobs) for every test: built once per run, each test gets a copy.
  const template = await storeTemplate(`declarations ${profile ? 'with' : 'without'} profile`, INSIDE, async ({ app, principal, platform, workDir }) => {
    await call(app, 'settings.update', { platformPublicKeys: [platform.keys.publicPem] }, principal);
    const catalog = join(workDir, 'catalog.zip');
    const kinds = smallCatalog();
    kinds.catalog.certificates.push({ code: 'CERT-PY', name: 'Python程序开发职业技能等级证书', shortName: 'Python', orgCode: 'ORG-WL', levels: ['初级', '中级', '高级'] });
    await issuePackage(platform, kinds, { institutionCode: '4137014320', out: catalog, now: new Date('2020-03-01T00:00:00Z') });
    await importPackageFile(app, principal, catalog);
    if (profile) await completeProfile(app, principal);
  });
  let now = INSIDE;
  const { app, principal: first, platform } = await openTemplate(template, { now: () => now });
  let principal = first;
  /** Moves the clock; days pass, so the idle session is locked: log in again. */
  const setNow = async (d: Date) => {
    now = d;
    principal = (await call<{ sessionToken: string }>(app, 'auth.login', LOGIN)).sessionToken;
    return principal;
  };
  return { app, principal, platform, setNow };
}

const declaration = (over: Record<string, unknown> = {}) => ({
  planCode: 'D2020-1',
  certificateCode: 'CERT-WL',
  level: '初级',
  majors: ['530802'],
  proposedCount: 120,
  teachers: [{ name: '王老师', title: '副教授', certificates: '物流管理（中级）考评员' }],
  facilities: [{ name: '物流实训中心', seats: 60, equipment: '仓储沙盘 20 套' }],
  notes: '',
  ...over,
});

describe('证书试点申报', () => {
  it('asks for a complete profile first, saying what is missing', async () => {
    const { app, principal } = await declaringApp({ profile: false });
    const error = await callError(app, 'declarations.create', declaration(), principal);
    expect(error.code).toBe('STATE');
    expect(error.message).toBe('请先完善院校基础信息：还缺院校类型、详细地址、联系人、联系电话、联系邮箱、开设专业（至少一个）。');
    const profile = await call<{ problems: string[] }>(app, 'institution.profile', {}, principal);
    expect(profile.problems).toContain('院校类型');
    await completeProfile(app, principal);
    expect((await call<{ problems: string[] }>(app, 'institution.profile', {}, principal)).problems).toEqual([]);
  });

  it('takes declarations only inside the plan window: before, at its first and last minute, after (Beijing time)', async () => {
    const { app, setNow } = await declaringApp();
    let principal = await setNow(new Date('2020-03-31T15:59:00Z')); // 2020-03-31 23:59 in Beijing
    const before = await callError(app, 'declarations.create', declaration(), principal);
    expect(before).toMatchObject({ code: 'OUT_OF_WINDOW', message: '“2020年第一次”尚未开始申报（申报时间 2020-04-01 00:00 ~ 2020-04-04 23:59），现在不能申报或提交。' });
    expect((await call<{ open: boolean; closedReason: string | null }[]>(app, 'declarations.plans', {}, principal))[0]).toMatchObject({ open: false });
    principal = await setNow(new Date('2020-03-31T16:00:00Z')); // 04-01 00:00
    expect((await call<DeclarationDetail>(app, 'declarations.create', declaration(), principal)).status).toBe('draft');
    principal = await setNow(new Date('2020-04-04T15:59:00Z')); // 04-04 23:59
    expect((await call<DeclarationDetail>(app, 'declarations.create', declaration({ level: '中级' }), principal)).status).toBe('draft');
    principal = await setNow(new Date('2020-04-04T16:00:00Z')); // 04-05 00:00
    const after = await callError(app, 'declarations.create', declaration({ certificateCode: 'CERT-PY' }), principal);
    expect(after.message).toContain('的申报已经结束（申报时间 2020-04-01 00:00 ~ 2020-04-04 23:59）');
    // A draft cannot be submitted once the window has closed either.
    const drafts = await call<DeclarationList>(app, 'declarations.list', { tab: 'draft' }, principal);
    expect(drafts.rows.every((r) => !r.canSubmit)).toBe(true);
    expect((await callError(app, 'declarations.submit', { id: drafts.rows[0]!.id, confirm: true }, principal)).code).toBe('OUT_OF_WINDOW');
  });

  it('refuses a by-major declaration without majors, an unknown major or certificate level, and the same certificate and level twice in a batch', async () => {
    const { app, principal } = await declaringApp();
    expect((await callError(app, 'declarations.create', declaration({ majors: [] }), principal)).message).toBe('“2020年第一次”要求按专业填报：请选择拟申报的专业。');
    expect((await callError(app, 'declarations.create', declaration({ majors: ['999999'] }), principal)).message).toContain('专业 999999 不是本院校的开设专业');
    expect((await callError(app, 'declarations.create', declaration({ level: '高级' }), principal)).message).toBe('证书“物流管理职业技能等级证书”没有“高级”等级。');
    expect((await callError(app, 'declarations.create', declaration({ facilities: [{ name: '机房', seats: 0, equipment: '' }] }), principal)).message).toContain('座位数至少为 1');
    await call(app, 'declarations.create', declaration(), principal);
    const twice = await callError(app, 'declarations.create', declaration({ proposedCount: 5 }), principal);
    expect(twice).toMatchObject({ code: 'CONFLICT', message: '本批次已经申报过“物流管理职业技能等级证书”初级，同一批次同一证书等级只能申报一次。' });
  });

  it('locks a submitted declaration in the core and in the database; only drafts are deleted', async () => {
    const { app, principal } = await declaringApp();
    const d = await call<DeclarationDetail>(app, 'declarations.create', declaration(), principal);
    const edited = await call<DeclarationDetail>(app, 'declarations.update', { id: d.id, ...declaration({ proposedCount: 100 }) }, principal);
    expect(edited.proposedCount).toBe(100);
    expect((await callError(app, 'declarations.submit', { id: d.id }, principal)).message).toContain('提交后不能修改，请先确认');
    const submitted = await call<DeclarationDetail>(app, 'declarations.submit', { id: d.id, confirm: true }, principal);
    expect(submitted).toMatchObject({ status: 'submitted', statusLabel: '待审核', canEdit: false, canDelete: false, canSubmit: false });
    expect((await callError(app, 'declarations.update', { id: d.id, ...declaration({ proposedCount: 999 }) }, principal)).code).toBe('STATE');
    expect((await callError(app, 'declarations.delete', { id: d.id }, principal)).code).toBe('STATE');
    expect(() => app.store.db.prepare('UPDATE declarations SET proposed_count = 999 WHERE id = ?').run(d.id)).toThrow('declaration is submitted and read-only');
    expect(() => app.store.db.prepare("UPDATE declarations SET status = 'draft' WHERE id = ?").run(d.id)).toThrow('declaration status cannot move this way');
    expect(() => app.store.db.prepare('DELETE FROM declarations WHERE id = ?').run(d.id)).toThrow('only a draft declaration can be deleted');
    const draft = await call<DeclarationDetail>(app, 'declarations.create', declaration({ level: '中级' }), principal);
    await call(app, 'declarations.delete', { id: draft.id }, principal);
    const list = await call<DeclarationList>(app, 'declarations.list', { tab: 'all' }, principal);
    expect(list.counts).toEqual({ all: 1, draft: 0, pending: 1, approved: 0, rejected: 0 });
  });

  it('sends the submitted declarations, takes the review back (approved, cut, rejected), and makes the approved counts the year’s quota', async () => {
    const { app, platform, setNow, principal: first } = await declaringApp();
    let principal = first;
    const ids: number[] = [];
    for (const d of [declaration(), declaration({ level: '中级', proposedCount: 50 }), declaration({ certificateCode: 'CERT-PY', majors: ['510201'], proposedCount: 40 })]) {
      const created = await call<DeclarationDetail>(app, 'declarations.create', d, principal);
      await call(app, 'declarations.submit', { id: created.id, confirm: true }, principal);
      ids.push(created.id);
    }
    expect((await call<QuotaReport>(app, 'quota.get', {}, principal)).pilot).toBe(false);

    const exported = await callJob<ExportResult>(app, 'packages.export', { kinds: ['declarations'] }, principal);
    expect(exported.counts).toEqual({ declarations: 3 });
    const reply = join(tempDir(), 'reply.zip');
    const answered = await answerPackage(platform, await readOutbound(exported.path, 'out.zip'), reply);
    expect(answered.answer.answered).toEqual(['declarations']);
    const preview = await callJob<PackagePreview>(app, 'packages.inspect', { fileId: app.files.register(reply, 'reply.zip', ACTOR).fileId }, principal);
    expect(preview.counts['declaration-reviews']).toEqual({ new: 0, changed: 3, unchanged: 0 });
    expect((await importPackageFile(app, principal, reply)).applied).toBe(true);

    const rows = (await call<DeclarationList>(app, 'declarations.list', { tab: 'all' }, principal)).rows.sort((a, b) => a.id - b.id);
    expect(rows.map((r) => [r.status, r.approvedCount])).toEqual([
      ['approved', 120],
      ['approved', 40],
      ['rejected', null],
    ]);
    // The plan asks the city first: the rejection came at that stage, with the reason.
    expect(rows[2]).toMatchObject({ rejectedStage: 'city', statusLabel: '审核不通过（地市）', canEdit: true, reason: expect.stringContaining('师资条件不足') });

    const quota = await call<QuotaReport>(app, 'quota.get', {}, principal);
    expect(quota).toMatchObject({ year: 2020, pilot: true, past: [] });
    expect(quota.rows.map((r) => [r.certificateCode, r.level, r.approved, r.used, r.left])).toEqual([
      ['CERT-WL', '初级', 120, 0, 120],
      ['CERT-WL', '中级', 40, 0, 40],
    ]);
    // 指标不能跨年使用: in 2021 the 2020 quota is void and the institution is no pilot until it declares again.
    principal = await setNow(new Date('2021-02-01T00:00:00Z'));
    const next = await call<QuotaReport>(app, 'quota.get', {}, principal);
    expect(next).toMatchObject({ year: 2021, pilot: false, rows: [] });
    expect(next.past.map((p) => [p.year, p.rows.length])).toEqual([[2020, 2]]);

    // A rejected declaration may be edited and submitted again (while the window is open).
    principal = await setNow(INSIDE);
    const fixed = await call<DeclarationDetail>(
      app,
      'declarations.update',
      { id: ids[2]!, ...declaration({ certificateCode: 'CERT-PY', majors: ['510201'], proposedCount: 30 }) },
      principal,
    );
    expect(fixed.status).toBe('rejected');
    expect((await call<DeclarationDetail>(app, 'declarations.submit', { id: ids[2]!, confirm: true }, principal)).status).toBe('submitted');
    // An approval is final, even for a raw statement.
    expect(() => app.store.db.prepare('UPDATE declarations SET approved_count = 999 WHERE id = ?').run(ids[0])).toThrow('declaration is approved and final');
  });

  it('refuses a review for a declaration the site never sent, naming it, and writes nothing', async () => {
    const { app, principal, platform } = await declaringApp();
    const d = await call<DeclarationDetail>(app, 'declarations.create', declaration(), principal);
    await call(app, 'declarations.submit', { id: d.id, confirm: true }, principal);
    const forged = join(tempDir(), 'forged.zip');
    await issuePackage(
      platform,
      { 'declaration-reviews': { reviews: [{ declarationId: d.id, stage: 'city', decision: 'approved', approvedCount: null, reason: null, decidedAt: '2020-04-03T00:00:00Z' }] } },
      { institutionCode: '4137014320', out: forged, now: new Date('2020-04-03T00:00:00Z') },
    );
    const error = await callJobError(app, 'packages.inspect', { fileId: app.files.register(forged, 'forged.zip', ACTOR).fileId }, principal);
    expect(error.message).toBe(`payload/declaration-reviews.json 的内容不符合格式：reviews[0].declarationId：申报 ${d.id} 不是本院校报送过的证书试点申报`);
    expect((await call<DeclarationDetail>(app, 'declarations.get', { id: d.id }, principal)).status).toBe('submitted');
  });
});

describe('the database holds the same state machine', () => {
  it('refuses every status change the core would refuse, whatever statement tries it', async () => {
    const { app } = await declaringApp();
    const db = app.store.db;
    const allowed = new Set([
      'draft>submitted',
      'rejected>submitted',
      'submitted>city_approved',
      'submitted>approved',
      'submitted>rejected',
      'city_approved>approved',
      'city_approved>rejected',
    ]);
    const statuses = ['draft', 'submitted', 'city_approved', 'approved', 'rejected'];
    for (const from of statuses)
      for (const to of statuses) {
        if (from === to) continue;
        const { lastInsertRowid: id } = db
          .prepare(
            "INSERT INTO declarations (plan_code, year, certificate_code, level, proposed_count, created_at, updated_at) VALUES ('D2020-1', 2020, ?, '初级', 1, 'now', 'now')",
          )
          .run(`C-${from}-${to}`);
        // Bring the row to `from` the way the core does, step by step.
        const path: Record<string, string[]> = {
          draft: [],
          submitted: ['submitted'],
          city_approved: ['submitted', 'city_approved'],
          approved: ['submitted', 'approved'],
          rejected: ['submitted', 'rejected'],
        };
        for (const step of path[from]!) db.prepare('UPDATE declarations SET status = ? WHERE id = ?').run(step, id);
        const move = () => db.prepare('UPDATE declarations SET status = ? WHERE id = ?').run(to, id);
        if (allowed.has(`${from}>${to}`)) expect(move).not.toThrow();
        else expect(move, `${from} → ${to}`).toThrow(/declaration (status cannot move this way|is approved and final)/);
      }
  });
});
