import { backupOps } from '../../../src-shared/api/backup';
import { handlersFor } from '../handler-kit';
import { backupFile, backups, checkBackupFile, restoreBackup, restoreBackupFile, startBackup } from './backup-service';

export const backupHandlers = handlersFor(backupOps)({
  'backup.list': backups,
  'backup.create': startBackup,
  'backup.file': (call, input) => backupFile(call, input.name),
  'backup.restore': (call, input) => restoreBackup(call, input.name),
  'backup.checkFile': (call, input) => checkBackupFile(call, input.fileId),
  'backup.restoreFile': (call, input) => restoreBackupFile(call, input.fileId),
});
