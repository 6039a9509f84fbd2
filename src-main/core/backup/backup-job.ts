import type { BackupResult } from '../../../src-shared/api/backup';
import { AppError } from '../../../src-shared/errors';
import { defineJob } from '../../jobs/define-job';
import type { BackupReason } from '../../store/backup';
import { takeBackup } from './take-backup';

/** An online backup taken from the worker's own connection, page by page with progress; then, if asked, copied to a folder. */
export const backupJob = defineJob<{ reason: BackupReason; folder?: string | undefined }, BackupResult>('backup', (ctx, input) =>
  takeBackup(ctx.store(), ctx.dataDir, ctx.actor, input.reason, ctx.now(), {
    folder: input.folder,
    onProgress: (done, total) => {
      if (ctx.cancelled()) throw new AppError('CANCELLED', '备份已取消。');
      ctx.progress('复制数据页', done, total);
    },
  }),
);
