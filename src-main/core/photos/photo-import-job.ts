import type { PhotoFileReport, PhotoImportReport } from '../../../src-shared/api/photos';
import { PHOTO_RULES } from '../../../src-shared/api/photos';
import { beijingDate } from '../../../src-shared/domain/plan-phase';
import { AppError } from '../../../src-shared/errors';
import type { JobContext, JobHandler } from '../../jobs/job-context';
import { hashFile } from '../../pipelines/hash-file';
import { boundedQueue } from '../../pipelines/photos/bounded-queue';
import { checkPhoto, tooLargeMessage } from '../../pipelines/photos/check-photo';
import { describeSize, walkZip, type ZipLimits } from '../../pipelines/zip/safe-zip';
import { insertAudit } from '../audit/audit-log';
import { planEntries, type ListedEntry, type PlannedEntry } from './photo-plan';
import { candidatesByIdNumber, PhotoStaging } from './photo-store';

export interface PhotoImportInput {
  path: string;
  fileName: string;
  /** Resize/crop wrong-sized photos to 295×413 instead of refusing them. */
  fix: boolean;
  /** Absent: check only. Present: the hash the check saw; the commit refuses a changed file. */
  commitHash?: string;
  /**
   * Photos for candidates who already have one: null while nobody has decided (the check marks
   * them `replaces` and the page asks), true to replace them, false to leave them out.
   */
  replaceExisting: boolean | null;
}

/**
 * Every entry is at most one photo (5 MB); the total is bounded all the same, so a ZIP of many
 * honest-looking entries cannot keep the worker inflating for hours.
 */
export const PHOTO_ZIP_LIMITS: ZipLimits = { maxEntries: 50_000, maxEntryBytes: PHOTO_RULES.maxBytes, maxTotalBytes: 4 * 1024 * 1024 * 1024 };
/** Photos are compressed already: an entry deflated this much better is no photo. */
const MAX_RATIO = 20;
const RATIO_FLOOR = 1024 * 1024;
/** Photo checks in flight: 4 keeps 2 cores busy (TOOLCHAIN.md). */
const CHECKS_AT_ONCE = 4;

/**
 * 批量导入考生照片: list the ZIP → decide what names alone decide → check each photo (4 at a
 * time) → the per-file report, or (with `commitHash`) write the accepted photos in one
 * transaction with their audit entries. A cancel or a crash writes nothing.
 */
export const photoImportJob: JobHandler = async (ctx, raw) => {
  const input = raw as PhotoImportInput;
  const label = `压缩包“${input.fileName}”`;
  ctx.progress('读取压缩包', 0, 1);
  const fileHash = await hashFile(input.path);
  if (input.commitHash && input.commitHash !== fileHash) throw new AppError('CONFLICT', `${label}在检查之后被改动过，请重新检查后再导入。`, { file: input.fileName });
  const entries = await listEntries(input.path, label);
  ctx.throwIfCancelled();

  const store = ctx.store();
  const plan = planEntries(entries, candidatesByIdNumber(store), beijingDate(ctx.now()));
  const staging = input.commitHash ? new PhotoStaging(store) : null;
  const files = await checkEntries(ctx, input, label, plan, staging);
  const report: PhotoImportReport = { fileName: input.fileName, fileHash, files, counts: countFiles(files) };
  if (!staging) return report;

  const now = ctx.now();
  const stamp = now.toISOString();
  const mayReplace = new Set(plan.flatMap((p, i) => (p.decided === null && files[i]!.status === 'accepted' && files[i]!.replaces ? [p.candidate.id] : [])));
  const written = store.tx(() => {
    const result = staging.commit(stamp, mayReplace, (done, total) => {
      ctx.throwIfCancelled();
      ctx.progress('写入', done, total);
    });
    for (const r of result.replaced)
      insertAudit(store, ctx.actor, { operation: 'photos.replace', entityType: 'candidate', entityId: r.candidateId, before: r.before, after: { ...r.after, file: staging.entryName(r.candidateId) } }, now);
    insertAudit(
      store,
      ctx.actor,
      {
        operation: 'photos.import',
        entityType: 'photo-import',
        entityId: input.fileName,
        after: { file: input.fileName, fileHash, fix: input.fix, replaceExisting: input.replaceExisting, counts: report.counts, written: result.written, replaced: result.replaced.length, idNumbers: files.filter((f) => f.status === 'accepted').map((f) => f.id) },
      },
      now,
    );
    return result.written;
  });
  return { ...report, written };
};

