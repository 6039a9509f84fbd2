import { authOps } from '../../../src-shared/api/auth';
import { handlersFor } from '../handler-kit';
import * as auth from './auth-service';

export const authHandlers = handlersFor(authOps)({
  'auth.login': auth.login,
  'auth.logout': auth.logout,
  'auth.session': auth.currentSession,
  'auth.lock': auth.lock,
  'auth.unlock': auth.unlock,
  'auth.touch': () => ({ ok: true }),
  'auth.changePassword': auth.changePassword,
});
