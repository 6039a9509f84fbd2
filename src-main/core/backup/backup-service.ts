import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFileInfo, BackupInfo, BackupResult, RestoreResult } from '../../../src-shared/api/backup';
import type { FileRef } from '../../../src-shared/api/files';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { AppError } from '../../../src-shared/errors';
import { backupDir, copyDatabase, createBackup, importBackup, listBackups } from '../../store/backup';
import { verifyBackup } from '../../store/verify-backup';
import { openAndMigrate } from '../app-core';
import { insertAudit, writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { createLogger } from '../../logging/logger';
import { checkFolder } from '../packages/folders';
import { storePath } from '../paths';
import type { Store } from '../../store/store';
import { backupJob } from './backup-job';

const log = createLogger('backup');

export function startBackup(call: CallContext, input: { folder?: string | undefined }): JobInfo<BackupResult> {
  call.app.assertNotBusy();
  if (input.folder) checkFolder(input.folder);
  return call.app.jobs.start(backupJob, { reason: 'manual', folder: input.folder }, { title: '备份数据', actor: call.actor, owner: call.sessionToken });
}

export function backups(call: CallContext): BackupInfo[] {
  return listBackups(call.app.dataDir);
}

function backupPath(call: CallContext, name: string): string {
  const path = join(backupDir(call.app.dataDir), name);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `找不到备份 ${name}。`);
  return path;
}

/** Every copy of the whole store that leaves through the browser is in the audit log. */
export function backupFile(call: CallContext, name: string): FileRef {
  const ref = call.app.files.register(backupPath(call, name), name, call.actor);
  writeAudit(call, { operation: 'backup.file', entityType: 'backup', entityId: name, after: { size: ref.size } });
  return ref;
}

export function checkBackupFile(call: CallContext, fileId: string): BackupFileInfo {
  const file = call.app.files.resolve(fileId, call.actor);
  const facts = verifyBackup(file.path, file.name);
  const here = call.app.store.get(call.app.store.q.selectFrom('institution').select('code'))?.code;
  return { fileName: file.name, size: file.size, ...facts, otherInstitution: facts.institution !== null && here !== undefined && facts.institution.code !== here };
}

/**
 * A backup file from elsewhere: checked as it is (nothing written if refused), copied into the
 * backup list, and the copy checked again and restored exactly as a listed backup is.
 */
export async function restoreBackupFile(call: CallContext, fileId: string): Promise<RestoreResult> {
  assertCanRestore(call);
  const file = call.app.files.resolve(fileId, call.actor);
  verifyBackup(file.path, file.name);
  return whileRestoring(call, async () => {
    const imported = await importBackup(file.path, call.app.dataDir, call.app.now());
    const path = join(backupDir(call.app.dataDir), imported.name);
    try {
      verifyBackup(path, file.name);
    } catch (e) {
      rmSync(path, { force: true });
      throw e;
    }
    return replaceStoreWith(call, imported.name, file.name);
  });
}

export async function restoreBackup(call: CallContext, name: string): Promise<RestoreResult> {
  assertCanRestore(call);
  verifyBackup(backupPath(call, name));
  return whileRestoring(call, () => replaceStoreWith(call, name));
}

function assertCanRestore(call: CallContext): void {
  call.app.assertNotBusy();
  if (call.app.jobs.isBusy()) throw new AppError('STATE', '有任务正在运行，请等它结束后再恢复。');
}

async function whileRestoring<T>(call: CallContext, fn: () => Promise<T>): Promise<T> {
  call.app.busyReason = '正在从备份恢复数据';
  try {
    return await fn();
  } finally {
    call.app.busyReason = null;
  }
}

/**
 * Replaces the store with a verified backup from the list. The current data is backed up first
 * ("恢复前"), so a restore can itself be undone from the list; a failed copy puts that safety
 * copy back. Everyone is logged out afterwards.
 */
async function replaceStoreWith(call: CallContext, name: string, uploadedAs?: string): Promise<RestoreResult> {
  const { app } = call;
  const path = backupPath(call, name);
  const restored = listBackups(app.dataDir).find((b) => b.name === name)!;
  const safety = await createBackup(app.store.db, app.dataDir, 'pre-restore', undefined, app.now());
  const target = storePath(app.dataDir);
  app.store.close();
  let store: Store;
  try {
    await copyDatabase(path, target);
    // An older backup is migrated on opening; a migration that fails counts as a failed restore.
    store = await openAndMigrate(app.dataDir);
  } catch (e) {
    log.error('restore failed, putting the safety copy back', e);
    await copyDatabase(join(backupDir(app.dataDir), safety.name), target);
    app.replaceStore(await openAndMigrate(app.dataDir));
    throw new AppError('INTERNAL', `恢复失败，数据已回到恢复前的状态：${e instanceof Error ? e.message : String(e)}`);
  }
  const after = uploadedAs ? { ...restored, uploadedAs } : restored;
  const operation = uploadedAs ? 'backup.restoreFile' : 'backup.restore';
  store.tx(() => insertAudit(store, call.actor, { operation, entityType: 'backup', entityId: name, before: { safety: safety.name }, after }, app.now()));
  call.audited++;
  app.replaceStore(store);
  return { restored, safety };
}
