import { AppError } from '../../../src-shared/errors';
import type { JobHandler } from '../../jobs/job-context';
import type { BackupReason } from '../../store/backup';
import { takeBackup } from './take-backup';

/** An online backup taken from the worker's own connection, page by page with progress. */
export const backupJob: JobHandler = async (ctx, input) => {
  const reason = ((input as { reason?: BackupReason } | undefined)?.reason ?? 'manual') as BackupReason;
  return takeBackup(ctx.store(), ctx.dataDir, ctx.actor, reason, ctx.now(), (done, total) => {
    if (ctx.cancelled()) throw new AppError('CANCELLED', '备份已取消。');
    ctx.progress('复制数据页', done, total);
  });
};
