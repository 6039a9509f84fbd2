import { join } from 'node:path';
import type { BackupResult } from '../../../src-shared/api/backup';
import { AppError } from '../../../src-shared/errors';
import { backupDir, createBackup, type BackupReason } from '../../store/backup';
import type { Store } from '../../store/store';
import { insertAudit } from '../audit/audit-log';
import { copyInto } from '../packages/folders';
import type { Actor } from '../../../src-shared/actor';

export interface TakeBackupOptions {
  onProgress?: (done: number, total: number) => void;
  /** Also write the backup file here (a USB stick); it stays in the list either way. */
  folder?: string | undefined;
}

/** A backup plus its audit entry: the one way the job and the CLI take one. */
export async function takeBackup(store: Store, dataDir: string, actor: Actor, reason: BackupReason, now: Date, options: TakeBackupOptions = {}): Promise<BackupResult> {
  const info = await createBackup(store.db, dataDir, reason, options.onProgress, now);
  let result: BackupResult = info;
  let copyError: unknown = null;
  if (options.folder) {
    try {
      result = { ...info, path: copyInto(join(backupDir(dataDir), info.name), options.folder) };
    } catch (e) {
      copyError = e;
    }
  }
  store.tx(() => insertAudit(store, actor, { operation: 'backup.create', entityType: 'backup', entityId: info.name, after: result }, now));
  if (copyError) {
    const why = copyError instanceof Error ? copyError.message : String(copyError);
    throw new AppError('BAD_FILE', `备份 ${info.name} 已保存在数据目录的 backups 文件夹中，但没能写到文件夹：${why}`, { field: 'folder', backup: info.name });
  }
  return result;
}
