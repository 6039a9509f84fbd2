import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { JobInfo } from '../../src-shared/api/jobs';
import type { PhotoFileReport, PhotoImportReport } from '../../src-shared/api/photos';
import type { AppCore } from '../../src-main/core/app-core';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { readPackage } from '../../src-main/pipelines/packages/read-package';
import { writeZip, zeros, zipEntries } from '../fixtures/package-fixtures';
import { addCandidates } from '../fixtures/candidates';
import { hugePng, lyingZip, orientedPhoto, oversizedJpeg, photo, pixelDistance, renamedPdf, truncatedJpeg, zipWithGbkNames, zipWithRawNames } from '../fixtures/photo-fixtures';
import { call, callError, setUpApp } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };

function register(app: AppCore, path: string): string {
  return app.files.register(path, path.split('/').pop()!, ACTOR).fileId;
}

async function finished(app: AppCore, job: JobInfo): Promise<{ job: JobInfo; report: PhotoImportReport & { written?: number } }> {
  const done = await app.jobs.wait(job.id);
  return { job: done, report: done.result as PhotoImportReport & { written?: number } };
}

async function preview(app: AppCore, session: string, path: string, fix = false) {
  const fileId = register(app, path);
  return { fileId, ...(await finished(app, await call<JobInfo>(app, 'photos.importPreview', { fileId, fix }, session))) };
}

async function commit(app: AppCore, session: string, fileId: string, fileHash: string, options: { fix?: boolean; replaceExisting?: boolean } = {}) {
  return finished(
    app,
    await call<JobInfo>(app, 'photos.importCommit', { fileId, fileHash, fix: options.fix ?? false, replaceExisting: options.replaceExisting ?? false }, session),
  );
}

