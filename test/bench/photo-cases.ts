import { createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import sharp from 'sharp';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { openAndMigrate } from '../../src-main/core/app-core';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { generatePhoto } from '../../src-main/core/demo/photo-generator';
import { photoCheckJob, photoCommitJob } from '../../src-main/core/photos/photo-import-job';
import { boundedQueue } from '../../src-main/pipelines/photos/bounded-queue';
import { frameAverage } from '../../src-main/pipelines/photos/border-colour';
import { CHECKS_AT_ONCE, PIXEL_LIMIT } from '../../src-main/pipelines/photos/check-photo';
import { FileWindows } from '../../src-main/pipelines/zip/file-windows';
import { addCandidates } from '../fixtures/candidates';
import { runJobHere } from '../helpers/run-job';
import type { BenchCase } from './harness';

const COUNT = 10_000;
const SEED = 10_001;
// Bump the version when the generator changes, so a stale cached ZIP is not measured.
const CACHE = join(import.meta.dirname, '../../.tmp/bench');
const ZIP = join(CACHE, `photos-${COUNT}-v1.zip`);

/** 10,000 distinct red 证件照 as a school would zip them (one folder, deflated), made once. */
async function ensureZip(): Promise<string> {
  if (existsSync(ZIP)) return ZIP;
  mkdirSync(CACHE, { recursive: true });
  const zip = new yazl.ZipFile();
  const partial = `${ZIP}.partial`;
  const written = new Promise<void>((resolve, reject) => zip.outputStream.pipe(createWriteStream(partial)).on('close', resolve).on('error', reject));
  const queue = boundedQueue(4);
  for (const p of fakePeople(COUNT, SEED)) await queue.add(async () => zip.addBuffer(await generatePhoto(p.idNumber), `2026级考生照片/${p.idNumber}.jpg`));
  await queue.drain();
  zip.end();
  await written;
  renameSync(partial, ZIP);
  return ZIP;
}

interface State {
  dir: string;
  path: string;
}

async function withCandidates(): Promise<State> {
  const path = await ensureZip();
  const dir = mkdtempSync(join(tmpdir(), 'examsite-bench-'));
  const store = await openAndMigrate(dir);
  addCandidates(store, COUNT, SEED);
  store.close();
  return { dir, path };
}

/**
 * The libraries' own work as DESIGN.md §6 names it — unzip, then sharp's read of the header and
 * of the border of each photo — done the fast way: yauzl walking the directory, zlib inflating
 * every entry on the calling thread, sharp's header read (`metadata`, with the pixel limit) and
 * one decode for the border average, as many at a time as the check runs. Reads go through the
 * same `FileWindows` as safe-zip (a few 1 MB reads instead of yauzl's small read and stream per
 * entry, which cost ~1 s of CPU per 1,000 entries and queued behind the decodes). The check
 * itself skips sharp's header read when its own reading of the JPEG/PNG header already shows
 * 295×413 (`headerSize`): that saving is ours, and the ratio counts it.
 */
async function unzipAndRead(path: string): Promise<number> {
  const queue = boundedQueue(CHECKS_AT_ONCE);
  let read = 0;
  const file = await FileWindows.open(path);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromRandomAccessReader(file, file.size, { lazyEntries: true }, (e, z) => (e || !z ? reject(e) : resolve(z))),
  );
  await new Promise<void>((resolve, reject) => {
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.on('entry', (entry: yauzl.Entry) => {
      void (async () => {
        const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
        const stored = await file.bytes(fileDataStart, entry.compressedSize);
        const bytes = entry.compressionMethod === 8 ? inflateRawSync(stored) : stored;
        await queue.add(async () => {
          const header = await sharp(bytes, { limitInputPixels: PIXEL_LIMIT }).metadata();
          if (!header.width) throw new Error('a photo without a size');
          const { data, info } = await sharp(bytes, { limitInputPixels: PIXEL_LIMIT }).raw().toBuffer({ resolveWithObject: true });
          frameAverage(data, info.width, info.height, info.channels);
          read++;
        });
        zip.readEntry();
      })().catch(reject);
    });
    zip.readEntry();
  });
  await queue.drain();
  return read;
}

export const photoCases: BenchCase[] = [
  {
    name: 'photos: unzip + sharp header and border read of each, 10,000',
    runs: 5,
    setup: ensureZip,
    run: async (path) => {
      const read = await unzipAndRead(path as string);
      if (read !== COUNT) throw new Error(`read ${read} photos, expected ${COUNT}`);
    },
  },
  {
    name: 'photos: check and commit a ZIP of 10,000 photos',
    baseline: 'photos: unzip + sharp header and border read of each, 10,000',
    targetRatio: 1.3,
    budgetMs: 20_000,
    runs: 5,
    setup: withCandidates,
    // The user's whole flow, in this thread (a worker adds only its start-up): the check that
    // shows the report, then the commit, which takes the checked photos in one transaction.
    run: async (state) => {
      const { dir, path } = state as State;
      const checked = await runJobHere(photoCheckJob, dir, { path, fileName: 'photos.zip', fix: false, replaceExisting: null });
      if (checked.counts.accepted !== COUNT) throw new Error(`accepted ${checked.counts.accepted} photos, expected ${COUNT}`);
      const report = await runJobHere(photoCommitJob, dir, { path, fileName: 'photos.zip', fix: false, commitHash: checked.fileHash, replaceExisting: false });
      if (report.written !== COUNT) throw new Error(`wrote ${report.written} photos, expected ${COUNT}: ${JSON.stringify(report.counts)}`);
    },
    teardown: (state) => rmSync((state as State).dir, { recursive: true, force: true }),
  },
];
