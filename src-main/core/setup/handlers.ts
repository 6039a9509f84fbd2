import { appOps } from '../../../src-shared/api/app';
import { handlersFor } from '../handler-kit';
import { exportLogs } from '../logs/export-logs';
import { createInstitution } from './setup-service';

export const appHandlers = handlersFor(appOps)({
  'app.info': (call) => call.app.info(),
  'setup.create': createInstitution,
  'app.exportLogs': exportLogs,
});