/** candidate_photos as (ID number, sha256), to prove a refusal left it exactly as it was. */
function photoRows(app: AppCore): { id: string; sha256: string; width: number; height: number; format: string }[] {
  return app.store.db
    .prepare('SELECT c.id_number AS id, p.sha256, p.width, p.height, p.format FROM candidate_photos p JOIN candidates c ON c.id = p.candidate_id ORDER BY c.id_number')
    .all() as never;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const byName = (report: PhotoImportReport) => Object.fromEntries(report.files.map((f) => [f.name, f]));
const codes = (report: PhotoImportReport) => Object.fromEntries(report.files.map((f) => [f.name, `${f.status}:${f.code}`]));

describe('photo ZIP import: a messy ZIP from a coordinator', () => {
  it('checks every entry, reports each by name, and commits only the good photos in one go', { timeout: 120_000 }, async () => {
    const { app, principal } = await setUpApp();
    const p = addCandidates(app.store, 12, 31).map((x) => x.idNumber);
    const stranger = fakePeople(1, 999)[0]!.idNumber;
    const good = [await photo(p[0]!), await photo(p[1]!), await photo(p[2]!, { format: 'png' })];
    const path = join(tempDir(), '2026级照片.zip');
    await writeZip(path, [
      { name: `2026级物流1班/${p[0]}.jpg`, data: good[0]! },
      { name: `2026级物流1班/${p[1]}.JPG`, data: good[1]! },
      { name: `${p[2]}.png`, data: good[2]! },
      { name: `${p[3]}.jpeg`, data: await photo(p[3]!, { width: 600, height: 840 }) },
      { name: `${p[4]}.jpg`, data: await photo(p[4]!, { background: 'blue' }) },
      { name: `${p[5]}.jpg`, data: await photo(p[5]!, { background: 'white' }) },
      { name: `${p[6]}.jpg`, data: renamedPdf() },
      { name: `${p[7]}.png`, data: hugePng() },
      { name: `a/${p[8]}.jpg`, data: await photo(p[8]!) },
      { name: `b/${p[8]}.jpg`, data: await photo(p[8]!, { quality: 70 }) },
      { name: `${p[9]}.jpg`, data: await oversizedJpeg(p[9]!) },
      { name: `${p[10]}.jpg`, data: await truncatedJpeg(p[10]!) },
      { name: `${stranger}.jpg`, data: await photo(stranger) },
      { name: '张三.jpg', data: await photo(p[11]!) },
      { name: `__MACOSX/2026级物流1班/._${p[0]}.jpg`, data: Buffer.from('\x00\x05\x16\x07AppleDouble', 'latin1') },
      { name: '2026级物流1班/Thumbs.db', data: Buffer.alloc(64) },
      { name: 'desktop.ini', data: Buffer.from('[.ShellClassInfo]\r\n') },
      { name: '.DS_Store', data: Buffer.alloc(64) },
    ]);
    const progress: JobInfo['progress'][] = [];
    app.jobs.on('job', (j) => progress.push(j.progress));

    const { report, fileId } = await preview(app, principal, path);
    expect(codes(report)).toEqual({
      [`2026级物流1班/${p[0]}.jpg`]: 'accepted:OK',
      [`2026级物流1班/${p[1]}.JPG`]: 'accepted:OK',
      [`${p[2]}.png`]: 'accepted:OK',
      [`${p[3]}.jpeg`]: 'refused:SIZE',
      [`${p[4]}.jpg`]: 'refused:BACKGROUND',
      [`${p[5]}.jpg`]: 'refused:BACKGROUND',
      [`${p[6]}.jpg`]: 'refused:NOT_IMAGE',
      [`${p[7]}.png`]: 'refused:PIXELS',
      [`a/${p[8]}.jpg`]: 'refused:DUPLICATE',
      [`b/${p[8]}.jpg`]: 'refused:DUPLICATE',
      [`${p[9]}.jpg`]: 'refused:TOO_LARGE',
      [`${p[10]}.jpg`]: 'refused:DECODE',
      [`${stranger}.jpg`]: 'refused:NO_CANDIDATE',
      '张三.jpg': 'refused:BAD_NAME',
      [`__MACOSX/2026级物流1班/._${p[0]}.jpg`]: 'ignored:IGNORED',
      '2026级物流1班/Thumbs.db': 'ignored:IGNORED',
      'desktop.ini': 'ignored:IGNORED',
      '.DS_Store': 'ignored:IGNORED',
    });
    const files = byName(report);
    expect(files[`${p[3]}.jpeg`]!.message).toBe('照片尺寸是 600×840 像素，应为 295×413 像素（可选择“自动调整尺寸”）');
    expect(files[`${p[4]}.jpg`]!.message).toBe('照片底色是蓝底，应为红底');
    expect(files[`${p[5]}.jpg`]!.message).toBe('照片底色是白底，应为红底');
    expect(files[`${p[6]}.jpg`]!.message).toContain('PDF 文档');
    expect(files[`${p[7]}.png`]!.message).toContain('20000×20000');
    expect(files[`a/${p[8]}.jpg`]!.message).toBe(`与“b/${p[8]}.jpg”是同一身份证号的照片，请只保留一张`);
    expect(files[`b/${p[8]}.jpg`]!.message).toBe(`与“a/${p[8]}.jpg”是同一身份证号的照片，请只保留一张`);
    expect(files[`${p[9]}.jpg`]!.message).toBe('照片有 6.0 MB，超过 5 MB 的上限');
    expect(files[`${stranger}.jpg`]).toMatchObject({ id: stranger, message: `没有身份证号为 ${stranger} 的考生，请先导入考生信息` });
    expect(files['张三.jpg']).toMatchObject({ id: null, message: expect.stringContaining('“张三”不是有效的身份证号') });
    expect(report.counts).toEqual({ accepted: 3, refused: 11, ignored: 4, replacing: 0 });
    // Progress was reported per file, ending on the last one.
    expect(progress.filter((x) => x.phase === '检查照片').at(-1)).toEqual({ phase: '检查照片', done: 18, total: 18 });
    expect(photoRows(app)).toEqual([]);

    const { report: done } = await commit(app, principal, fileId, report.fileHash);
    expect(done.written).toBe(3);
    expect(codes(done)).toEqual(codes(report));
    // Photos that pass are kept byte for byte (no re-encoding without the fix).
    expect(photoRows(app)).toEqual(
      [
        { id: p[0], sha256: sha(good[0]!), width: 295, height: 413, format: 'jpeg' },
        { id: p[1], sha256: sha(good[1]!), width: 295, height: 413, format: 'jpeg' },
        { id: p[2], sha256: sha(good[2]!), width: 295, height: 413, format: 'png' },
      ].sort((a, b) => a.id!.localeCompare(b.id!)),
    );
    const audit = app.store.db.prepare("SELECT actor, entity_id, after_json FROM audit_log WHERE operation = 'photos.import'").all() as {
      actor: string;
      entity_id: string;
      after_json: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'principal', entity_id: '2026级照片.zip' });
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({ counts: report.counts, written: 3, replaced: 0 });
    const list = await call<{ rows: { idNumber: string; hasPhoto: boolean }[] }>(app, 'candidates.list', { kind: 'school', search: p[0] }, principal);
    expect(list.rows[0]).toMatchObject({ idNumber: p[0], hasPhoto: true });
  });

  it('with the auto-fix, resizes a wrong-sized photo to a 295×413 JPEG, but never changes a blue background', { timeout: 90_000 }, async () => {
    const { app, principal } = await setUpApp();
    const p = addCandidates(app.store, 3, 32).map((x) => x.idNumber);
    const path = join(tempDir(), 'phone.zip');
    await writeZip(path, [
      { name: `${p[0]}.jpg`, data: await photo(p[0]!, { width: 900, height: 1200 }) },
      { name: `${p[1]}.png`, data: await photo(p[1]!, { width: 413, height: 500, format: 'png' }) },
      { name: `${p[2]}.jpg`, data: await photo(p[2]!, { background: 'blue', width: 600, height: 800 }) },
    ]);
    const without = await preview(app, principal, path);
    expect(without.report.files.map((f) => f.code)).toEqual(['SIZE', 'SIZE', 'SIZE']);

    const { report, fileId } = await preview(app, principal, path, true);
    expect(report.files.map((f) => [f.code, f.fixed ?? false])).toEqual([
      ['OK', true],
      ['OK', true],
      ['BACKGROUND', false],
    ]);
    expect(report.files[0]!.message).toBe('照片合格（已从 900×1200 自动调整为 295×413 像素）');
    expect(report.files[2]!.message).toBe('照片底色是蓝底，应为红底');

    await commit(app, principal, fileId, report.fileHash, { fix: true });
    expect(photoRows(app).map((r) => [r.id, r.width, r.height, r.format])).toEqual(
      [
        [p[0], 295, 413, 'jpeg'],
        [p[1], 295, 413, 'jpeg'],
      ].sort(),
    );
    const stored = app.store.db.prepare('SELECT data FROM candidate_photos LIMIT 1').get() as { data: Buffer };
    expect(await sharp(stored.data).metadata()).toMatchObject({ format: 'jpeg', width: 295, height: 413 });
  });

  it('judges a phone photo as it is shown (EXIF orientation applied), and stores and sends it turned upright', { timeout: 120_000 }, async () => {
    const { app, principal } = await setUpApp();
    const p = addCandidates(app.store, 3, 38).map((x) => x.idNumber);
    // Stored 413×295 with orientation 6 (shown upright 295×413); a PNG upside down; and a
    // photo stored 295×413 that orientation 8 shows lying on its side, 413×295.
    const sideways = await orientedPhoto(p[0]!, 6);
    expect(await sharp(sideways).metadata()).toMatchObject({ width: 413, height: 295, orientation: 6 });
    const path = join(tempDir(), 'phones.zip');
    await writeZip(path, [
      { name: `${p[0]}.jpg`, data: sideways },
      { name: `${p[1]}.png`, data: await orientedPhoto(p[1]!, 3, { format: 'png' }) },
      {
        name: `${p[2]}.jpg`,
        data: await sharp(await photo(p[2]!))
          .withMetadata({ orientation: 8 })
          .jpeg()
          .toBuffer(),
      },
    ]);
    const { report, fileId } = await preview(app, principal, path);
    expect(report.files.map((f) => [f.code, f.message])).toEqual([
      ['OK', '照片合格（已按拍摄方向转正）'],
      ['OK', '照片合格（已按拍摄方向转正）'],
      ['SIZE', '照片尺寸是 413×295 像素，应为 295×413 像素（可选择“自动调整尺寸”）'],
    ]);
    await commit(app, principal, fileId, report.fileHash);
    expect(photoRows(app).map((r) => [r.id, r.width, r.height, r.format])).toEqual(
      [
        [p[0], 295, 413, 'jpeg'],
        [p[1], 295, 413, 'png'],
      ].sort(),
    );
    const stored = (id: string) =>
      (app.store.db.prepare('SELECT p.data FROM candidate_photos p JOIN candidates c ON c.id = p.candidate_id WHERE c.id_number = ?').get(id) as { data: Buffer }).data;
    for (const id of [p[0]!, p[1]!]) {
      const meta = await sharp(stored(id)).metadata();
      expect({ width: meta.width, height: meta.height, orientation: meta.orientation ?? 1 }).toEqual({ width: 295, height: 413, orientation: 1 });
      expect(await pixelDistance(stored(id), await photo(id))).toBeLessThan(4);
    }

    // The platform gets the upright pixels too: the package's photo ZIP holds the stored bytes.
    const done = await app.jobs.wait((await call<JobInfo>(app, 'packages.export', { kinds: ['candidates'], includeIncomplete: true }, principal)).id);
    const pkg = await readPackage((done.result as { path: string }).path, 'out.zip', { institutionCode: '4137014320', trustedKeys: [], allowUnsigned: true, direction: 'out' });
    const photoZip = join(tempDir(), 'photos.zip');
    writeFileSync(photoZip, pkg.extraFiles.get('candidates/考生照片.zip')!);
    const sent = Object.fromEntries((await zipEntries(photoZip)).map((e) => [e.name, e.data]));
    expect(Object.keys(sent).sort()).toEqual([`${p[0]}.jpg`, `${p[1]}.png`].sort());
    for (const data of Object.values(sent)) expect(await sharp(data).metadata()).toMatchObject({ width: 295, height: 413 });
    expect((await sharp(sent[`${p[0]}.jpg`]!).metadata()).orientation ?? 1).toBe(1);
  });

  it('decodes GBK entry names from Chinese Windows ZIPs (no UTF-8 flag)', { timeout: 90_000 }, async () => {
    const { app, principal } = await setUpApp();
    const p = addCandidates(app.store, 2, 33).map((x) => x.idNumber);
    const path = join(tempDir(), 'windows.zip');
    await zipWithGbkNames(path, [
      { name: `2026级物流管理1班/${p[0]}.jpg`, data: await photo(p[0]!) },
      { name: `照片（第二批）/${p[1]}.JPG`, data: await photo(p[1]!) },
      { name: '照片（第二批）/Thumbs.db', data: Buffer.alloc(32) },
    ]);
    const { report } = await preview(app, principal, path);
    expect(codes(report)).toEqual({
      [`2026级物流管理1班/${p[0]}.jpg`]: 'accepted:OK',
      [`照片（第二批）/${p[1]}.JPG`]: 'accepted:OK',
      '照片（第二批）/Thumbs.db': 'ignored:IGNORED',
    });
  });
});

