import type { BackupInfo } from '../../../src-shared/api/backup';
import { createBackup, type BackupReason } from '../../store/backup';
import type { Store } from '../../store/store';
import { insertAudit } from '../audit/audit-log';
import type { Actor } from '../../../src-shared/actor';

/** A backup plus its audit entry: the one way the job and the CLI take one. */
export async function takeBackup(
  store: Store,
  dataDir: string,
  actor: Actor,
  reason: BackupReason,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<BackupInfo> {
  const info = await createBackup(store.db, dataDir, reason, onProgress, now);
  store.tx(() => insertAudit(store, actor, { operation: 'backup.create', entityType: 'backup', entityId: info.name, after: info }, now));
  return info;
}
