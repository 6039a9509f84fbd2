import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PackagePreview, ImportResult } from '../../src-shared/api/packages';
import type { AppCore } from '../../src-main/core/app-core';
import { generateSigningKey, signManifest } from '../../src-main/pipelines/packages/signing';
import { editManifest, platformPackage, rezip, smallCatalog, writeZip, zeros, zipEntries, zipWithRawName } from '../fixtures/package-fixtures';
import { addUser, call, callError, setUpApp, callJob, callJobError } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

const PRINCIPAL_ACTOR = { name: 'principal', id: 1, role: 'principal' as const };

/** Everything an import could touch: after a refusal all of it must be as before. */
function snapshot(app: AppCore): string {
  const tables = ['organisations', 'certificates', 'majors', 'declaration_plans', 'exam_subjects', 'exam_plans', 'exam_plan_certificates', 'package_history', 'audit_log'];
  return tables.map((t) => `${t}:${JSON.stringify(app.store.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())}`).join('\n');
}

async function trustingApp(options: { allowUnsigned?: boolean } = {}) {
  const key = generateSigningKey();
  const { app, principal } = await setUpApp();
  await call(app, 'settings.update', { platformPublicKeys: [key.publicPem], allowUnsignedPackages: options.allowUnsigned ?? false }, principal);
  return { app, principal, key, dir: tempDir() };
}

function register(app: AppCore, path: string) {
  return app.files.register(path, path.split('/').pop()!, PRINCIPAL_ACTOR).fileId;
}

async function refusal(app: AppCore, principal: string, path: string) {
  const before = snapshot(app);
  const error = await callJobError(app, 'packages.inspect', { fileId: register(app, path) }, principal);
  expect(snapshot(app)).toBe(before);
  return error;
}

