import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CandidatePage, CandidateRow } from '../../src-shared/api/candidates';
import type { JobInfo } from '../../src-shared/api/jobs';
import type { ImportResult, PackagePreview } from '../../src-shared/api/packages';
import type { AppCore } from '../../src-main/core/app-core';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { readPackage } from '../../src-main/pipelines/packages/read-package';
import { answerPackage, readOutbound } from '../tools/platform/answer-package';
import { openPlatform } from '../tools/platform/platform';
import { zipEntries } from '../fixtures/package-fixtures';
import { call, callError, setUpApp, callJob } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };

/** Candidates straight through the form, and a photo row for some (the photo pipeline has its own tests). */
async function seedCandidates(app: AppCore, session: string, n: number, withPhoto: (i: number) => boolean): Promise<CandidateRow[]> {
  const rows: CandidateRow[] = [];
  for (const [i, p] of fakePeople(n, 31).entries()) {
    const row = await call<CandidateRow>(
      app,
      'candidates.create',
      { kind: 'school', name: p.name, idNumber: p.idNumber, phone: p.phone, major: p.major, majorLevel: p.majorLevel, entryYear: p.entryYear },
      session,
    );
    if (withPhoto(i))
      app.store.db
        .prepare(
          "INSERT INTO candidate_photos (candidate_id, data, format, width, height, size, sha256, background, updated_at) VALUES (?, ?, 'jpeg', 295, 413, 4, 'x', 'red', 'now')",
        )
        .run(row.id, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
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

    const coordinatorSession = await (async () => {
      await call(app, 'users.create', { username: 'zhangwei', displayName: '张伟', role: 'coordinator', password: 'staff-pass-1' }, principal);
      return (await call<{ sessionToken: string }>(app, 'auth.login', { username: 'zhangwei', password: 'staff-pass-1' })).sessionToken;
    })();
    const confirmed = await call<CandidateRow>(app, 'realname.confirm', { id: noPhoto.id }, coordinatorSession);
    expect(confirmed.realnameStatus).toBe('confirmed');
    expect(confirmed.missing).toEqual(['照片']);
    const audit = app.store.db.prepare("SELECT actor, before_json FROM audit_log WHERE operation = 'realname.confirm'").get() as { actor: string; before_json: string };
    expect(audit.actor).toBe('zhangwei');
    expect(JSON.parse(audit.before_json).reason).toBe('未提交照片，无法完成人脸核身');
    expect((await callError(app, 'realname.confirm', { id: noPhoto.id }, coordinatorSession)).code).toBe('STATE');

    // The same results again change nothing, and never undo the confirmation.
    const again = await importFile(app, principal, replyPath);
    expect(again.applied).toBe(false);
    expect((await call<CandidateRow>(app, 'candidates.get', { id: noPhoto.id }, principal)).realnameStatus).toBe('confirmed');
  });
});
