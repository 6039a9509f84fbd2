import { describe, expect, it } from 'vitest';
import { openAndMigrate } from '../../src-main/core/app-core';
import { invokeAs, requireActor } from '../../src-main/core/dispatch';
import { MIGRATIONS } from '../../src-main/store/migrations';
import { CLI_ACTOR } from '../../src-shared/actor';
import { contract } from '../../src-shared/api';
import type { SessionState } from '../../src-shared/api/auth';
import type { SessionUser, UserRow } from '../../src-shared/domain/account';
import { AppError } from '../../src-shared/errors';
import { addUser, auditCount, call, callError, LOGIN, openApp, PRINCIPAL, setUpApp } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

const INITIAL = 'given-by-principal-1';
const OWN = 'only-i-know-this-1';
const REFUSED = { code: 'PASSWORD_CHANGE_REQUIRED', message: '首次登录请先修改密码。' };
const ALLOWED = ['auth.session', 'auth.logout', 'auth.changePassword', 'auth.lock', 'auth.unlock', 'auth.touch', 'app.info'];

type Login = { sessionToken: string; user: SessionUser };

/** A staff account the principal just created, logged in with the password the principal chose. */
async function freshAccount(username = 'zhangwei') {
  const { app, principal } = await setUpApp();
  await call(app, 'users.create', { username, displayName: '张伟', role: 'coordinator', password: INITIAL }, principal);
  const login = await call<Login>(app, 'auth.login', { username, password: INITIAL });
  return { app, principal, login, session: login.sessionToken };
}

const flagOf = (app: Awaited<ReturnType<typeof setUpApp>>['app'], username: string) =>
  app.store.db.prepare('SELECT must_change_password FROM users WHERE username = ?').pluck().get(username);

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.toInfo() : e;
  }
  throw new Error('expected a refusal');
}