describe('inbound packages', () => {
  it('previews entity by entity, applies in one go, and says so when the same package comes again', async () => {
    const { app, principal, key, dir } = await trustingApp();
    const path = join(dir, 'catalog.zip');
    await platformPackage(path, { signingKeyPem: key.privatePem });
    const fileId = register(app, path);

    const preview = await callJob<PackagePreview>(app, 'packages.inspect', { fileId }, principal);
    expect(preview.signature).toEqual({ status: 'verified', keyId: key.keyId });
    expect(preview.alreadyApplied).toBeNull();
    expect(preview.counts).toEqual({
      catalog: { new: 3, changed: 0, unchanged: 0 },
      'declaration-plans': { new: 1, changed: 0, unchanged: 0 },
      'exam-subjects': { new: 2, changed: 0, unchanged: 0 },
      'exam-plans': { new: 1, changed: 0, unchanged: 0 },
    });
    expect(preview.changes.find((c) => c.key === 'plan:K202005229994')).toMatchObject({ entity: '考试计划', status: 'new' });

    const result = await callJob<ImportResult>(app, 'packages.import', { fileId, fileHash: preview.fileHash }, principal);
    expect(result).toMatchObject({ applied: true, message: expect.stringContaining('新增 7 项') });
    const plan = await call<{ certificates: { subjects: { weight: number; subjectName: string }[] }[] }>(app, 'plans.get', { code: 'K202005229994' }, principal);
    expect(plan.certificates[0]!.subjects.map((s) => [s.subjectName, s.weight])).toEqual([
      ['基础考核', 60],
      ['综合应用考核', 40],
    ]);

    const after = snapshot(app);
    const again = await callJob<PackagePreview>(app, 'packages.inspect', { fileId }, principal);
    expect(again.alreadyApplied).not.toBeNull();
    expect(again.changes).toEqual([]);
    const second = await callJob<ImportResult>(app, 'packages.import', { fileId, fileHash: again.fileHash }, principal);
    expect(second.applied).toBe(false);
    expect(second.message).toContain('不会改变任何数据');
    expect(snapshot(app)).toBe(after);
  });

  it('shows old → new for a changed plan and audits the change', async () => {
    const { app, principal, key, dir } = await trustingApp();
    await platformPackage(join(dir, 'one.zip'), { signingKeyPem: key.privatePem });
    const first = await callJob<PackagePreview>(app, 'packages.inspect', { fileId: register(app, join(dir, 'one.zip')) }, principal);
    await callJob(app, 'packages.import', { fileId: first.fileId, fileHash: first.fileHash }, principal);

    const kinds = smallCatalog();
    kinds['exam-plans'].plans[0]!.name = '物流管理2019年12月第2次考核（调整）';
    await platformPackage(join(dir, 'two.zip'), { signingKeyPem: key.privatePem, sequence: 2, kinds });
    const preview = await callJob<PackagePreview>(app, 'packages.inspect', { fileId: register(app, join(dir, 'two.zip')) }, principal);
    expect(preview.counts['exam-plans']).toEqual({ new: 0, changed: 1, unchanged: 0 });
    expect(preview.counts.catalog).toEqual({ new: 0, changed: 0, unchanged: 3 });
    expect(preview.changes).toEqual([
      expect.objectContaining({
        key: 'plan:K202005229994',
        status: 'changed',
        changes: [{ field: '计划名称', old: '物流管理2019年12月第2次考核', new: '物流管理2019年12月第2次考核（调整）' }],
      }),
    ]);
    await callJob(app, 'packages.import', { fileId: preview.fileId, fileHash: preview.fileHash }, principal);
    // One audit entry per package, with what it changed inside.
    const audits = app.store.db.prepare("SELECT entity_type, after_json FROM audit_log WHERE operation = 'packages.import' ORDER BY id").all() as {
      entity_type: string;
      after_json: string;
    }[];
    expect(audits.map((a) => a.entity_type)).toEqual(['package', 'package']);
    expect(JSON.parse(audits[1]!.after_json)).toMatchObject({
      sequence: 2,
      counts: { 'exam-plans': { changed: 1 } },
      changes: [{ key: 'plan:K202005229994', changes: [{ field: '计划名称', old: '物流管理2019年12月第2次考核', new: '物流管理2019年12月第2次考核（调整）' }] }],
    });
  });

  it('warns when the PC clock is earlier than the newest package seen', async () => {
    const key = generateSigningKey();
    const { app, principal } = await setUpApp({ now: () => new Date('2026-01-15T08:00:00Z') });
    await call(app, 'settings.update', { platformPublicKeys: [key.publicPem] }, principal);
    expect(app.info().clockWarning).toBeNull();
    const path = join(tempDir(), 'catalog.zip');
    await platformPackage(path, { signingKeyPem: key.privatePem, createdAt: new Date('2026-03-01T08:00:00Z') });
    const p = await callJob<PackagePreview>(app, 'packages.inspect', { fileId: register(app, path) }, principal);
    await callJob(app, 'packages.import', { fileId: p.fileId, fileHash: p.fileHash }, principal);
    expect(app.info().clockWarning).toContain('早于最近收到的平台数据包的生成时间');
  });

  it('refuses an older sequence, and another package reusing an applied sequence', async () => {
    const { app, principal, key, dir } = await trustingApp();
    await platformPackage(join(dir, 'five.zip'), { signingKeyPem: key.privatePem, sequence: 5 });
    const p = await callJob<PackagePreview>(app, 'packages.inspect', { fileId: register(app, join(dir, 'five.zip')) }, principal);
    await callJob(app, 'packages.import', { fileId: p.fileId, fileHash: p.fileHash }, principal);

    await platformPackage(join(dir, 'four.zip'), { signingKeyPem: key.privatePem, sequence: 4 });
    const older = await refusal(app, principal, join(dir, 'four.zip'));
    expect(older.message).toContain('数据包序号 4 早于已导入的 5');

    await platformPackage(join(dir, 'five-b.zip'), { signingKeyPem: key.privatePem, sequence: 5, createdAt: new Date('2026-04-01T00:00:00Z') });
    expect((await refusal(app, principal, join(dir, 'five-b.zip'))).message).toContain('序号 5 已被另一个内容不同的数据包使用过');
  });
});

