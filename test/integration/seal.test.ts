import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobInfo } from '../../src-shared/api/jobs';
import type { SealStatus } from '../../src-shared/api/seal';
import { SEAL_AUTHORISATION } from '../../src-shared/domain/seal-authorisation';
import { storePath } from '../../src-main/core/paths';
import { sealedPdfDir } from '../../src-main/core/seal/sealed-files';
import { addUser, call, callError, callJob, setUpApp } from '../helpers/app';
import { pdfImageCount, pdfInfo, pdfText } from '../helpers/pdf';
import { sealFile, uploadSeal } from '../fixtures/issuance-fixtures';
import { borderTouchingSeal, emptySeal, goodSeal, jpegSeal, noAlphaSeal, notSquareSeal, opaqueBackgroundSeal, oversizeSeal } from '../fixtures/seal-images';

const COORDINATOR = { name: 'coordinator', id: 2, role: 'coordinator' as const };
const upload = (fileId: string, over: Record<string, unknown> = {}) => ({ fileId, authorisationVersion: SEAL_AUTHORISATION.version, accepted: true, ...over });

describe('签名章', { timeout: 120_000 }, () => {
  it('refuses each image that breaks a rule with that rule’s own message, and saves nothing', async () => {
    const { app, principal } = await setUpApp();
    const cases: [string, Buffer, string][] = [
      ['opaque background', await opaqueBackgroundSeal(), '图片有底色：四周边缘不透明。'],
      ['seal touching the border', await borderTouchingSeal(), '签名章贴到了图片边缘：最外一圈像素须是透明的'],
      ['not square', await notSquareSeal(), '图片不是正方形（120×95 像素）'],
      ['over 1 MB', await oversizeSeal(), '超过 1 MB 的上限'],
      ['a JPEG named .png', await jpegSeal(), '不是 PNG 图片：文件内容是JPG 图片。'],
      ['no alpha channel', await noAlphaSeal(), '图片没有透明通道'],
      ['nothing visible', await emptySeal(), '图片是全透明的'],
    ];
    for (const [what, png, message] of cases) {
      const e = await callError(app, 'seal.upload', upload(sealFile(app, png)), principal);
      expect(e.code, what).toBe('BAD_FILE');
      expect(e.message, what).toContain(message);
      expect((e.details?.problems as { message: string }[]).length, what).toBe(1);
    }
    // Two faults at once are both named.
    const both = await callError(app, 'seal.upload', upload(sealFile(app, await notSquareSealOpaque())), principal);
    expect((both.details?.problems as { code: string }[]).map((p) => p.code)).toEqual(['NOT_SQUARE', 'BORDER_OPAQUE']);
    expect((await call<SealStatus>(app, 'seal.status', {}, principal)).seal).toBeNull();
    expect(app.store.db.prepare('SELECT count(*) FROM seal_authorisations').pluck().get()).toBe(0);
  });

  it('saves a good seal with the acceptance of the 授权委托书 (who, when, which text), warning when it is not 95×95', async () => {
    const { app, principal } = await setUpApp();
    const status = await uploadSeal(app, principal, await goodSeal());
    expect(status.seal).toMatchObject({ width: 95, height: 95, uploadedBy: '赵校长', warnings: [], authorisation: { version: SEAL_AUTHORISATION.version, acceptedBy: '赵校长' } });
    const row = app.store.db.prepare('SELECT text_version, length(text_sha256) AS h, accepted_by, accepted_by_name, accepted_at FROM seal_authorisations').get();
    expect(row).toEqual({ text_version: SEAL_AUTHORISATION.version, h: 64, accepted_by: 1, accepted_by_name: '赵校长', accepted_at: expect.any(String) });
    const image = await call<{ dataUrl: string }>(app, 'seal.image', {}, principal);
    expect(Buffer.from(image.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64').equals(await goodSeal())).toBe(true);

    const big = await uploadSeal(app, principal, await goodSeal(200));
    expect(big.seal?.warnings).toEqual(['签名章图片为 200×200 像素，建议 95×95 像素：可以使用，但加盖效果可能不理想，请预览后确认。']);
  });

  it('refuses an upload without the 授权委托书 ticked, or against an older wording', async () => {
    const { app, principal } = await setUpApp();
    const fileId = sealFile(app, await goodSeal());
    expect((await callError(app, 'seal.upload', upload(fileId, { accepted: false }), principal)).message).toContain('请先阅读并勾选同意《电子签名章使用授权委托书》');
    expect((await callError(app, 'seal.upload', upload(fileId, { authorisationVersion: '2020-01' }), principal)).message).toContain('已更新，请刷新页面');
    expect((await call<SealStatus>(app, 'seal.status', {}, principal)).seal).toBeNull();
  });

  it('replacing the seal leaves the old one nowhere: not through the API, not in the data file, not in an old preview', async () => {
    const { app, principal } = await setUpApp();
    const old = await goodSeal(120);
    await uploadSeal(app, principal, old);
    const preview = await callJob<{ fileName: string }>(app, 'seal.preview', {}, principal);
    expect(preview.fileName).toBe('证书样张-签名章预览.pdf');
    const previewJob = (await call<JobInfo[]>(app, 'jobs.list', {}, principal)).find((j) => j.kind === 'seal-preview-pdf')!;
    const previewPath = app.jobs.fileOf(previewJob.id, 'pdf');
    expect(existsSync(previewPath)).toBe(true);

    await uploadSeal(app, principal, await goodSeal());
    const image = await call<{ dataUrl: string; width: number }>(app, 'seal.image', {}, principal);
    expect(image.width).toBe(95);
    expect(existsSync(previewPath)).toBe(false);
    // The old PNG's compressed pixels, a run of bytes no other image shares.
    const tail = old.subarray(old.length - 80, old.length - 16);
    const files = [storePath(app.dataDir), `${storePath(app.dataDir)}-wal`].filter(existsSync);
    for (const f of files) expect(readFileSync(f).includes(tail), f).toBe(false);
    // The acceptances stay, as a log: two seals, two acceptances.
    expect(app.store.db.prepare('SELECT count(*) FROM seal_authorisations').pluck().get()).toBe(2);
    const audit = app.store.db.prepare("SELECT before_json, after_json FROM audit_log WHERE operation = 'seal.upload' ORDER BY id DESC LIMIT 1").get() as {
      before_json: string;
      after_json: string;
    };
    expect(JSON.parse(audit.before_json)).toMatchObject({ width: 120, height: 120 });
    expect(audit.after_json).not.toContain('base64');
  });

  it('previews the seal on a certificate mock-up: an A4 landscape PDF with the seal image, marked 样张', async () => {
    const { app, principal } = await setUpApp();
    expect((await callError(app, 'seal.preview', {}, principal)).message).toContain('尚未上传签名章');
    await uploadSeal(app, principal, await goodSeal());
    // A stamped PDF of two days ago goes when the next is written.
    const stale = join(sealedPdfDir(app.dataDir), '1-证书样张-签名章预览.pdf');
    mkdirSync(sealedPdfDir(app.dataDir), { recursive: true });
    writeFileSync(stale, 'old');
    utimesSync(stale, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 2 * 86_400_000));
    await callJob(app, 'seal.preview', {}, principal);
    expect(existsSync(stale)).toBe(false);
    const job = (await call<JobInfo[]>(app, 'jobs.list', {}, principal)).find((j) => j.kind === 'seal-preview-pdf')!;
    const pdf = app.jobs.fileOf(job.id, 'pdf');
    expect(pdfInfo(pdf)).toMatchObject({ pages: 1, pageSize: expect.stringContaining('841.89 x 595.28') });
    expect(pdfText(pdf).flat).toContain('样张：仅用于预览签名章的加盖效果');
    expect(pdfText(pdf).flat).toContain('考核站点负责人（签章）烟台职业学院');
    expect(pdfImageCount(pdf)).toBe(1);
  });

  it('answers coordinators and invigilators 403 for every seal operation, and its files', async () => {
    const { app, principal } = await setUpApp();
    const coordinator = await addUser(app, principal, 'coordinator', 'coordinator');
    const invigilator = await addUser(app, principal, 'invigilator', 'invigilator');
    await uploadSeal(app, principal, await goodSeal());
    const job = await call<JobInfo>(app, 'seal.preview', {}, principal);
    await app.jobs.wait(job.id);
    for (const session of [coordinator, invigilator]) {
      const ops: [string, unknown][] = [
        ['seal.status', {}],
        ['seal.image', {}],
        ['seal.upload', upload(sealFile(app, await goodSeal(), COORDINATOR))],
        ['seal.preview', {}],
      ];
      for (const [op, input] of ops) expect((await callError(app, op, input, session)).code, op).toBe('FORBIDDEN');
      // Nor the principal's preview file by its job.
      expect((await callError(app, 'jobs.file', { id: job.id, key: 'pdf' }, session)).code).toBe('FORBIDDEN');
    }
    // Whatever they tried, the seal is the principal's as before.
    expect((await call<SealStatus>(app, 'seal.status', {}, principal)).seal?.uploadedBy).toBe('赵校长');
  });
});

/** Neither square nor transparent at the border. */
async function notSquareSealOpaque(): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  return sharp({ create: { width: 120, height: 95, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 1 } } })
    .png()
    .toBuffer();
}
