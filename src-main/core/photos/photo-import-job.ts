import { createHash } from 'node:crypto';
import type { PhotoCommitReport, PhotoFileReport, PhotoImportReport } from '../../../src-shared/api/photos';
import { PHOTO_RULES } from '../../../src-shared/api/photos';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { AppError } from '../../../src-shared/errors';
import { defineJob } from '../../jobs/define-job';
import type { JobContext } from '../../jobs/job-context';
import { fileIdentity, hashFile } from '../../pipelines/hash-file';
import { boundedQueue } from '../../pipelines/photos/bounded-queue';
import { CHECKS_AT_ONCE, checkPhoto, tooLargeMessage } from '../../pipelines/photos/check-photo';
import { describeSize, walkZip, type ZipLimits } from '../../pipelines/zip/safe-zip';
import { insertAudit } from '../audit/audit-log';
import { photoRows } from './photo-audit-rows';
import { planEntries, type ListedEntry, type PlannedEntry } from './photo-plan';
import { candidatesByIdNumber } from './photo-store';
import { PhotoStaging, type PhotoOutcome } from './photo-staging';

export interface PhotoCheckInput {
  path: string;
  fileName: string;
  /** Resize/crop wrong-sized photos to 295×413 instead of refusing them. */
  fix: boolean;
  /**
   * Photos for candidates who already have one: null while nobody has decided (the check marks
   * them `replaces` and the page asks), true to replace them, false to leave them out.
   */
  replaceExisting: boolean | null;
}

export interface PhotoCommitInput extends PhotoCheckInput {
  /** The hash the check saw: the commit refuses a changed file. */
  commitHash: string;
}

type PhotoImportInput = PhotoCheckInput & { commitHash?: string };

/**
 * Every entry is at most one photo (5 MB); the total is bounded all the same, so a ZIP of many
 * honest-looking entries cannot keep the worker inflating for hours.
 */
export const PHOTO_ZIP_LIMITS: ZipLimits = { maxEntries: 50_000, maxEntryBytes: PHOTO_RULES.maxBytes, maxTotalBytes: 4 * 1024 * 1024 * 1024 };
/** Photos are compressed already: an entry deflated this much better is no photo. */
const MAX_RATIO = 20;
const RATIO_FLOOR = 1024 * 1024;

/** 批量导入考生照片, the check: every photo judged, the accepted ones staged for the commit; nothing written. */
export const photoCheckJob = defineJob<PhotoCheckInput, PhotoImportReport>('photo-import-check', (ctx, input) => importPhotos(ctx, input));

/** The commit: the accepted photos written in one transaction with their audit entries. */
export const photoCommitJob = defineJob<PhotoCommitInput, PhotoCommitReport>('photo-import-commit', async (ctx, input) => {
  const report = await importPhotos(ctx, input);
  return { ...report, written: report.written ?? 0 };
});

/**
 * List the ZIP → decide what names alone decide → check each photo (several at a time), staging
 * the accepted ones → the per-file report, or (with `commitHash`) write the accepted photos. A
 * cancel or a crash writes nothing.
 */
async function importPhotos(ctx: JobContext, input: PhotoImportInput): Promise<PhotoImportReport & { written?: number }> {
  const label = `压缩包“${input.fileName}”`;
  ctx.progress('读取压缩包', 0, 1);
  const store = ctx.store();
  const identity = identityOf(input.path);
  // A commit of the very file its check read, unchanged on disk since, takes the hash that check
  // recorded. Otherwise the file is hashed while the names are listed and the photos checked, on
  // the core they leave idle; a commit compares it with what its check saw before it writes, and
  // before any other refusal.
  const recorded = input.commitHash ? PhotoStaging.recordedHash(store, ctx.dataDir, identity) : null;
  const hashing = recorded !== null && recorded === input.commitHash ? Promise.resolve(recorded) : hashFile(input.path);
  hashing.catch(() => undefined);
  const verifiedHash = async (): Promise<string> => {
    const hash = await hashing;
    if (input.commitHash && input.commitHash !== hash) throw new AppError('CONFLICT', `${label}在检查之后被改动过，请重新检查后再导入。`, { file: input.fileName });
    return hash;
  };
  const hashFirst = async (e: unknown): Promise<never> => {
    await verifiedHash();
    throw e;
  };
  const entries = await listEntries(input.path, label).catch(hashFirst);
  ctx.throwIfCancelled();

  const plan = planEntries(entries, candidatesByIdNumber(store), institutionDate(ctx.now()));
  const planKey = createHash('sha256').update(JSON.stringify(plan)).digest('hex');
  // A commit right after the user's check takes that check's photos instead of decoding them again.
  const reused = input.commitHash ? PhotoStaging.reuse(store, ctx.dataDir, input.commitHash, input.fix, planKey) : null;
  const staging = reused?.staging ?? PhotoStaging.create(store, ctx.dataDir);
  try {
    let outcomes = reused?.outcomes;
    if (outcomes) ctx.progress('检查照片', plan.length, plan.length);
    else outcomes = await checkEntries(ctx, input, label, plan, staging).catch(hashFirst);
    const fileHash = await verifiedHash();
    // The identity the check saw throughout: a file written to while it was read is hashed anew.
    if (!reused) staging.finish(fileHash, identityOf(input.path) === identity ? identity : '', input.fix, planKey, outcomes);
    // A commit decides replacements: undecided means not replaced.
    const replace = input.commitHash ? input.replaceExisting === true : input.replaceExisting;
    const files = plan.map((p, i) => p.decided ?? judged(p, outcomes[i]!, replace));
    const report: PhotoImportReport = { fileName: input.fileName, fileHash, files, counts: countFiles(files) };
    if (!input.commitHash) return report;

    const now = ctx.now();
    const written = store.tx(() => {
      const result = staging.commit(now.toISOString(), replace === true, (done, total) => {
        ctx.throwIfCancelled();
        ctx.progress('写入', done, total);
      });
      insertAudit(
        store,
        ctx.actor,
        {
          operation: 'photos.import',
          entityType: 'photo-import',
          entityId: input.fileName,
          after: {
            file: input.fileName,
            fileHash,
            fix: input.fix,
            replaceExisting: input.replaceExisting,
            counts: report.counts,
            written: result.written,
            replaced: result.replaced.length,
            changes: photoRows(plan, files, result.replaced),
          },
        },
        now,
      );
      return result.written;
    });
    staging.remove();
    return { ...report, written };
  } finally {
    staging.detach();
  }
}

