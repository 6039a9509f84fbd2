import type { ImportResult, PackagePreview } from '../../../src-shared/api/packages';
import { AppError } from '../../../src-shared/errors';
import { defineJob } from '../../jobs/define-job';
import { applyPackage, previewPackage, readInbound } from './import-service';

export interface InboundFileInput {
  path: string;
  fileName: string;
  /** The upload's id, echoed in the preview for the commit. */
  fileId: string;
}

/**
 * 检查数据包, in the worker: a schedule or a score list holds 10,000 rows, and verifying and
 * comparing them must not hold up the window. Nothing is written.
 */
export const packageInspectJob = defineJob<InboundFileInput, PackagePreview>('package-inspect', async (ctx, input) => {
  ctx.progress('校验数据包', 0, 1);
  const store = ctx.store();
  const pkg = await readInbound(input.path, input.fileName, store);
  ctx.throwIfCancelled();
  ctx.progress('比对现有数据', 0, 1);
  return previewPackage(store, pkg, input.fileId, ctx.now());
});

/** 导入数据包: verified again (the file may have changed since the check), applied in one transaction. */
export const packageImportJob = defineJob<InboundFileInput & { expectedHash: string }, ImportResult>('package-import', async (ctx, input) => {
  ctx.progress('校验数据包', 0, 1);
  const store = ctx.store();
  const pkg = await readInbound(input.path, input.fileName, store);
  if (pkg.fileHash !== input.expectedHash) throw new AppError('CONFLICT', '文件在检查之后被改动过，请重新检查后再导入。', { file: pkg.fileName });
  ctx.throwIfCancelled();
  ctx.progress('写入', 0, 1);
  const result = applyPackage({ store, actor: ctx.actor, now: ctx.now() }, pkg);
  ctx.progress('写入', 1, 1);
  return result;
});