describe('photo ZIP import: replacing photos needs confirmation', () => {
  it('marks replacements in the check, leaves them out of an unconfirmed commit, and audits each confirmed one', { timeout: 90_000 }, async () => {
    const { app, principal } = await setUpApp();
    const p = addCandidates(app.store, 2, 34).map((x) => x.idNumber);
    const dir = tempDir();
    const first = join(dir, 'first.zip');
    await writeZip(first, [{ name: `${p[0]}.jpg`, data: await photo(p[0]!) }]);
    const one = await preview(app, principal, first);
    await commit(app, principal, one.fileId, one.report.fileHash);
    const original = photoRows(app);

    const second = join(dir, 'second.zip');
    const newer = await photo(p[0]!, { quality: 75 });
    await writeZip(second, [
      { name: `${p[0]}.jpg`, data: newer },
      { name: `${p[1]}.jpg`, data: await photo(p[1]!) },
    ]);
    const { report, fileId } = await preview(app, principal, second);
    expect(report.files[0]).toMatchObject({ status: 'accepted', code: 'OK', replaces: true, message: '照片合格；该考生已有照片，导入时需确认替换' });
    expect(report.files[1]!.replaces).toBeUndefined();
    expect(report.counts).toEqual({ accepted: 2, refused: 0, ignored: 0, replacing: 1 });

    const unconfirmed = await commit(app, principal, fileId, report.fileHash);
    expect(unconfirmed.report.files[0]).toMatchObject({ status: 'refused', code: 'REPLACE_UNCONFIRMED', message: expect.stringContaining('替换已有照片需要确认') });
    expect(unconfirmed.report.written).toBe(1);
    expect(photoRows(app).find((r) => r.id === p[0])).toEqual(original[0]);

    const confirmed = await commit(app, principal, fileId, report.fileHash, { replaceExisting: true });
    expect(confirmed.report.files[0]).toMatchObject({ status: 'accepted', replaces: true, message: '照片合格，将替换该考生原有的照片' });
    expect(photoRows(app).find((r) => r.id === p[0])!.sha256).toBe(sha(newer));
    // One entry per commit, each photo it wrote inside; p[1] landed in the unconfirmed commit, so the confirmed one replaced both.
    const audits = app.store.db.prepare("SELECT operation, after_json FROM audit_log WHERE operation LIKE 'photos.%' ORDER BY id").all() as {
      operation: string;
      after_json: string;
    }[];
    expect(audits.map((a) => a.operation)).toEqual(['photos.import', 'photos.import', 'photos.import']);
    expect(JSON.parse(audits[1]!.after_json).changes).toEqual([
      { entity: '照片', key: p[1], title: expect.any(String), status: 'new', changes: [{ field: 'file', old: null, new: `${p[1]}.jpg` }] },
    ]);
    const replaced = JSON.parse(audits[2]!.after_json) as {
      replaced: number;
      changes: { key: string; status: string; changes: { field: string; old: unknown; new: unknown }[] }[];
    };
    expect(replaced.replaced).toBe(2);
    expect(replaced.changes.map((c) => [c.key, c.status])).toEqual([
      [p[0], 'replaced'],
      [p[1], 'replaced'],
    ]);
    expect(replaced.changes[0]!.changes).toContainEqual({ field: 'sha256', old: original[0]!.sha256, new: sha(newer) });
    expect(replaced.changes[0]!.changes).toContainEqual({ field: 'file', old: null, new: `${p[0]}.jpg` });
  });
});

