import type { LoginResult, SessionState } from '../../../src-shared/api/auth';
import { AppError } from '../../../src-shared/errors';
import { writeAudit } from '../audit/audit-log';
import { actorOf, type CallContext } from '../call-context';
import { findUser, findUserByName, toSessionUser } from '../users/user-rows';
import { decoyHash, hashPassword, verifyPassword } from './password';
import type { Session } from './sessions';

const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

const WRONG = () => new AppError('UNAUTHENTICATED', '用户名或密码错误。');

/** After five wrong passwords in a row, 30 s, then doubling, at most 15 minutes. */
export function lockDuration(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failedAttempts - FREE_ATTEMPTS));
}

function assertNotThrottled(lockedUntil: string | null, now: Date): void {
  if (!lockedUntil) return;
  const wait = new Date(lockedUntil).getTime() - now.getTime();
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new AppError('THROTTLED', `密码错误次数过多，请 ${seconds} 秒后再试。`, { retryAfterSeconds: seconds });
  }
}

/** Checks a password against an account, counting failures toward the lockout. */
async function checkPassword(call: CallContext, userId: number, password: string): Promise<void> {
  const { store } = call.app;
  const user = findUser(store, userId);
  if (!user) throw WRONG();
  assertNotThrottled(user.locked_until, call.app.now());
  if (await verifyPassword(password, user.password_hash)) {
    if (user.failed_attempts > 0) store.run(store.q.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id));
    return;
  }
  const failed = user.failed_attempts + 1;
  const lock = lockDuration(failed);
  store.tx(() => {
    store.run(
      store.q
        .updateTable('users')
        .set({ failed_attempts: failed, locked_until: lock ? new Date(call.app.now().getTime() + lock).toISOString() : null })
        .where('id', '=', user.id),
    );
    writeAudit(call, { operation: 'auth.loginFailed', entityType: 'user', entityId: user.id, after: { failedAttempts: failed } });
  });
  throw WRONG();
}

function stateOf(call: CallContext, session: Session): SessionState {
  return { user: session.user, locked: session.locked, idleLockMinutes: call.app.idleLockMinutes };
}

export async function login(call: CallContext, input: { username: string; password: string }): Promise<LoginResult> {
  const { app } = call;
  const user = findUserByName(app.store, input.username);
  if (!user) {
    await verifyPassword(input.password, await decoyHash(app.passwordCost));
    throw WRONG();
  }
  await checkPassword(call, user.id, input.password);
  if (user.disabled) {
    // The right password for a disabled account: worth a line in the log (and it reset the failures).
    app.store.tx(() => writeAudit(call, { operation: 'auth.loginDisabled', entityType: 'user', entityId: user.id }));
    throw new AppError('FORBIDDEN', '该账号已停用，请联系试点院校负责人。');
  }
  const session = app.sessions.create(toSessionUser(user));
  call.actor = actorOf(session);
  app.store.tx(() => {
    app.store.run(app.store.q.updateTable('users').set({ last_login_at: app.now().toISOString() }).where('id', '=', user.id));
    writeAudit(call, { operation: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { sessionToken: session.token, user: session.user, idleLockMinutes: app.idleLockMinutes };
}

export function logout(call: CallContext): { ok: true } {
  if (call.sessionToken && call.session) {
    call.app.sessions.end(call.sessionToken);
    call.app.store.tx(() => writeAudit(call, { operation: 'auth.logout', entityType: 'user', entityId: call.session!.user.id }));
  }
  return { ok: true };
}

export function currentSession(call: CallContext): SessionState | null {
  return call.session ? stateOf(call, call.session) : null;
}

export function lock(call: CallContext): { ok: true } {
  call.session!.locked = true;
  return { ok: true };
}

export async function unlock(call: CallContext, input: { password: string }): Promise<SessionState> {
  const session = call.session;
  if (!session) throw new AppError('UNAUTHENTICATED', '会话已结束，请重新登录。');
  await checkPassword(call, session.user.id, input.password);
  session.locked = false;
  call.app.sessions.touch(session);
  // Who came back to a locked screen, and when; it also covers the failures the right password reset.
  call.app.store.tx(() => writeAudit(call, { operation: 'auth.unlock', entityType: 'user', entityId: session.user.id }));
  return stateOf(call, session);
}

export async function changePassword(call: CallContext, input: { oldPassword: string; newPassword: string }): Promise<{ ok: true }> {
  const session = call.session!;
  await checkPassword(call, session.user.id, input.oldPassword);
  const hash = await hashPassword(input.newPassword, call.app.passwordCost);
  const { store } = call.app;
  store.tx(() => {
    store.run(store.q.updateTable('users').set({ password_hash: hash, updated_at: call.app.now().toISOString() }).where('id', '=', session.user.id));
    writeAudit(call, { operation: 'auth.changePassword', entityType: 'user', entityId: session.user.id });
  });
  call.app.sessions.endForUser(session.user.id, session.token);
  return { ok: true };
}