describe('first login: a password the principal chose is changed before anything else', () => {
  it('flags an account the principal creates: login and the session say so, and the list shows it', async () => {
    const { app, principal, login, session } = await freshAccount();
    expect(login.user).toMatchObject({ username: 'zhangwei', mustChangePassword: true });
    expect(await call<SessionState>(app, 'auth.session', {}, session)).toMatchObject({ user: { mustChangePassword: true }, locked: false });
    const rows = await call<UserRow[]>(app, 'users.list', {}, principal);
    expect(Object.fromEntries(rows.map((u) => [u.username, u.mustChangePassword]))).toEqual({ [PRINCIPAL.username]: false, zhangwei: true });
    expect(flagOf(app, 'zhangwei')).toBe(1);
  });

  it('refuses every other operation with PASSWORD_CHANGE_REQUIRED, before role or input are looked at, writing nothing', async () => {
    const { app, session } = await freshAccount();
    const before = auditCount(app);
    const others = Object.keys(contract).filter((name) => !ALLOWED.includes(name));
    expect(others.length).toBeGreaterThan(40);
    for (const name of others) expect(await callError(app, name, {}, session), name).toEqual(REFUSED);
    expect(auditCount(app)).toBe(before);
    // Asked to, the allowed ones answer.
    expect(await call(app, 'app.info', {}, session)).toMatchObject({ needsSetup: false });
    expect(await call(app, 'auth.touch', {}, session)).toEqual({ ok: true });
    expect(await call(app, 'auth.session', {}, session)).toMatchObject({ user: { mustChangePassword: true } });
  });

  it('keeps the file doors (uploads, downloads, event streams) shut too', async () => {
    const { app, session } = await freshAccount();
    expect(thrown(() => requireActor(app, session))).toEqual(REFUSED);
    expect(thrown(() => requireActor(app, session, { touch: false }))).toEqual(REFUSED);
  });

  it('lets the idle lock and logging out work meanwhile', async () => {
    const { app, session } = await freshAccount();
    await call(app, 'auth.lock', {}, session);
    expect((await callError(app, 'institution.get', {}, session)).code).toBe('SESSION_LOCKED');
    const unlocked = await call<SessionState>(app, 'auth.unlock', { password: INITIAL }, session);
    expect(unlocked).toMatchObject({ locked: false, user: { mustChangePassword: true } });
    expect(await callError(app, 'institution.get', {}, session)).toEqual(REFUSED);
    await call(app, 'auth.logout', {}, session);
    expect(await call(app, 'auth.session', {}, session)).toBeNull();
  });

  it('clears the flag on auth.changePassword: this session goes on working, later logins are not asked again', async () => {
    const { app, session } = await freshAccount();
    const other = (await call<Login>(app, 'auth.login', { username: 'zhangwei', password: INITIAL })).sessionToken;
    await call(app, 'auth.changePassword', { oldPassword: INITIAL, newPassword: OWN }, session);
    expect(flagOf(app, 'zhangwei')).toBe(0);
    expect(await call<SessionState>(app, 'auth.session', {}, session)).toMatchObject({ user: { mustChangePassword: false } });
    expect(await call(app, 'institution.get', {}, session)).toMatchObject({ code: '4137014320' });
    expect(requireActor(app, session)).toMatchObject({ name: 'zhangwei', role: 'coordinator' });
    // The other session that knew the principal's password has ended.
    expect(await call(app, 'auth.session', {}, other)).toBeNull();
    expect((await callError(app, 'auth.login', { username: 'zhangwei', password: INITIAL })).code).toBe('UNAUTHENTICATED');
    const again = await call<Login>(app, 'auth.login', { username: 'zhangwei', password: OWN });
    expect(again.user.mustChangePassword).toBe(false);
  });

  it('refuses the principal’s password as the new one, and a wrong old one, leaving the flag set', async () => {
    const { app, session } = await freshAccount();
    expect(await callError(app, 'auth.changePassword', { oldPassword: INITIAL, newPassword: INITIAL }, session)).toMatchObject({
      code: 'VALIDATION',
      message: '新密码不能与原密码相同。',
    });
    expect(await callError(app, 'auth.changePassword', { oldPassword: 'not-the-one-1', newPassword: OWN }, session)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '原密码错误。',
    });
    expect((await callError(app, 'auth.changePassword', { oldPassword: INITIAL, newPassword: 'short' }, session)).message).toContain('密码至少 8 个字符');
    expect(flagOf(app, 'zhangwei')).toBe(1);
    expect(await callError(app, 'institution.get', {}, session)).toEqual(REFUSED);
  });

  it('sets the flag again when the principal resets the password, and ends the account’s sessions', async () => {
    const { app, principal } = await setUpApp();
    const session = await addUser(app, principal, 'lina', 'coordinator');
    expect(flagOf(app, 'lina')).toBe(0);
    const lina = (await call<UserRow[]>(app, 'users.list', {}, principal)).find((u) => u.username === 'lina')!;
    await call(app, 'users.resetPassword', { id: lina.id, password: INITIAL }, principal);
    expect(flagOf(app, 'lina')).toBe(1);
    expect(await call(app, 'auth.session', {}, session)).toBeNull();
    const login = await call<Login>(app, 'auth.login', { username: 'lina', password: INITIAL });
    expect(login.user.mustChangePassword).toBe(true);
    expect(await callError(app, 'candidates.list', { kind: 'school' }, login.sessionToken)).toEqual(REFUSED);
    const audit = app.store.db.prepare("SELECT after_json FROM audit_log WHERE operation = 'users.resetPassword'").pluck().get() as string;
    expect(JSON.parse(audit)).toEqual({ mustChangePassword: true });
  });

  it('does not flag the first-run principal, nor the principal resetting their own password', async () => {
    const { app, principal } = await setUpApp();
    expect((await call<Login>(app, 'auth.login', LOGIN)).user.mustChangePassword).toBe(false);
    const me = (await call<UserRow[]>(app, 'users.list', {}, principal)).find((u) => u.role === 'principal')!;
    await call(app, 'users.resetPassword', { id: me.id, password: 'principal-pass-2' }, principal);
    expect(flagOf(app, PRINCIPAL.username)).toBe(0);
    expect((await call<Login>(app, 'auth.login', { username: PRINCIPAL.username, password: 'principal-pass-2' })).user.mustChangePassword).toBe(false);
  });

  it('does not flag accounts the command line or the demo creates (actor cli)', async () => {
    const { app } = await setUpApp();
    await invokeAs(app, CLI_ACTOR, 'users.create', { username: 'wangfang', displayName: '王芳', role: 'invigilator', password: INITIAL });
    const login = await call<Login>(app, 'auth.login', { username: 'wangfang', password: INITIAL });
    expect(login.user.mustChangePassword).toBe(false);
    expect(await call(app, 'plans.list', {}, login.sessionToken)).toEqual([]);
  });

  it('leaves accounts that existed before the migration as they were', async () => {
    const dir = tempDir();
    const old = await openAndMigrate(dir, MIGRATIONS.slice(0, 7));
    old.db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES ('old', '老账号', 'coordinator', 'h', 'now', 'now')").run();
    old.close();
    const app = await openApp({ dataDir: dir });
    expect(flagOf(app, 'old')).toBe(0);
    expect(() => app.store.db.prepare("UPDATE users SET must_change_password = 2 WHERE username = 'old'").run()).toThrow(/CHECK/);
  });
});
