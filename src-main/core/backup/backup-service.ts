import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../../src-shared/api/backup';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { AppError } from '../../../src-shared/errors';
import { backupDir, copyDatabase, createBackup, listBackups, verifyBackup } from '../../store/backup';
import { openAndMigrate } from '../app-core';
import { insertAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { createLogger } from '../../logging/logger';
import { storePath } from '../paths';
import { backupJob } from './backup-job';

const log = createLogger('backup');

export function startBackup(call: CallContext): JobInfo<BackupInfo> {
  call.app.assertNotBusy();
  return call.app.jobs.start(backupJob, { reason: 'manual' }, { title: '备份数据', actor: call.actor, owner: call.sessionToken });
}

export function backups(call: CallContext): BackupInfo[] {
  return listBackups(call.app.dataDir);
}

/**
 * Replaces the store with a backup. The current data is backed up first ("恢复前"), so a
 * restore can itself be undone from the list. Everyone is logged out afterwards.
 */
export async function restoreBackup(call: CallContext, name: string): Promise<{ restored: BackupInfo; safety: BackupInfo }> {
  const { app } = call;
  app.assertNotBusy();
  if (app.jobs.isBusy()) throw new AppError('STATE', '有任务正在运行，请等它结束后再恢复。');
  const path = join(backupDir(app.dataDir), name);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `找不到备份 ${name}。`);
  verifyBackup(path);
  const restored = listBackups(app.dataDir).find((b) => b.name === name)!;

  app.busyReason = '正在从备份恢复数据';
  try {
    const safety = await createBackup(app.store.db, app.dataDir, 'pre-restore', undefined, app.now());
    const target = storePath(app.dataDir);
    app.store.close();
    try {
      await copyDatabase(path, target);
    } catch (e) {
      log.error('restore failed, putting the safety copy back', e);
      await copyDatabase(join(backupDir(app.dataDir), safety.name), target);
      app.replaceStore(await openAndMigrate(app.dataDir));
      throw new AppError('INTERNAL', `恢复失败，数据已回到恢复前的状态：${e instanceof Error ? e.message : String(e)}`);
    }
    const store = await openAndMigrate(app.dataDir);
    store.tx(() =>
      insertAudit(store, call.actor, { operation: 'backup.restore', entityType: 'backup', entityId: name, before: { safety: safety.name }, after: restored }, app.now()),
    );
    call.audited++;
    app.replaceStore(store);
    return { restored, safety };
  } finally {
    app.busyReason = null;
  }
}