describe('bad packages are refused, naming the file, and change nothing', () => {
  it('not a ZIP, and a truncated ZIP', async () => {
    const { app, principal, key, dir } = await trustingApp();
    writeFileSync(join(dir, 'notes.zip'), '这不是压缩包，只是一段文字。'.repeat(50));
    expect((await refusal(app, principal, join(dir, 'notes.zip'))).message).toMatch(/notes\.zip.*不是有效的 ZIP 文件/);
    await platformPackage(join(dir, 'whole.zip'), { signingKeyPem: key.privatePem });
    const bytes = readFileSync(join(dir, 'whole.zip'));
    writeFileSync(join(dir, 'cut.zip'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await refusal(app, principal, join(dir, 'cut.zip'))).message).toMatch(/不是有效的 ZIP|不完整/);
  });

  it('entry names that climb out or are absolute', async () => {
    const { app, principal, dir } = await trustingApp();
    await zipWithRawName(join(dir, 'climb.zip'), 'aa/evil.json', '../evil.json', Buffer.from('{}'));
    const climb = await refusal(app, principal, join(dir, 'climb.zip'));
    expect(climb.message).toContain('“../evil.json”含有“../”');
    expect(climb.details).toMatchObject({ file: '../evil.json' });
    await zipWithRawName(join(dir, 'abs.zip'), 'etc/passwd', '/etc/passw', Buffer.from('x'));
    expect((await refusal(app, principal, join(dir, 'abs.zip'))).message).toContain('是绝对路径');
  });

  it('a ZIP bomb, within 256 MB of memory', async () => {
    const { app, principal, dir } = await trustingApp();
    await writeZip(join(dir, 'bomb.zip'), [{ name: 'payload/catalog.json', data: zeros(300 * 1024 * 1024) }]);
    expect(readFileSync(join(dir, 'bomb.zip')).length).toBeLessThan(2 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const error = await refusal(app, principal, join(dir, 'bomb.zip'));
    clearInterval(sampler);
    expect(error.message).toMatch(/解压后超过 64 MB 的上限，可能是“压缩炸弹”/);
    expect(peak - rssBefore).toBeLessThan(256 * 1024 * 1024);
  });

  it('a file missing from the package, and one the manifest does not list', async () => {
    const { app, principal, key, dir } = await trustingApp({ allowUnsigned: true });
    await platformPackage(join(dir, 'good.zip'), { signingKeyPem: key.privatePem });
    await rezip(join(dir, 'good.zip'), join(dir, 'missing.zip'), (es) => es.filter((e) => e.name !== 'payload/exam-subjects.json' && e.name !== 'manifest.sig'));
    const missing = await refusal(app, principal, join(dir, 'missing.zip'));
    expect(missing.message).toContain('payload/exam-subjects.json 不在数据包中');
    await rezip(join(dir, 'good.zip'), join(dir, 'extra.zip'), (es) => [...es, { name: 'payload/extra.exe', data: Buffer.from('MZ') }]);
    expect((await refusal(app, principal, join(dir, 'extra.zip'))).message).toContain('多出了清单没有列出的文件 payload/extra.exe');
  });

  it('a tampered payload (checksum mismatch)', async () => {
    const { app, principal, key, dir } = await trustingApp();
    await platformPackage(join(dir, 'good.zip'), { signingKeyPem: key.privatePem });
    await rezip(join(dir, 'good.zip'), join(dir, 'tampered.zip'), (es) =>
      es.map((e) => (e.name === 'payload/exam-plans.json' ? { name: e.name, data: Buffer.from(e.data.toString().replace('"passScore":60', '"passScore":10')) } : e)),
    );
    const error = await refusal(app, principal, join(dir, 'tampered.zip'));
    expect(error.message).toBe('文件 payload/exam-plans.json 的校验和与清单不符，数据包可能已被篡改或损坏。');
    expect(error.details).toMatchObject({ file: 'payload/exam-plans.json' });
  });

  it('a bad signature, an unknown key, and an unsigned package while only signed ones are accepted', async () => {
    const { app, principal, key, dir } = await trustingApp();
    await platformPackage(join(dir, 'good.zip'), { signingKeyPem: key.privatePem });
    await rezip(join(dir, 'good.zip'), join(dir, 'resigned.zip'), (es) => editManifest(es, (m) => (m.sequence = 99)));
    expect((await refusal(app, principal, join(dir, 'resigned.zip'))).message).toContain('签名无效');

    const stranger = generateSigningKey();
    await platformPackage(join(dir, 'stranger.zip'), { signingKeyPem: stranger.privatePem });
    expect((await refusal(app, principal, join(dir, 'stranger.zip'))).message).toContain(`密钥 ${stranger.keyId} 签名，它不在设置的平台公钥中`);

    await platformPackage(join(dir, 'unsigned.zip'));
    expect((await refusal(app, principal, join(dir, 'unsigned.zip'))).message).toContain('数据包没有签名');
    await call(app, 'settings.update', { allowUnsignedPackages: true }, principal);
    const preview = await callJob<PackagePreview>(app, 'packages.inspect', { fileId: register(app, join(dir, 'unsigned.zip')) }, principal);
    expect(preview.signature).toEqual({ status: 'unsigned' });
    // A forged signature file does not become acceptable because unsigned ones are.
    const forged = signManifest(Buffer.from('other bytes'), key.privatePem);
    await rezip(join(dir, 'good.zip'), join(dir, 'forged.zip'), (es) =>
      es.map((e) => (e.name === 'manifest.sig' ? { name: e.name, data: Buffer.from(JSON.stringify(forged)) } : e)),
    );
    expect((await refusal(app, principal, join(dir, 'forged.zip'))).message).toContain('签名无效');
  });

  it("another institution's package, an unknown kind, a newer format version", async () => {
    const { app, principal, dir } = await trustingApp({ allowUnsigned: true });
    await platformPackage(join(dir, 'other.zip'), { institutionCode: '4111010001' });
    expect((await refusal(app, principal, join(dir, 'other.zip'))).message).toBe('这个数据包属于院校 4111010001，不是本院校（4137014320），已拒绝。');

    await platformPackage(join(dir, 'good.zip'));
    await rezip(join(dir, 'good.zip'), join(dir, 'kind.zip'), (es) => editManifest(es, (m) => m.kinds.push('lottery-results')));
    expect((await refusal(app, principal, join(dir, 'kind.zip'))).message).toBe('数据包含有本版本不支持的数据类型 lottery-results，请更新考点助手。');

    await rezip(join(dir, 'good.zip'), join(dir, 'future.zip'), (es) => editManifest(es, (m) => (m.formatVersion = 2)));
    expect((await refusal(app, principal, join(dir, 'future.zip'))).message).toContain('请更新考点助手');
  });

  it('refuses a signed package holding a kind this version cannot apply, without a history row or using up its sequence', async () => {
    const { app, principal, key, dir } = await trustingApp();
    await platformPackage(join(dir, 'good.zip'), { signingKeyPem: key.privatePem, sequence: 7 });
    // What a newer platform would send: a kind this app has no module for, listed and signed properly.
    const revocations = Buffer.from(JSON.stringify({ revocations: [] }));
    await rezip(join(dir, 'good.zip'), join(dir, 'revocations.zip'), (entries) => {
      const withPayload = [...entries.filter((e) => e.name !== 'manifest.sig'), { name: 'payload/certificate-revocations.json', data: revocations }];
      const edited = editManifest(withPayload, (m) => {
        m.kinds.push('certificate-revocations');
        m.files.push({ path: 'payload/certificate-revocations.json', sha256: createHash('sha256').update(revocations).digest('hex'), size: revocations.length });
      });
      const manifest = edited.find((e) => e.name === 'manifest.json')!.data;
      return [...edited, { name: 'manifest.sig', data: Buffer.from(JSON.stringify(signManifest(manifest, key.privatePem))) }];
    });
    const error = await refusal(app, principal, join(dir, 'revocations.zip'));
    expect(error.message).toBe('数据包含有本版本不支持的数据类型 certificate-revocations，请更新考点助手。');
    expect(error.details).toMatchObject({ file: 'manifest.json', kind: 'certificate-revocations' });
    // The import path refuses it the same way, and writes nothing.
    const before = snapshot(app);
    const fileId = register(app, join(dir, 'revocations.zip'));
    expect((await callJobError(app, 'packages.import', { fileId, fileHash: '0'.repeat(64) }, principal)).message).toContain('不支持的数据类型 certificate-revocations');
    expect(snapshot(app)).toBe(before);
    // Its sequence is still free: the platform's good package with the same number imports.
    const good = await callJob<PackagePreview>(app, 'packages.inspect', { fileId: register(app, join(dir, 'good.zip')) }, principal);
    expect(good.sequence).toBe(7);
    expect(await callJob<ImportResult>(app, 'packages.import', { fileId: good.fileId, fileHash: good.fileHash }, principal)).toMatchObject({ applied: true });
  });

  it('JSON that breaks the schema, named by file and JSON path; weights that miss 100%, named by plan', async () => {
    const { app, principal, dir } = await trustingApp({ allowUnsigned: true });
    const broken = smallCatalog() as ReturnType<typeof smallCatalog> & Record<string, unknown>;
    (broken['exam-plans'].plans[0]!.certificates[0]!.subjects[1] as { weight: unknown }).weight = '四十';
    await platformPackage(join(dir, 'schema.zip'), { kinds: broken });
    const schema = await refusal(app, principal, join(dir, 'schema.zip'));
    expect(schema.message).toContain('payload/exam-plans.json 的内容不符合格式：plans[0].certificates[0].subjects[1].weight');
    expect(schema.details).toMatchObject({ file: 'payload/exam-plans.json', path: 'plans[0].certificates[0].subjects[1].weight' });

    const weights = smallCatalog();
    weights['exam-plans'].plans[0]!.certificates[0]!.subjects[1]!.weight = 30;
    await platformPackage(join(dir, 'weights.zip'), { kinds: weights });
    expect((await refusal(app, principal, join(dir, 'weights.zip'))).message).toContain(
      '考试计划“物流管理2019年12月第2次考核”（K202005229994）中证书 CERT-WL（初级）的科目权重合计为 90%，应为 100%',
    );

    const dangling = smallCatalog();
    dangling['exam-subjects'].subjects[0]!.certificateCode = 'CERT-NONE';
    await platformPackage(join(dir, 'dangling.zip'), { kinds: dangling });
    expect((await refusal(app, principal, join(dir, 'dangling.zip'))).message).toContain('subjects[0].certificateCode：证书 CERT-NONE 不存在');

    const good = await zipEntries(join(dir, 'schema.zip'));
    await writeZip(
      join(dir, 'manifest-broken.zip'),
      good.map((e) => (e.name === 'manifest.json' ? { name: e.name, data: Buffer.from('{"format": "examsite-package", ') } : e)),
    );
    expect((await refusal(app, principal, join(dir, 'manifest-broken.zip'))).message).toContain('manifest.json 不是合法的 JSON');
  });

  it('keeps invigilators out of packages, while they may read the plans', async () => {
    const { app, principal, dir } = await trustingApp({ allowUnsigned: true });
    const sessionToken = await addUser(app, principal, 'wangfang', 'invigilator');
    await platformPackage(join(dir, 'good.zip'));
    expect((await callJobError(app, 'packages.inspect', { fileId: register(app, join(dir, 'good.zip')) }, sessionToken)).code).toBe('FORBIDDEN');
    expect(await call(app, 'plans.list', {}, sessionToken)).toEqual([]);
  });
});

describe('outbound packages', () => {
  it('writes an institution package with a summary sheet, records it, and writes it again', async () => {
    const { app, principal } = await trustingApp();
    const usb = tempDir();
    const job = await call<{ id: string }>(app, 'packages.export', { kinds: ['institution'], folder: usb }, principal);
    const done = await app.jobs.wait(job.id);
    expect(done.state).toBe('done');
    const result = done.result as { historyId: number; path: string; sequence: number; fileName: string };
    expect(result.sequence).toBe(1);
    expect(result.path).toBe(join(usb, result.fileName));
    expect(result.fileName).toMatch(/^数据包-4137014320-第0001号-\d{8}\.zip$/);

    const { readPackage } = await import('../../src-main/pipelines/packages/read-package');
    const pkg = await readPackage(result.path, result.fileName, { institutionCode: '4137014320', trustedKeys: [], allowUnsigned: true, direction: 'out' });
    expect(pkg.payloads.institution).toMatchObject({ code: '4137014320', name: '烟台职业学院', province: '山东省' });
    expect([...pkg.extraFiles.keys()]).toEqual(['summary.xlsx']);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(pkg.extraFiles.get('summary.xlsx')! as unknown as ArrayBuffer);
    expect(wb.getWorksheet('院校信息')!.getRow(2).getCell(2).value).toBe('烟台职业学院');

    const second = await app.jobs.wait((await call<{ id: string }>(app, 'packages.export', { kinds: ['institution'] }, principal)).id);
    expect((second.result as { sequence: number }).sequence).toBe(2);

    const history = await call<{ items: { id: number; direction: string; sequence: number; canRewrite: boolean }[] }>(app, 'packages.history', { direction: 'out' }, principal);
    expect(history.items.map((h) => h.sequence)).toEqual([2, 1]);
    expect(history.items.every((h) => h.canRewrite)).toBe(true);
    const again = tempDir();
    const rewritten = await call<{ path: string }>(app, 'packages.rewrite', { id: result.historyId, folder: again }, principal);
    expect(readFileSync(rewritten.path)).toEqual(readFileSync(result.path));
    const ref = await call<{ name: string; size: number }>(app, 'packages.file', { id: result.historyId }, principal);
    expect(ref).toMatchObject({ name: result.fileName, size: readFileSync(result.path).length });
  });

  it('refuses inbound kinds, a folder that does not exist, and a relative one', async () => {
    const { app, principal } = await trustingApp();
    expect((await callError(app, 'packages.export', { kinds: ['catalog'] }, principal)).message).toContain('“catalog”不是可以发出的数据类型');
    expect((await callError(app, 'packages.export', { kinds: ['institution'], folder: '/no/such/folder' }, principal)).message).toBe('文件夹 /no/such/folder 不存在。');
    expect((await callError(app, 'packages.export', { kinds: ['institution'], folder: 'usb' }, principal)).message).toContain('请填写完整的文件夹路径');
    expect((await call<{ total: number }>(app, 'packages.history', {}, principal)).total).toBe(0);
  });
});
