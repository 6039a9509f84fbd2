import type { BackupInfo } from '../../../src-shared/api/backup';
import { AppError } from '../../../src-shared/errors';
import { defineJob } from '../../jobs/define-job';
import type { BackupReason } from '../../store/backup';
import { takeBackup } from './take-backup';

/** An online backup taken from the worker's own connection, page by page with progress. */
export const backupJob = defineJob<{ reason: BackupReason }, BackupInfo>('backup', (ctx, input) =>
  takeBackup(ctx.store(), ctx.dataDir, ctx.actor, input.reason, ctx.now(), (done, total) => {
    if (ctx.cancelled()) throw new AppError('CANCELLED', '备份已取消。');
    ctx.progress('复制数据页', done, total);
  }),
);
