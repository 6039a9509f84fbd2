import type { LoginResult, SessionState } from '../../../src-shared/api/auth';
import { AppError } from '../../../src-shared/errors';
import { writeAudit } from '../audit/audit-log';
import { actorOf, type CallContext } from '../call-context';
import { clearFailures, countFailedAttempt, findUser, findUserByName, lockUntil, markLogin, setPassword, toSessionUser } from '../users/user-store';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { lockDuration } from './login-throttle';
import type { Session } from './sessions';

const WRONG_LOGIN = () => new AppError('UNAUTHENTICATED', '用户名或密码错误。');
/** Where no username is asked (the lock screen, changing one's own password). */
const WRONG_PASSWORD = () => new AppError('UNAUTHENTICATED', '密码错误。');

function throttled(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError('THROTTLED', `密码错误次数过多，请 ${seconds} 秒后再试。`, { retryAfterSeconds: seconds });
}

/**
 * Counts the attempt before the password is hashed, in one statement, so that guesses sent at
 * once each see their own count: the one that reaches the lock sets it before hashing, and the
 * rest are refused without a hash. A right password then resets the count.
 */
function countAttempt(call: CallContext, userId: number, wrong: () => AppError): { hash: string; failedAttempts: number } {
  const { store } = call.app;
  const now = call.app.now();
  const nowIso = now.toISOString();
  const counted = store.tx(() => {
    const row = countFailedAttempt(store, userId, nowIso);
    const lock = row ? lockDuration(row.failed_attempts) : 0;
    if (lock) lockUntil(store, userId, new Date(now.getTime() + lock).toISOString());
    return row;
  });
  if (counted) return { hash: counted.password_hash, failedAttempts: counted.failed_attempts };
  const user = findUser(store, userId);
  if (!user) throw wrong();
  throw throttled(new Date(user.locked_until!).getTime() - now.getTime());
}

/** Checks a password against an account, counting failures toward the lockout. */
async function checkPassword(call: CallContext, userId: number, password: string, wrong: () => AppError): Promise<void> {
  const { store } = call.app;
  const { hash, failedAttempts } = countAttempt(call, userId, wrong);
  if (await verifyPassword(password, hash)) {
    clearFailures(store, userId);
    return;
  }
  store.tx(() => writeAudit(call, { operation: 'auth.loginFailed', entityType: 'user', entityId: userId, after: { failedAttempts } }));
  throw wrong();
}

/**
 * The signed-in account's password typed again before an act that cannot be undone (签发证书),
 * checked and throttled like a login; `wrong` is what a wrong one answers.
 */
export async function confirmOwnPassword(call: CallContext, password: string, wrong: () => AppError): Promise<void> {
  if (!call.session) throw new AppError('UNAUTHENTICATED', '请先登录。');
  await checkPassword(call, call.session.user.id, password, wrong);
}

function stateOf(call: CallContext, session: Session): SessionState {
  return { user: session.user, locked: session.locked, idleLockMinutes: call.app.idleLockMinutes };
}

export async function login(call: CallContext, input: { username: string; password: string }): Promise<LoginResult> {
  const { app } = call;
  const user = findUserByName(app.store, input.username);
  if (!user) {
    // Counted like an account's attempts, so being throttled does not tell that the name is unknown.
    const wait = app.unknownNames.count(input.username, app.now().getTime());
    if (wait > 0) throw throttled(wait);
    await verifyPassword(input.password, await decoyHash(app.passwordCost));
    throw WRONG_LOGIN();
  }
  await checkPassword(call, user.id, input.password, WRONG_LOGIN);
  if (user.disabled) {
    // The right password for a disabled account: worth a line in the log (and it reset the failures).
    app.store.tx(() => writeAudit(call, { operation: 'auth.loginDisabled', entityType: 'user', entityId: user.id }));
    throw new AppError('FORBIDDEN', '该账号已停用，请联系试点院校负责人。');
  }
  const session = app.sessions.create(toSessionUser(user));
  call.actor = actorOf(session);
  app.store.tx(() => {
    markLogin(app.store, user.id, app.now().toISOString());
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
  await checkPassword(call, session.user.id, input.password, WRONG_PASSWORD);
  session.locked = false;
  call.app.sessions.touch(session);
  // Who came back to a locked screen, and when; it also covers the failures the right password reset.
  call.app.store.tx(() => writeAudit(call, { operation: 'auth.unlock', entityType: 'user', entityId: session.user.id }));
  return stateOf(call, session);
}

/** Also what a first login must do: the new password is then one only its owner knows, so it may not be the old one. */
export async function changePassword(call: CallContext, input: { oldPassword: string; newPassword: string }): Promise<{ ok: true }> {
  const session = call.session!;
  if (input.newPassword === input.oldPassword) throw new AppError('VALIDATION', '新密码不能与原密码相同。', { field: 'newPassword' });
  await checkPassword(call, session.user.id, input.oldPassword, () => new AppError('UNAUTHENTICATED', '原密码错误。'));
  const hash = await hashPassword(input.newPassword, call.app.passwordCost);
  const { store } = call.app;
  const user = store.tx(() => {
    setPassword(store, session.user.id, hash, false, call.app.now().toISOString());
    writeAudit(call, { operation: 'auth.changePassword', entityType: 'user', entityId: session.user.id });
    return findUser(store, session.user.id)!;
  });
  call.app.sessions.endForUser(session.user.id, session.token);
  call.app.sessions.updateUser(toSessionUser(user));
  return { ok: true };
}
