import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CandidatePage, CandidateRow } from '../../src-shared/api/candidates';
import type { JobInfo } from '../../src-shared/api/jobs';
import type { ImportResult, PackagePreview } from '../../src-shared/api/packages';
import type { AppCore } from '../../src-main/core/app-core';
import { dispatch } from '../../src-main/core/dispatch';
import { missingAfterConfirm, missingForEnrollment, realnameConfirmRefusal } from '../../src-shared/domain/candidate';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { readPackage } from '../../src-main/pipelines/packages/read-package';
import { answerPackage, readOutbound } from '../tools/platform/answer-package';
import { openPlatform } from '../tools/platform/platform';
import { zipEntries } from '../fixtures/package-fixtures';
import { addUser, auditCount, call, callError, callJob, setUpApp } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };

/** A photo row (the photo pipeline has its own tests). */
function addPhoto(app: AppCore, candidateId: number): void {
  app.store.db
    .prepare("INSERT INTO candidate_photos (candidate_id, data, format, width, height, size, sha256, background, updated_at) VALUES (?, ?, 'jpeg', 295, 413, 4, 'x', 'red', 'now')")
    .run(candidateId, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
}

/** Candidates straight through the form, and a photo row for some. */
async function seedCandidates(app: AppCore, session: string, n: number, withPhoto: (i: number) => boolean): Promise<CandidateRow[]> {
  const rows: CandidateRow[] = [];
  for (const [i, p] of fakePeople(n, 31).entries()) {
    const row = await call<CandidateRow>(
      app,
      'candidates.create',
      { kind: 'school', name: p.name, idNumber: p.idNumber, phone: p.phone, major: p.major, majorLevel: p.majorLevel, entryYear: p.entryYear },
      session,
    );
    if (withPhoto(i)) addPhoto(app, row.id);
    rows.push(row);
  }
  return rows;
}

async function importFile(app: AppCore, session: string, path: string): Promise<ImportResult> {
  const fileId = app.files.register(path, 'reply.zip', ACTOR).fileId;
  const preview = await callJob<PackagePreview>(app, 'packages.inspect', { fileId }, session);
  return callJob<ImportResult>(app, 'packages.import', { fileId, fileHash: preview.fileHash }, session);
}

describe('candidates to the platform and their real-name results back', () => {
  it('sends only complete candidates unless asked, in the platform templates with photos as 身份证号.jpg', async () => {
    const { app, principal } = await setUpApp();
    await seedCandidates(app, principal, 3, (i) => i < 2);
    // Nobody is verified yet: nobody is complete.
    const refused = await app.jobs.wait((await call<JobInfo>(app, 'packages.export', { kinds: ['candidates'] }, principal)).id);
    expect(refused.state).toBe('failed');
    expect(refused.error?.message).toContain('没有信息完整的考生');

    const done = await app.jobs.wait((await call<JobInfo>(app, 'packages.export', { kinds: ['candidates'], includeIncomplete: true }, principal)).id);
    expect(done.state).toBe('done');
    const path = (done.result as { path: string }).path;
    const pkg = await readPackage(path, 'out.zip', { institutionCode: '4137014320', trustedKeys: [], allowUnsigned: true, direction: 'out' });
    const payload = pkg.payloads.candidates as { candidates: { idNumber: string; photo: string | null }[] };
    expect(payload.candidates).toHaveLength(3);
    expect(payload.candidates.filter((c) => c.photo).map((c) => c.photo)).toEqual(payload.candidates.slice(0, 2).map((c) => `${c.idNumber}.jpg`));
    expect([...pkg.extraFiles.keys()].sort()).toEqual(['candidates/考生照片.zip', 'candidates/院校考生.xlsx', 'summary.xlsx']);
    const dir = tempDir();
    const photoZip = join(dir, 'photos.zip');
    (await import('node:fs')).writeFileSync(photoZip, pkg.extraFiles.get('candidates/考生照片.zip')!);
    expect((await zipEntries(photoZip)).map((e) => e.name)).toEqual(payload.candidates.slice(0, 2).map((c) => `${c.idNumber}.jpg`));
  });

  it('imports the results, lists the failures with the reason, and lets a coordinator confirm them for good', async () => {
    const { app, principal } = await setUpApp();
    const platform = openPlatform({ keysDir: tempDir() });
    await call(app, 'settings.update', { platformPublicKeys: [platform.keys.publicPem] }, principal);
    const people = await seedCandidates(app, principal, 6, (i) => i !== 0);

    const exported = await app.jobs.wait((await call<JobInfo>(app, 'packages.export', { kinds: ['candidates'], includeIncomplete: true }, principal)).id);
    const outPath = (exported.result as { path: string }).path;
    const replyPath = join(tempDir(), 'reply.zip');
    const answered = await answerPackage(platform, await readOutbound(outPath, 'out.zip'), replyPath);
    expect(answered.answer.answered).toEqual(['candidates']);

    const result = await importFile(app, principal, replyPath);
    expect(result.applied).toBe(true);
    const failed = await call<CandidatePage>(app, 'candidates.list', { kind: 'school', realnameStatus: 'failed' }, principal);
    expect(failed.rows.map((r) => r.idNumber)).toContain(people[0]!.idNumber);
    const noPhoto = failed.rows.find((r) => r.idNumber === people[0]!.idNumber)!;
    expect(noPhoto.realnameReason).toBe('未提交照片，无法完成人脸核身');
    expect(noPhoto.missing).toContain('实名认证失败待确认');
    const verified = await call<CandidatePage>(app, 'candidates.list', { kind: 'school', realnameStatus: 'verified' }, principal);
    expect(verified.total + failed.total).toBe(6);

    const coordinatorSession = await addUser(app, principal, 'zhangwei', 'coordinator');
    // 人工确认 compares the photo with the person: without one it is refused, and nothing changes.
    const before = auditCount(app);
    expect(await callError(app, 'realname.confirm', { id: noPhoto.id }, coordinatorSession)).toMatchObject({
      code: 'STATE',
      message: `考生“${noPhoto.name}”还没有照片。人工确认要核对照片确属本人，请先上传照片再人工确认。`,
    });
    expect((await call<CandidateRow>(app, 'candidates.get', { id: noPhoto.id }, principal)).realnameStatus).toBe('failed');
    expect(auditCount(app)).toBe(before);
    addPhoto(app, noPhoto.id);
    const confirmed = await call<CandidateRow>(app, 'realname.confirm', { id: noPhoto.id }, coordinatorSession);
    expect(confirmed.realnameStatus).toBe('confirmed');
    expect(confirmed.missing).toEqual([]);
    const audit = app.store.db.prepare("SELECT actor, before_json FROM audit_log WHERE operation = 'realname.confirm'").get() as { actor: string; before_json: string };
    expect(audit.actor).toBe('zhangwei');
    expect(JSON.parse(audit.before_json).reason).toBe('未提交照片，无法完成人脸核身');
    expect((await callError(app, 'realname.confirm', { id: noPhoto.id }, coordinatorSession)).code).toBe('STATE');

    // The same results again change nothing, and never undo the confirmation.
    const again = await importFile(app, principal, replyPath);
    expect(again.applied).toBe(false);
    expect((await call<CandidateRow>(app, 'candidates.get', { id: noPhoto.id }, principal)).realnameStatus).toBe('confirmed');
  });

  it('人工确认 on any candidate: refused without a photo or when already passed; else confirmed, missing exactly what the dialog said beforehand', async () => {
    const { app, principal } = await setUpApp();
    const insert = app.store.db.prepare(
      "INSERT INTO candidates (kind, name, name_pinyin, id_number, phone, major, major_level, entry_year, realname_status, created_at, updated_at) VALUES (?, '张伟', ?, ?, ?, ?, ?, ?, ?, 'now', 'now')",
    );
    const maybe = <T>(v: fc.Arbitrary<T>) => fc.option(v, { nil: null });
    let n = 0;
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          kind: fc.constantFrom('school' as const, 'social' as const),
          namePinyin: fc.constantFrom('', 'zhang wei'),
          phone: maybe(fc.constant('13805351234')),
          major: maybe(fc.constant('物流管理')),
          majorLevel: maybe(fc.constant('高职专科')),
          entryYear: maybe(fc.constant(2025)),
          hasPhoto: fc.boolean(),
          realnameStatus: fc.constantFrom('unverified' as const, 'verified' as const, 'failed' as const, 'confirmed' as const),
        }),
        async (c) => {
          n++;
          const id = Number(insert.run(c.kind, c.namePinyin, String(n).padStart(18, '0'), c.phone, c.major, c.majorLevel, c.entryYear, c.realnameStatus).lastInsertRowid);
          if (c.hasPhoto) addPhoto(app, id);
          const shown = await call<CandidateRow>(app, 'candidates.get', { id }, principal);
          const refusal = realnameConfirmRefusal(shown);
          const promised = missingAfterConfirm(shown);
          const r = await dispatch(app, 'realname.confirm', { id }, principal);
          if (refusal) {
            outcomes.add(c.hasPhoto ? 'passed' : 'no photo');
            expect(r).toMatchObject({ ok: false, error: { code: 'STATE', message: refusal } });
            expect((await call<CandidateRow>(app, 'candidates.get', { id }, principal)).realnameStatus).toBe(c.realnameStatus);
            expect(c.hasPhoto && (c.realnameStatus === 'unverified' || c.realnameStatus === 'failed')).toBe(false);
          } else {
            outcomes.add(promised.length ? 'confirmed, still missing' : 'confirmed, can enroll');
            expect(c.hasPhoto).toBe(true);
            const after = (r as { ok: true; data: CandidateRow }).data;
            expect(after.realnameStatus).toBe('confirmed');
            expect(after.missing).toEqual(promised);
            expect(after.missing).toEqual(missingForEnrollment(after));
          }
        },
      ),
      { numRuns: 80 },
    );
    expect([...outcomes].sort()).toEqual(['confirmed, can enroll', 'confirmed, still missing', 'no photo', 'passed']);
  });
});
