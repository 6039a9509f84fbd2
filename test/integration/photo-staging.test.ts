import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { PhotoImportReport } from '../../src-shared/api/photos';
import { openAndMigrate } from '../../src-main/core/app-core';
import { stagingDir } from '../../src-main/core/paths';
import { photoCheckJob, photoCommitJob, type PhotoCheckInput } from '../../src-main/core/photos/photo-import-job';
import * as hashing from '../../src-main/pipelines/hash-file';
import * as checks from '../../src-main/pipelines/photos/check-photo';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { writeZip } from '../fixtures/package-fixtures';
import { addCandidates, addPeople } from '../fixtures/candidates';
import { photo } from '../fixtures/photo-fixtures';
import { runJobHere } from '../helpers/run-job';
import { tempDir } from '../helpers/temp-dir';

vi.mock('../../src-main/pipelines/hash-file', async (actual) => {
  const real = await actual<typeof hashing>();
  return { ...real, hashFile: vi.fn(real.hashFile) };
});
vi.mock('../../src-main/pipelines/photos/check-photo', async (actual) => {
  const real = await actual<typeof checks>();
  return { ...real, checkPhoto: vi.fn(real.checkPhoto) };
});

/** The job in this thread (as the worker runs it), so the test can count the photo checks. */
const runJob = (dataDir: string, input: Omit<PhotoCheckInput, 'fileName'> & { commitHash?: string }): Promise<PhotoImportReport & { written?: number }> => {
  const { commitHash, ...check } = input;
  return commitHash
    ? runJobHere(photoCommitJob, dataDir, { ...check, fileName: 'photos.zip', commitHash })
    : runJobHere(photoCheckJob, dataDir, { ...check, fileName: 'photos.zip' });
};

async function setUp(candidates: number, photos: string[]) {
  const dataDir = tempDir();
  const store = await openAndMigrate(dataDir);
  const people = addCandidates(store, candidates, 41);
  const path = join(tempDir(), 'photos.zip');
  await writeZip(path, await Promise.all(photos.map(async (id) => ({ name: `${id}.jpg`, data: await photo(id) }))));
  return { dataDir, store, people, path, hash: await hashing.hashFile(path) };
}

const checked = () => vi.mocked(checks.checkPhoto).mock.calls.length;
const hashed = () => vi.mocked(hashing.hashFile).mock.calls.length;
const photoCount = (s: Awaited<ReturnType<typeof openAndMigrate>>) => (s.db.prepare('SELECT count(*) AS n FROM candidate_photos').get() as { n: number }).n;

describe('a commit right after the check', () => {
  it('takes the checked photos instead of decoding them again, and removes its work file', async () => {
    const ids = fakePeople(3, 41).map((p) => p.idNumber);
    const { dataDir, store, path, hash } = await setUp(3, ids);
    const before = checked();
    const preview = await runJob(dataDir, { path, fix: false, replaceExisting: null });
    expect(preview.counts.accepted).toBe(3);
    expect(checked() - before).toBe(3);
    expect(readdirSync(stagingDir(dataDir))).toHaveLength(1);
    expect(photoCount(store)).toBe(0);

    const hashesBefore = hashed();
    const done = await runJob(dataDir, { path, fix: false, replaceExisting: false, commitHash: hash });
    expect(checked() - before).toBe(3);
    // The same file, untouched since its check: its recorded hash stands, the ZIP is not read again.
    expect(hashed() - hashesBefore).toBe(0);
    expect(done.fileHash).toBe(hash);
    expect(done.written).toBe(3);
    expect(done.files).toEqual(preview.files);
    expect(photoCount(store)).toBe(3);
    expect(readdirSync(stagingDir(dataDir))).toEqual([]);
    store.close();
  });

  it('checks afresh when the store moved since the check: a candidate added is matched, not refused', async () => {
    const everyone = fakePeople(3, 41).map((p) => p.idNumber);
    const { dataDir, store, path, hash } = await setUp(2, everyone);
    const preview = await runJob(dataDir, { path, fix: false, replaceExisting: null });
    expect(preview.counts).toMatchObject({ accepted: 2, refused: 1 });
    expect(preview.files.find((f) => f.id === everyone[2])?.code).toBe('NO_CANDIDATE');

    addPeople(store, [fakePeople(3, 41)[2]!]);
    const before = checked();
    const done = await runJob(dataDir, { path, fix: false, replaceExisting: false, commitHash: hash });
    expect(checked() - before).toBe(3);
    expect(done.written).toBe(3);
    expect(photoCount(store)).toBe(3);
    store.close();
  });

  it('checks afresh for another auto-fix choice, and after a check that never finished', async () => {
    const ids = fakePeople(2, 41).map((p) => p.idNumber);
    const { dataDir, store, path, hash } = await setUp(2, ids);
    await runJob(dataDir, { path, fix: false, replaceExisting: null });
    let before = checked();
    expect((await runJob(dataDir, { path, fix: true, replaceExisting: false, commitHash: hash })).written).toBe(2);
    expect(checked() - before).toBe(2);

    // A check cut short leaves a file without its outcomes: the commit does not trust it.
    store.db.exec('DELETE FROM candidate_photos');
    await runJob(dataDir, { path, fix: false, replaceExisting: null });
    const [file] = readdirSync(stagingDir(dataDir));
    const work = new Database(join(stagingDir(dataDir), file!));
    work.exec('DELETE FROM checked');
    work.close();
    before = checked();
    expect((await runJob(dataDir, { path, fix: false, replaceExisting: false, commitHash: hash })).written).toBe(2);
    expect(checked() - before).toBe(2);
    expect(existsSync(join(stagingDir(dataDir), file!))).toBe(false);
    store.close();
  });

  it('hashes the ZIP again when it was written to since the check, and takes the check only for the same bytes', async () => {
    const ids = fakePeople(2, 41).map((p) => p.idNumber);
    const { dataDir, store, path, hash } = await setUp(2, ids);
    await runJob(dataDir, { path, fix: false, replaceExisting: null });
    // Rewritten with the very same bytes: a new change time, so the commit cannot trust the recorded hash.
    writeFileSync(path, readFileSync(path));
    let before = [checked(), hashed()];
    expect((await runJob(dataDir, { path, fix: false, replaceExisting: false, commitHash: hash })).written).toBe(2);
    expect([checked() - before[0]!, hashed() - before[1]!]).toEqual([0, 1]);

    // Other bytes under the same name: refused before anything is written.
    store.db.exec('DELETE FROM candidate_photos');
    await runJob(dataDir, { path, fix: false, replaceExisting: null });
    const other = join(tempDir(), 'other.zip');
    await writeZip(other, [{ name: `${ids[0]}.jpg`, data: await photo(ids[0]!) }]);
    writeFileSync(path, readFileSync(other));
    before = [checked(), hashed()];
    await expect(runJob(dataDir, { path, fix: false, replaceExisting: false, commitHash: hash })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(hashed() - before[1]!).toBe(1);
    expect(photoCount(store)).toBe(0);
    store.close();
  });
});