/** `fileIdentity`, or '' (never equal to a recorded one) when the file cannot be read: the hash then says why. */
function identityOf(path: string): string {
  try {
    return fileIdentity(path);
  } catch {
    return '';
  }
}

/** The entries' names and sizes from the central directory, nothing inflated yet. */
async function listEntries(path: string, label: string): Promise<ListedEntry[]> {
  const entries: ListedEntry[] = [];
  await walkZip(path, label, PHOTO_ZIP_LIMITS, (e) => {
    if (!e.isDirectory) entries.push({ name: e.name, declaredSize: e.declaredSize, compressedSize: e.compressedSize });
  });
  return entries;
}

/** One checked photo's line of the report, once replacing existing photos is decided (or not yet: null). */
function judged(planned: Extract<PlannedEntry, { decided: null }>, outcome: PhotoOutcome, replace: boolean | null): PhotoFileReport {
  const base = { name: planned.entry.name, id: planned.id };
  if (!outcome.ok) return { ...base, status: 'refused', code: outcome.code, message: outcome.message };
  const fixed = outcome.fixed ? { fixed: true } : {};
  if (!planned.candidate.hasPhoto) return { ...base, status: 'accepted', code: 'OK', message: outcome.message, ...fixed };
  if (replace === false)
    return {
      ...base,
      status: 'refused',
      code: 'REPLACE_UNCONFIRMED',
      message: '该考生已有照片；替换已有照片需要确认（选择“替换已有照片”后再导入），本张未导入',
      replaces: true,
      ...fixed,
    };
  const note = replace ? '，将替换该考生原有的照片' : '；该考生已有照片，导入时需确认替换';
  return { ...base, status: 'accepted', code: 'OK', message: `${outcome.message}${note}`, replaces: true, ...fixed };
}

/** Checks every photo the names left open (`CHECKS_AT_ONCE` at a time) and stages the accepted ones. */
async function checkEntries(ctx: JobContext, input: PhotoImportInput, label: string, plan: PlannedEntry[], staging: PhotoStaging): Promise<(PhotoOutcome | null)[]> {
  // Filled in as the checks finish, in any order; each keeps its entry's place.
  const outcomes: (PhotoOutcome | null)[] = plan.map(() => null);
  const total = plan.length;
  let done = plan.filter((p) => p.decided).length;
  ctx.progress('检查照片', done, total);
  const queue = boundedQueue(CHECKS_AT_ONCE);
  let index = 0;
  // The same walk order as `listEntries`, so entry i here is plan[i].
  const walk = walkZip(input.path, label, PHOTO_ZIP_LIMITS, async (entry) => {
    if (entry.isDirectory) return;
    const i = index++;
    const planned = plan[i];
    if (planned?.entry.name !== entry.name) throw new AppError('CONFLICT', `${label}在检查过程中被改动过，请重新选择文件。`, { file: input.fileName });
    if (planned.decided) return;
    ctx.throwIfCancelled();
    const finish = (outcome: PhotoOutcome) => {
      outcomes[i] = outcome;
      ctx.progress('检查照片', ++done, total);
    };
    if (entry.declaredSize > PHOTO_RULES.maxBytes) return finish({ ok: false, code: 'TOO_LARGE', message: tooLargeMessage(entry.declaredSize) });
    if (entry.declaredSize > RATIO_FLOOR && entry.declaredSize > entry.compressedSize * MAX_RATIO)
      return finish({
        ok: false,
        code: 'BOMB',
        message: `压缩比异常（${describeSize(entry.compressedSize)} 解压后成为 ${describeSize(entry.declaredSize)}），不可能是照片，可能是“压缩炸弹”，未解压`,
      });
    const bytes = await entry.read();
    await queue.add(async () => {
      const checked = await checkPhoto(bytes, { fix: input.fix });
      if (!checked.ok) return finish({ ok: false, code: checked.code, message: checked.message });
      staging.add(planned.candidate.id, entry.name, checked.photo, planned.candidate.hasPhoto);
      finish({ ok: true, message: checked.message, fixed: checked.fixed });
    });
  });
  // A walk stopped by a cancel or a broken entry still lets the checks in flight settle first.
  await walk.catch(async (e: unknown) => {
    await queue.drain().catch(() => undefined);
    throw e;
  });
  await queue.drain();
  ctx.throwIfCancelled();
  plan.forEach((p, i) => {
    if (!p.decided && !outcomes[i]) throw new Error(`photo import: no verdict for entry ${i}`);
  });
  return outcomes;
}

function countFiles(files: PhotoFileReport[]): PhotoImportReport['counts'] {
  const counts = { accepted: 0, refused: 0, ignored: 0, replacing: 0 };
  for (const f of files) {
    counts[f.status]++;
    if (f.status === 'accepted' && f.replaces) counts.replacing++;
  }
  return counts;
}
