import { backupOps } from '../../../src-shared/api/backup';
import { handlersFor } from '../handler-kit';
import { backups, restoreBackup, startBackup } from './backup-service';

export const backupHandlers = handlersFor(backupOps)({
  'backup.list': backups,
  'backup.create': startBackup,
  'backup.restore': (call, input) => restoreBackup(call, input.name),
});
