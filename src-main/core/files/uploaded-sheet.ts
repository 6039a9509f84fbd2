import { join } from 'node:path';
import { AppError } from '../../../src-shared/errors';
import type { JobContext } from '../../jobs/job-context';
import { hashFile } from '../../pipelines/hash-file';
import { readSheet, type Sheet, type SheetLimits } from '../../pipelines/xlsx/sheet-reader';
import { exportsDir } from '../paths';

/** A sheet of people or their enrollments: 100,000 rows is more than any school has. */
export const SHEET_LIMITS: SheetLimits = { maxRows: 100_001, maxBytes: 100 * 1024 * 1024 };

/**
 * An uploaded sheet read for its check or its commit, with the label its messages name it by. A
 * commit passes the hash its check saw and is refused if the file changed since.
 */
export async function readUploadedSheet(
  ctx: Pick<JobContext, 'progress' | 'throwIfCancelled'>,
  file: { path: string; fileName: string },
  commitHash: string | null,
  limits: SheetLimits = SHEET_LIMITS,
): Promise<{ label: string; fileHash: string; sheet: Sheet }> {
  const label = `表格“${file.fileName}”`;
  ctx.progress('读取表格', 0, 1);
  const fileHash = await hashFile(file.path);
  if (commitHash && commitHash !== fileHash) throw new AppError('CONFLICT', `${label}在检查之后被改动过，请重新检查后再导入。`, { file: file.fileName });
  const sheet = await readSheet(file.path, label, limits);
  ctx.throwIfCancelled();
  return { label, fileHash, sheet };
}

/** Where a check writes the refused rows of a sheet, named after it. */
export function refusedRowsPath(dataDir: string, fileName: string): string {
  return join(exportsDir(dataDir), `${Date.now()}-退回的行-${fileName.replace(/\.[^.]+$/, '')}.xlsx`);
}