describe('photo ZIP import: files that are not what they claim, each leaving the store unchanged', () => {
  async function withOnePhoto() {
    const { app, principal } = await setUpApp();
    const p = addCandidates(app.store, 3, 35).map((x) => x.idNumber);
    const path = join(tempDir(), 'seed.zip');
    await writeZip(path, [{ name: `${p[0]}.jpg`, data: await photo(p[0]!) }]);
    const seeded = await preview(app, principal, path);
    await commit(app, principal, seeded.fileId, seeded.report.fileHash);
    return { app, principal, p, before: photoRows(app) };
  }

  it('refuses a whole ZIP with a ../ entry, a zip bomb that lies about its sizes, and a file that is no ZIP', { timeout: 120_000 }, async () => {
    const { app, principal, p, before } = await withOnePhoto();
    const dir = tempDir();
    const climbing = join(dir, 'climb.zip');
    await zipWithRawNames(climbing, [
      { raw: Buffer.from(`${p[1]}.jpg`), data: await photo(p[1]!) },
      { raw: Buffer.from(`../${p[2]}.jpg`), data: await photo(p[2]!) },
    ]);
    const lying = join(dir, 'bomb.zip');
    await lyingZip(lying, `${p[1]}.jpg`);
    const notZip = join(dir, 'photos.zip');
    writeFileSync(notZip, renamedPdf());

    for (const [path, reason] of [
      [climbing, /含有“\.\.\/”/],
      [lying, /实际大小与声明不符|压缩炸弹/],
      [notZip, /不是有效的 ZIP 文件/],
    ] as const) {
      const { job } = await preview(app, principal, path);
      expect(job.state, path).toBe('failed');
      expect(job.error!.message).toMatch(reason);
      expect(photoRows(app)).toEqual(before);
    }
  });

  it('refuses, without inflating them, an entry that declares a giant size and one compressed like no photo can be', { timeout: 120_000 }, async () => {
    const { app, principal, p, before } = await withOnePhoto();
    const path = join(tempDir(), 'bombs.zip');
    await writeZip(path, [
      { name: `${p[1]}.jpg`, data: zeros(300 * 1024 * 1024) },
      { name: `${p[2]}.jpg`, data: zeros(4 * 1024 * 1024) },
    ]);
    const { report, fileId } = await preview(app, principal, path);
    expect(report.files.map((f) => f.code)).toEqual(['TOO_LARGE', 'BOMB']);
    expect(report.files[0]!.message).toBe('照片有 300.0 MB，超过 5 MB 的上限');
    expect(report.files[1]!.message).toContain('压缩炸弹');
    const { report: done } = await commit(app, principal, fileId, report.fileHash);
    expect(done.written).toBe(0);
    expect(photoRows(app)).toEqual(before);
  });

  it('refuses a commit when the ZIP changed since the check', { timeout: 90_000 }, async () => {
    const { app, principal, p, before } = await withOnePhoto();
    const path = join(tempDir(), 'changing.zip');
    await writeZip(path, [{ name: `${p[1]}.jpg`, data: await photo(p[1]!) }]);
    const { report, fileId } = await preview(app, principal, path);
    await writeZip(path, [{ name: `${p[1]}.jpg`, data: await photo(p[1]!, { quality: 60 }) }]);
    const { job } = await commit(app, principal, fileId, report.fileHash);
    expect(job.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('在检查之后被改动过') });
    expect(photoRows(app)).toEqual(before);
  });

  it('a cancelled commit writes nothing', { timeout: 120_000 }, async () => {
    const { app, principal } = await setUpApp();
    const people = addCandidates(app.store, 300, 36);
    const path = join(tempDir(), 'many.zip');
    await writeZip(path, await Promise.all(people.map(async (x) => ({ name: `${x.idNumber}.jpg`, data: await photo(x.idNumber) }))));
    const { report, fileId } = await preview(app, principal, path);
    expect(report.counts.accepted).toBe(300);

    const job = await call<JobInfo>(app, 'photos.importCommit', { fileId, fileHash: report.fileHash, fix: false, replaceExisting: false }, principal);
    await new Promise<void>((resolve) => {
      const watch = (j: JobInfo) => {
        if (j.id !== job.id || j.progress.phase !== '检查照片' || j.progress.done < 20) return;
        app.jobs.off('job', watch);
        void call(app, 'jobs.cancel', { id: job.id }, principal).then(() => resolve());
      };
      app.jobs.on('job', watch);
    });
    const end = await app.jobs.wait(job.id);
    expect(end.state).toBe('cancelled');
    expect(photoRows(app)).toEqual([]);
    expect(app.store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE operation LIKE 'photos.%'").get()).toEqual({ n: 0 });
  });
});