/** The entries' names and sizes from the central directory, nothing inflated yet. */
async function listEntries(path: string, label: string): Promise<ListedEntry[]> {
  const entries: ListedEntry[] = [];
  await walkZip(path, label, PHOTO_ZIP_LIMITS, (e) => {
    if (!e.isDirectory) entries.push({ name: e.name, declaredSize: e.declaredSize, compressedSize: e.compressedSize });
  });
  return entries;
}

async function checkEntries(ctx: JobContext, input: PhotoImportInput, label: string, plan: PlannedEntry[], staging: PhotoStaging | null): Promise<PhotoFileReport[]> {
  // Filled in as the checks finish, in any order; each line keeps its entry's place.
  const files: (PhotoFileReport | null)[] = plan.map((p) => p.decided);
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
    const finish = (report: PhotoFileReport) => {
      files[i] = report;
      ctx.progress('检查照片', ++done, total);
    };
    const base = { name: entry.name, id: planned.id };
    if (entry.declaredSize > PHOTO_RULES.maxBytes) return finish({ ...base, status: 'refused', code: 'TOO_LARGE', message: tooLargeMessage(entry.declaredSize) });
    if (entry.declaredSize > RATIO_FLOOR && entry.declaredSize > entry.compressedSize * MAX_RATIO)
      return finish({ ...base, status: 'refused', code: 'BOMB', message: `压缩比异常（${describeSize(entry.compressedSize)} 解压后成为 ${describeSize(entry.declaredSize)}），不可能是照片，可能是“压缩炸弹”，未解压` });
    const bytes = await entry.read();
    await queue.add(async () => {
      const checked = await checkPhoto(bytes, { fix: input.fix });
      if (!checked.ok) return finish({ ...base, status: 'refused', code: checked.code, message: checked.message });
      const fixed = checked.fixed ? { fixed: true } : {};
      if (planned.candidate.hasPhoto) {
        if (input.replaceExisting === false)
          return finish({ ...base, status: 'refused', code: 'REPLACE_UNCONFIRMED', message: '该考生已有照片；替换已有照片需要确认（选择“替换已有照片”后再导入），本张未导入', replaces: true, ...fixed });
        const note = input.replaceExisting ? '，将替换该考生原有的照片' : '；该考生已有照片，导入时需确认替换';
        staging?.add(planned.candidate.id, entry.name, checked.photo);
        return finish({ ...base, status: 'accepted', code: 'OK', message: `${checked.message}${note}`, replaces: true, ...fixed });
      }
      staging?.add(planned.candidate.id, entry.name, checked.photo);
      finish({ ...base, status: 'accepted', code: 'OK', message: checked.message, ...fixed });
    });
  });
  // A walk stopped by a cancel or a broken entry still lets the checks in flight settle first.
  await walk.catch(async (e: unknown) => {
    await queue.drain().catch(() => undefined);
    throw e;
  });
  await queue.drain();
  ctx.throwIfCancelled();
  return files.map((f, i) => {
    if (!f) throw new Error(`photo import: no verdict for entry ${i}`);
    return f;
  });
}

function countFiles(files: PhotoFileReport[]): PhotoImportReport['counts'] {
  const counts = { accepted: 0, refused: 0, ignored: 0, replacing: 0 };
  for (const f of files) {
    counts[f.status]++;
    if (f.status === 'accepted' && f.replaces) counts.replacing++;
  }
  return counts;
}
