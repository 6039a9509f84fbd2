import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { PhotoImportReport } from '../../src-shared/api/photos';
import { AppError } from '../../src-shared/errors';
import { CLI_ACTOR } from '../../src-shared/actor';
import { photoCheckJob, photoCommitJob, type PhotoCheckInput } from '../core/photos/photo-import-job';
import { hashFile } from '../pipelines/hash-file';
import { withApp, type CliCommand } from './cli-kit';

/** What `--json` prints: one line per ZIP entry, nothing else (scripts parse it). */
export interface PhotosJson {
  files: { name: string; id: string | null; status: 'accepted' | 'refused' | 'ignored'; code: string; message: string }[];
}

const STATUS_LABELS = { accepted: '合格', refused: '退回', ignored: '忽略' } as const;

export const photosImportCommand: CliCommand = {
  name: 'photos import',
  usage: 'photos import 照片.zip [--fix] [--commit] [--replace] [--data-dir 目录] [--json]（默认只检查不写入；--fix 自动调整尺寸，--replace 替换已有照片）',
  options: { fix: { type: 'boolean' }, commit: { type: 'boolean' }, replace: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, io }) {
    const path = resolve(positionals[0]!);
    if (!existsSync(path)) throw new AppError('NOT_FOUND', `找不到文件 ${path}`, { file: positionals[0] });
    const commit = values.commit === true;
    const report = await withApp(values, async (app) => {
      // A dry run answers for the same flags: what `--commit` would write, replacements included.
      const input: PhotoCheckInput = { path, fileName: basename(path), fix: values.fix === true, replaceExisting: values.replace === true };
      const options = { actor: CLI_ACTOR, owner: null };
      const result: PhotoImportReport & { written?: number } = commit
        ? await app.jobs.run(photoCommitJob, { ...input, commitHash: await hashFile(path) }, { ...options, title: '导入考生照片' })
        : await app.jobs.run(photoCheckJob, input, { ...options, title: '检查照片压缩包' });
      const { accepted, refused, ignored, replacing } = result.counts;
      io.say(
        commit
          ? `已写入 ${result.written ?? 0} 张照片（其中替换 ${replacing} 张）；退回 ${refused} 个文件，忽略 ${ignored} 个。`
          : `检查完毕（未写入）：合格 ${accepted}（其中替换已有照片 ${replacing}），退回 ${refused}，忽略 ${ignored}。加 --commit 写入。`,
      );
      return result;
    });
    const out: PhotosJson = { files: report.files.map((f) => ({ name: f.name, id: f.id, status: f.status, code: f.code, message: f.message })) };
    if (commit && report.counts.refused > 0) {
      if (io.json) process.stdout.write(`${JSON.stringify(out)}\n`);
      else process.stdout.write(`${render(out)}\n`);
      // Exit 1 after a commit that left photos out: scripts must notice, even though the rest landed.
      throw new AppError('VALIDATION', `有 ${report.counts.refused} 个文件被退回，其余合格的照片已写入。`, { alreadyPrinted: true });
    }
    return out;
  },
  render: (r: PhotosJson) => render(r),
};

/** Text mode lists what needs attention; the accepted ones only as a count (there may be 10,000). */
function render(r: PhotosJson): string {
  const notable = r.files.filter((f) => f.status !== 'accepted' || f.message !== '照片合格');
  const accepted = r.files.filter((f) => f.status === 'accepted').length;
  return [
    ...notable.map((f) => `[${STATUS_LABELS[f.status]}] ${f.name}  ${f.message}`),
    `合格 ${accepted} 个，退回 ${r.files.filter((f) => f.status === 'refused').length} 个，忽略 ${r.files.filter((f) => f.status === 'ignored').length} 个`,
  ].join('\n');
}
