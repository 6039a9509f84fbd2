import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PackagePreview } from '../../src-shared/api/packages';
import type { SiteDetail, SiteList } from '../../src-shared/api/sites';
import { nextSiteStatus, SITE_STATUSES, siteRefusal, type SiteEvent } from '../../src-shared/domain/exam-site';
import { zipEntries } from '../fixtures/package-fixtures';
import { docBytes, docxFile, fileOf, INSTITUTION_CODE, pdfBytes, plainZipFile, reviewRoundTrip, siteApp, siteInput, TODAY, upload } from '../fixtures/site-fixtures';
import { SHORT_DESCRIPTION_REASON } from '../tools/platform/answer-sites';
import { issuePackage } from '../tools/platform/issue-package';
import { call, callError, callJob, callJobError } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };

// Each test runs the platform round trip (export, answer, import jobs in worker threads): slow on a loaded 2-core machine.
describe('申报考核站点', { timeout: 180_000 }, () => {
  it('checks the form with the shared rules: required fields, the candidates’ mobile rule, the email, the organisation’s own certificates', async () => {
    const { app, principal } = await siteApp();
    const bad = async (over: Record<string, unknown>) => (await callError(app, 'sites.create', siteInput(over), principal)).message;
    expect(await bad({ contactPhone: '0535-1234567' })).toContain('不是 11 位中国大陆手机号');
    expect(await bad({ contactPhone: '' })).toContain('请填写联系人手机');
    expect(await bad({ contactEmail: 'jwc@' })).toContain('联系人邮箱格式不正确');
    expect(await bad({ description: '  ' })).toContain('请填写考点简介');
    expect(await bad({ certificates: [] })).toContain('请至少添加一个申报的证书');
    expect(await bad({ region: { province: '山东省', city: '烟台市', district: '朝阳区' } })).toContain('山东省烟台市没有名为“朝阳区”的区县');
    // Only the chosen organisation's certificates, at levels they have.
    expect(await bad({ certificates: [{ certificateCode: 'ZS2020062', level: '初级' }] })).toBe('“Python程序开发职业技能等级证书”不属于北京中物联物流采购培训中心，不能向它申报。');
    expect(await bad({ orgCode: 'PJ002', certificates: [{ certificateCode: 'ZS2019005', level: '高级' }] })).toBe('证书“汽车运用与维修职业技能等级证书”没有“高级”等级。');
    expect(await bad({ orgCode: 'PJ999' })).toBe('证书目录中没有编码为 PJ999 的培训评价组织。');

    const site = await call<SiteDetail>(app, 'sites.create', siteInput(), principal);
    expect(site).toMatchObject({
      status: 'draft',
      statusLabel: '待提交',
      contactPhone: '13805351234',
      orgName: '北京中物联物流采购培训中心',
      canEdit: true,
      canSubmit: true,
      canDelete: true,
    });
    expect(site.certificates.map((c) => `${c.certificateName} ${c.level}`)).toEqual(['物流管理职业技能等级证书 初级', '物流管理职业技能等级证书 中级']);
  });

  it('takes pdf, doc and docx by content, refuses a renamed text file, a plain zip and a file over 20 MB, and gives the documents back', async () => {
    const { app, principal } = await siteApp();
    const pdf = fileOf('场地照片.pdf', pdfBytes(2000));
    const docx = await docxFile('设备清单.docx');
    const doc = fileOf('考务人员名单.doc', docBytes());
    const site = await call<SiteDetail>(
      app,
      'sites.create',
      siteInput({ addFiles: [upload(app, pdf, '场地照片.pdf'), upload(app, docx, '设备清单.docx'), upload(app, doc, '考务人员名单.doc')] }),
      principal,
    );
    expect(site.files.map((f) => [f.name, f.format])).toEqual([
      ['场地照片.pdf', 'pdf'],
      ['设备清单.docx', 'docx'],
      ['考务人员名单.doc', 'doc'],
    ]);
    const back = await call<{ fileId: string; name: string }>(app, 'sites.file', { id: site.files[0]!.id }, principal);
    expect(back.name).toBe('场地照片.pdf');
    expect(readFileSync(app.files.resolve(back.fileId, ACTOR).path)).toEqual(readFileSync(pdf));

    const refusal = async (path: string, name: string) => (await callError(app, 'sites.checkFile', { fileId: upload(app, path, name) }, principal)).message;
    expect(await refusal(fileOf('假的.pdf', Buffer.from('这只是一段文字，被改名为 pdf。')), '假的.pdf')).toBe(
      '文件“假的.pdf”是文本文件，不是 PDF 或 Word 文档；请上传 pdf、doc 或 docx 格式的文档。',
    );
    expect(await refusal(await plainZipFile('材料.docx'), '材料.docx')).toBe(
      '文件“材料.docx”是压缩包（.docx 文件中应有 word/document.xml），不是 PDF 或 Word 文档；请上传 pdf、doc 或 docx 格式的文档。',
    );
    const big = fileOf('大文件.pdf', pdfBytes(21 * 1024 * 1024));
    const tooBig = await callError(app, 'sites.checkFile', { fileId: upload(app, big, '大文件.pdf') }, principal);
    expect(tooBig).toMatchObject({ code: 'TOO_LARGE', message: '文件“大文件.pdf”有 21 MB，超过 20 MB 的上限。' });
    // Saved with the form, the same checks refuse the whole save: nothing is half-written.
    const update = await callError(app, 'sites.update', { id: site.id, ...siteInput({ name: '改名', keepFiles: [], addFiles: [upload(app, big, '大文件.pdf')] }) }, principal);
    expect(update.code).toBe('TOO_LARGE');
    const unchanged = await call<SiteDetail>(app, 'sites.get', { id: site.id }, principal);
    expect([unchanged.name, unchanged.files.length]).toEqual(['烟台职业学院物流管理证书考核站点', 3]);
    // Kept files stay, the others go.
    const trimmed = await call<SiteDetail>(app, 'sites.update', { id: site.id, ...siteInput({ keepFiles: [site.files[1]!.id] }) }, principal);
    expect(trimmed.files.map((f) => f.name)).toEqual(['设备清单.docx']);
  });

  it('moves only as the state machine allows, in the core and in the database', async () => {
    const { app, principal, platform } = await siteApp();
    const events: SiteEvent[] = ['edit', 'delete', 'submit', 'approve', 'reject', 'borrow'];
    expect(Object.fromEntries(SITE_STATUSES.map((s) => [s, events.filter((e) => nextSiteStatus(s, e))]))).toEqual({
      draft: ['edit', 'delete', 'submit'],
      submitted: ['approve', 'reject', 'borrow'],
      approved: [],
      rejected: ['edit', 'submit'],
      borrowed: [],
    });
    const allowed = new Set(['draft>submitted', 'rejected>submitted', 'submitted>approved', 'submitted>rejected', 'submitted>borrowed']);
    const { db } = app.store;
    // Every pair of statuses, raw SQL against the triggers: exactly the allowed moves go through (rolled back after).
    db.exec('BEGIN');
    for (const from of SITE_STATUSES)
      for (const to of SITE_STATUSES) {
        if (from === to) continue;
        const id = Number(
          db
            .prepare(
              "INSERT INTO exam_sites (name, province, city, district, address, org_code, description, contact_name, contact_phone, contact_email, created_at, updated_at) VALUES ('x', '山东省', '烟台市', '莱山区', 'a', 'PJ001', 'd', 'n', '13805351234', 'a@b.cn', '', '')",
            )
            .run().lastInsertRowid,
        );
        // Reach `from` along allowed moves.
        const path: Record<string, string[]> = {
          draft: [],
          submitted: ['submitted'],
          approved: ['submitted', 'approved'],
          rejected: ['submitted', 'rejected'],
          borrowed: ['submitted', 'borrowed'],
        };
        for (const step of path[from]!) db.prepare('UPDATE exam_sites SET status = ? WHERE id = ?').run(step, id);
        const move = () => db.prepare('UPDATE exam_sites SET status = ? WHERE id = ?').run(to, id);
        if (allowed.has(`${from}>${to}`)) expect(move).not.toThrow();
        else expect(move, `${from} → ${to}`).toThrow(/exam site (status cannot move this way|is decided)/);
      }
    db.exec('ROLLBACK');

    // The core says why, in words.
    const site = await call<SiteDetail>(app, 'sites.create', siteInput(), principal);
    expect((await callError(app, 'sites.submit', { id: site.id }, principal)).message).toContain('提交后不能修改，请先确认');
    const submitted = await call<SiteDetail>(app, 'sites.submit', { id: site.id, confirm: true }, principal);
    expect(submitted).toMatchObject({ status: 'submitted', statusLabel: '待审核', canEdit: false, canSubmit: false, canDelete: false });
    expect(await callError(app, 'sites.update', { id: site.id, ...siteInput({ name: '新名称' }) }, principal)).toMatchObject({
      code: 'STATE',
      message: '考核站点已提交申报，提交后不能修改（审核不通过后可以修改再提交）。',
    });
    expect((await callError(app, 'sites.delete', { id: site.id }, principal)).message).toBe('只有待提交的考核站点可以删除；这个站点待审核。');
    expect((await callError(app, 'sites.submit', { id: site.id, confirm: true }, principal)).message).toBe('考核站点“待审核”，不能再提交申报。');
    // Raw SQL cannot change what was submitted, its certificates or its files either.
    expect(() => db.prepare("UPDATE exam_sites SET description = 'x' WHERE id = ?").run(site.id)).toThrow('exam site is submitted and read-only');
    expect(() => db.prepare('DELETE FROM exam_site_certificates WHERE site_id = ?').run(site.id)).toThrow('exam site is submitted and read-only');
    expect(() =>
      db.prepare("INSERT INTO exam_site_files (site_id, name, format, size, sha256, data, created_at) VALUES (?, 'a.pdf', 'pdf', 1, 'x', x'25', '')").run(site.id),
    ).toThrow('exam site is submitted and read-only');
    expect(() => db.prepare('DELETE FROM exam_sites WHERE id = ?').run(site.id)).toThrow('only a draft exam site can be deleted');

    // A draft is deleted; nothing else is.
    const draft = await call<SiteDetail>(app, 'sites.create', siteInput({ name: '草稿站点' }), principal);
    await call(app, 'sites.delete', { id: draft.id }, principal);
    expect((await callError(app, 'sites.get', { id: draft.id }, principal)).code).toBe('NOT_FOUND');

    // Approved is final, for the core and for the database.
    await reviewRoundTrip(app, principal, platform);
    const approved = await call<SiteDetail>(app, 'sites.get', { id: site.id }, principal);
    expect(approved).toMatchObject({ status: 'approved', canEdit: false, canSubmit: false, canDelete: false });
    expect(siteRefusal('approved', 'edit')).toBe('考核站点“审核通过”，不能再修改');
    expect(() => db.prepare("UPDATE exam_sites SET status = 'rejected' WHERE id = ?").run(site.id)).toThrow(/exam site (status cannot move this way|is decided)/);
    expect(() => db.prepare("UPDATE exam_sites SET name = 'x' WHERE id = ?").run(site.id)).toThrow('exam site is submitted and read-only');
  });

  it('sends the submitted sites with their documents, and takes the reviews back: approved, rejected with a reason, borrowed', async () => {
    const { app, principal, platform } = await siteApp();
    const pdf = fileOf('场地说明.pdf', pdfBytes(500));
    const good = await call<SiteDetail>(app, 'sites.create', siteInput({ addFiles: [upload(app, pdf, '场地说明.pdf')] }), principal);
    const thin = await call<SiteDetail>(app, 'sites.create', siteInput({ name: '简介太短的站点', description: '有机房。' }), principal);
    const car = await call<SiteDetail>(
      app,
      'sites.create',
      siteInput({ name: '汽车站点', orgCode: 'PJ002', certificates: [{ certificateCode: 'ZS2019005', level: '初级' }] }),
      principal,
    );
    const draft = await call<SiteDetail>(app, 'sites.create', siteInput({ name: '未提交的站点' }), principal);
    for (const s of [good, thin, car]) await call(app, 'sites.submit', { id: s.id, confirm: true }, principal);

    const { exported, reply } = await reviewRoundTrip(app, principal, platform);
    expect(exported.counts).toEqual({ 'site-declaration': 3 });
    // The documents travel as files of the package, named in the payload and checked by the manifest.
    const entries = await zipEntries(exported.path);
    const payload = JSON.parse(entries.find((e) => e.name === 'payload/site-declaration.json')!.data.toString('utf8')) as {
      sites: { id: number; files: { name: string; path: string; sha256: string }[] }[];
    };
    expect(payload.sites.map((s) => s.id)).toEqual([good.id, thin.id, car.id]);
    const sent = payload.sites[0]!.files[0]!;
    expect(sent).toMatchObject({ name: '场地说明.pdf', path: `site-files/${good.id}/${good.files[0]!.id}.pdf` });
    expect(entries.find((e) => e.name === sent.path)!.data).toEqual(readFileSync(pdf));

    const byId = new Map((await call<SiteList>(app, 'sites.list', {}, principal)).rows.map((r) => [r.id, r]));
    expect(byId.get(good.id)).toMatchObject({ status: 'approved', statusLabel: '审核通过', reason: null });
    expect(byId.get(thin.id)).toMatchObject({ status: 'rejected', reason: SHORT_DESCRIPTION_REASON, canEdit: true, canSubmit: true });
    expect(byId.get(car.id)).toMatchObject({
      status: 'borrowed',
      statusLabel: '安排借考',
      borrowed: { site: '北京市交通运输职业学校汽车运用与维修证书考核站点', institution: '北京市交通运输职业学校' },
      borrowedText: '该证书的考生将到“北京市交通运输职业学校汽车运用与维修证书考核站点”借考（北京市交通运输职业学校，北京市丰台区花乡四合庄路 1 号汽车实训中心）',
    });
    expect(byId.get(draft.id)!.status).toBe('draft');
    expect((await call<SiteList>(app, 'sites.list', {}, principal)).counts).toEqual({ all: 4, draft: 1, submitted: 0, approved: 1, rejected: 1, borrowed: 1 });

    // The same reply again changes nothing.
    const again = await callJob<PackagePreview>(app, 'packages.inspect', { fileId: upload(app, reply, 'reply.zip') }, principal);
    expect(again.counts['site-reviews']).toEqual({ new: 0, changed: 0, unchanged: 3 });

    // The rejected one is fixed and submitted again; the next answer approves it.
    await call(app, 'sites.update', { id: thin.id, ...siteInput({ name: '简介太短的站点' }) }, principal);
    const resubmitted = await call<SiteDetail>(app, 'sites.submit', { id: thin.id, confirm: true }, principal);
    expect(resubmitted).toMatchObject({ status: 'submitted', reason: null, sentAt: null });
    const second = await reviewRoundTrip(app, principal, platform);
    expect(second.exported.counts).toEqual({ 'site-declaration': 1 });
    expect((await call<SiteDetail>(app, 'sites.get', { id: thin.id }, principal)).status).toBe('approved');
    // Nothing left to send.
    expect((await callJobError(app, 'packages.export', { kinds: ['site-declaration'] }, principal)).message).toBe('没有已提交、等待审核的考核站点：请先在“申报考点”中提交申报。');
  });

  it('refuses a review for a site never sent, naming it, and writes nothing', async () => {
    const { app, principal, platform } = await siteApp();
    const site = await call<SiteDetail>(app, 'sites.create', siteInput(), principal);
    await call(app, 'sites.submit', { id: site.id, confirm: true }, principal);
    const forge = async (siteId: number) => {
      const path = join(tempDir(), 'forged.zip');
      await issuePackage(
        platform,
        { 'site-reviews': { reviews: [{ siteId, decision: 'approved', reason: null, borrowed: null, decidedAt: TODAY.toISOString() }] } },
        { institutionCode: INSTITUTION_CODE, out: path, now: TODAY },
      );
      return (await callJobError(app, 'packages.inspect', { fileId: upload(app, path, 'forged.zip') }, principal)).message;
    };
    expect(await forge(site.id)).toBe(
      `payload/site-reviews.json 的内容不符合格式：reviews[0].siteId：考核站点 ${site.id}（烟台职业学院物流管理证书考核站点）还没有报送给平台，不能接受审核结果`,
    );
    expect(await forge(9999)).toBe('payload/site-reviews.json 的内容不符合格式：reviews[0].siteId：考核站点 9999 不是本院校申报的考核站点');
    expect((await call<SiteDetail>(app, 'sites.get', { id: site.id }, principal)).status).toBe('submitted');
  });
});