describe('candidates.setPhoto: one photo from the form', () => {
  it('runs the same checks, says why a photo is refused, and replaces only when told to', { timeout: 90_000 }, async () => {
    const { app, principal } = await setUpApp();
    const [person] = addCandidates(app.store, 1, 37);
    const id = (app.store.db.prepare('SELECT id FROM candidates').get() as { id: number }).id;
    const dir = tempDir();
    const upload = async (name: string, data: Buffer) => {
      const path = join(dir, name);
      writeFileSync(path, data);
      return register(app, path);
    };

    const blue = await callError(app, 'candidates.setPhoto', { id, fileId: await upload('blue.jpg', await photo(person!.idNumber, { background: 'blue' })) }, principal);
    expect(blue).toMatchObject({ code: 'BAD_FILE', message: '照片未通过检查：照片底色是蓝底，应为红底', details: { photo: { status: 'refused', code: 'BACKGROUND' } } });
    const big = await callError(app, 'candidates.setPhoto', { id, fileId: await upload('big.jpg', await oversizedJpeg(person!.idNumber)) }, principal);
    expect(big.details).toMatchObject({ photo: { code: 'TOO_LARGE' } });
    const pdf = await callError(app, 'candidates.setPhoto', { id, fileId: await upload('scan.jpg', renamedPdf()) }, principal);
    expect(pdf.details).toMatchObject({ photo: { code: 'NOT_IMAGE' } });
    expect(photoRows(app)).toEqual([]);

    const phone = await upload('phone.jpg', await photo(person!.idNumber, { width: 750, height: 1000 }));
    expect((await callError(app, 'candidates.setPhoto', { id, fileId: phone }, principal)).details).toMatchObject({ photo: { code: 'SIZE' } });
    const first = await call<PhotoFileReport>(app, 'candidates.setPhoto', { id, fileId: phone, fix: true }, principal);
    expect(first).toEqual({ name: 'phone.jpg', id: person!.idNumber, status: 'accepted', code: 'OK', message: '照片合格（已从 750×1000 自动调整为 295×413 像素）', fixed: true });
    const afterFirst = photoRows(app);

    const again = await upload('new.jpg', await photo(person!.idNumber, { quality: 70 }));
    const conflict = await callError(app, 'candidates.setPhoto', { id, fileId: again }, principal);
    expect(conflict).toMatchObject({ code: 'CONFLICT', details: { photo: { code: 'REPLACE_UNCONFIRMED', replaces: true } } });
    expect(photoRows(app)).toEqual(afterFirst);
    expect(await call<PhotoFileReport>(app, 'candidates.setPhoto', { id, fileId: again, replace: true }, principal)).toMatchObject({
      status: 'accepted',
      replaces: true,
      message: '照片合格，已替换原有照片',
    });
    expect(photoRows(app)[0]!.sha256).not.toBe(afterFirst[0]!.sha256);

    const audit = app.store.db.prepare("SELECT before_json FROM audit_log WHERE operation = 'candidates.setPhoto' ORDER BY id").all() as { before_json: string | null }[];
    expect(audit.map((a) => (a.before_json ? JSON.parse(a.before_json).sha256 : null))).toEqual([null, afterFirst[0]!.sha256]);
    const shown = await call<{ dataUrl: string; width: number } | null>(app, 'candidates.photo', { id }, principal);
    expect(shown).toMatchObject({ dataUrl: expect.stringMatching(/^data:image\/jpeg;base64,/), width: 295 });
  });

  it('takes a phone photo stored sideways (413×295, EXIF orientation 6) as the upright 295×413 it shows, and stores it upright', { timeout: 90_000 }, async () => {
    const { app, principal } = await setUpApp();
    const [person] = addCandidates(app.store, 1, 39);
    const id = (app.store.db.prepare('SELECT id FROM candidates').get() as { id: number }).id;
    const path = join(tempDir(), 'IMG_0412.jpg');
    writeFileSync(path, await orientedPhoto(person!.idNumber, 6));
    const report = await call<PhotoFileReport>(app, 'candidates.setPhoto', { id, fileId: register(app, path) }, principal);
    expect(report).toEqual({ name: 'IMG_0412.jpg', id: person!.idNumber, status: 'accepted', code: 'OK', message: '照片合格（已按拍摄方向转正）' });
    const shown = (await call<{ dataUrl: string; width: number; height: number }>(app, 'candidates.photo', { id }, principal))!;
    expect(shown).toMatchObject({ width: 295, height: 413 });
    const bytes = Buffer.from(shown.dataUrl.replace(/^data:image\/jpeg;base64,/, ''), 'base64');
    const meta = await sharp(bytes).metadata();
    expect({ width: meta.width, height: meta.height, orientation: meta.orientation ?? 1 }).toEqual({ width: 295, height: 413, orientation: 1 });
    expect(await pixelDistance(bytes, await photo(person!.idNumber))).toBeLessThan(4);
  });
});
