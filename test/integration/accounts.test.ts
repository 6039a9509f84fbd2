import { describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/api';
import { addUser, auditCount, call, callError, LOGIN, openApp, PRINCIPAL, SETUP_INPUT, setUpApp } from '../helpers/app';

describe('first run', () => {
  it('creates the institution and its one principal, once', async () => {
    const app = await openApp();
    expect((await call<{ needsSetup: boolean }>(app, 'app.info', {})).needsSetup).toBe(true);
    const info = await call<{ needsSetup: boolean; institution: { code: string } }>(app, 'setup.create', SETUP_INPUT);
    expect(info.needsSetup).toBe(false);
    expect(info.institution.code).toBe('4137014320');
    const again = await callError(app, 'setup.create', SETUP_INPUT);
    expect(again.code).toBe('STATE');
    expect(auditCount(app)).toBe(2);
  });

  it('refuses a region that does not exist, naming the field', async () => {
    const app = await openApp();
    const e = await callError(app, 'setup.create', {
      ...SETUP_INPUT,
      institution: { ...SETUP_INPUT.institution, region: { province: '山东省', city: '烟台市', district: '朝阳区' } },
    });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('institution.region.district');
    expect(e.message).toContain('没有名为“朝阳区”的区县');
    expect(auditCount(app)).toBe(0);
  });

  it('refuses a short password and a malformed code with Chinese messages', async () => {
    const app = await openApp();
    const e = await callError(app, 'setup.create', {
      institution: { ...SETUP_INPUT.institution, code: '12ab' },
      principal: { ...PRINCIPAL, password: 'short' },
    });
    expect(e.message).toContain('院校代码应为教育部 10 位学校标识码');
    expect(e.message).toContain('密码至少 8 个字符');
  });
});

describe('login, roles and the idle lock', () => {
  it('logs in, answers the session, and logs out', async () => {
    const { app, principal } = await setUpApp();
    const s = await call<{ user: { role: string }; locked: boolean }>(app, 'auth.session', {}, principal);
    expect(s).toMatchObject({ user: { role: 'principal' }, locked: false });
    await call(app, 'auth.logout', {}, principal);
    expect(await call(app, 'auth.session', {}, principal)).toBeNull();
    expect((await callError(app, 'users.list', {}, principal)).code).toBe('UNAUTHENTICATED');
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const { app } = await setUpApp();
    const a = await callError(app, 'auth.login', { username: 'nobody', password: 'whatever-1' });
    const b = await callError(app, 'auth.login', { username: PRINCIPAL.username, password: 'wrong-pass-1' });
    expect(a).toEqual(b);
    expect(a.message).toBe('用户名或密码错误。');
  });

  it('throttles after five wrong passwords, even for the right one', async () => {
    let now = new Date('2026-03-01T08:00:00Z');
    const { app } = await setUpApp({ now: () => now });
    for (let i = 0; i < 5; i++) expect((await callError(app, 'auth.login', { username: PRINCIPAL.username, password: `wrong-${i}-xx` })).code).toBe('UNAUTHENTICATED');
    const throttled = await callError(app, 'auth.login', LOGIN);
    expect(throttled.code).toBe('THROTTLED');
    expect(throttled.message).toMatch(/请 \d+ 秒后再试/);
    now = new Date(now.getTime() + 31_000);
    await call(app, 'auth.login', LOGIN);
  });

  it('counts concurrent wrong passwords before hashing: of 100 at once only the free attempts reach scrypt', { timeout: 180_000 }, async () => {
    const now = new Date('2026-03-01T08:00:00Z');
    const { app } = await setUpApp({ now: () => now });
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => callError(app, 'auth.login', { username: PRINCIPAL.username, password: `wrong-${i}-xx` })));
    expect(countCodes(answers)).toEqual({ UNAUTHENTICATED: 5, THROTTLED: 95 });
    // Every attempt that reached the hash and failed wrote one line; the throttled ones never got there.
    expect(app.store.db.prepare("SELECT count(*) FROM audit_log WHERE operation = 'auth.loginFailed'").pluck().get()).toBe(5);
    expect(app.store.db.prepare("SELECT failed_attempts, locked_until FROM users WHERE username = 'principal'").get()).toEqual({
      failed_attempts: 5,
      locked_until: new Date(now.getTime() + 30_000).toISOString(),
    });
    expect((await callError(app, 'auth.login', LOGIN)).code).toBe('THROTTLED');
  });

  it('throttles an unknown username exactly like a known one, whatever its case', { timeout: 120_000 }, async () => {
    const now = new Date('2026-03-01T08:00:00Z');
    const { app } = await setUpApp({ now: () => now });
    const known = [];
    const unknown = [];
    for (let i = 0; i < 6; i++) {
      known.push(await callError(app, 'auth.login', { username: PRINCIPAL.username, password: `wrong-${i}-xx` }));
      unknown.push(await callError(app, 'auth.login', { username: ['nobody', 'NoBody', ' NOBODY '][i % 3]!, password: `wrong-${i}-xx` }));
    }
    expect(unknown).toEqual(known);
    expect(unknown[5]).toEqual({ code: 'THROTTLED', message: '密码错误次数过多，请 30 秒后再试。', details: { retryAfterSeconds: 30 } });
    // Concurrent guesses at an unknown name are counted before the (decoy) hash too.
    const burst = await Promise.all(Array.from({ length: 50 }, (_, i) => callError(app, 'auth.login', { username: 'ghost', password: `wrong-${i}-xx` })));
    expect(countCodes(burst)).toEqual({ UNAUTHENTICATED: 5, THROTTLED: 45 });
  });

  it('tells a wrong password on the lock screen as such, and throttles unlocking like a login', { timeout: 120_000 }, async () => {
    const now = new Date('2026-03-01T08:00:00Z');
    const { app, principal } = await setUpApp({ now: () => now });
    await call(app, 'auth.lock', {}, principal);
    const answers = await Promise.all(Array.from({ length: 6 }, () => callError(app, 'auth.unlock', { password: 'not-it-123' }, principal)));
    expect(answers.slice(0, 5).map((a) => a.message)).toEqual(Array(5).fill('密码错误。'));
    expect(answers[5]).toMatchObject({ code: 'THROTTLED', message: '密码错误次数过多，请 30 秒后再试。' });
    expect((await callError(app, 'auth.unlock', { password: PRINCIPAL.password }, principal)).code).toBe('THROTTLED');
    expect(await call(app, 'auth.session', {}, principal)).toMatchObject({ locked: true });
  });

  it('lets the principal manage staff, and keeps principal-only operations from a coordinator', async () => {
    const { app, principal } = await setUpApp();
    const coordinator = await addUser(app, principal, 'zhangwei', 'coordinator');
    expect((await call<unknown[]>(app, 'users.list', {}, principal)).length).toBe(2);
    for (const op of ['users.list', 'audit.list', 'backup.list', 'settings.update', 'institution.update'] as const) {
      const before = auditCount(app);
      const e = await callError(app, op, {}, coordinator);
      expect(e.code, op).toBe('FORBIDDEN');
      expect(auditCount(app)).toBe(before);
    }
    expect(await call(app, 'institution.get', {}, coordinator)).toMatchObject({ code: '4137014320' });
  });

  it('refuses a second principal and changes to the principal role', async () => {
    const { app, principal } = await setUpApp();
    const e = await callError(app, 'users.create', { username: 'boss2', displayName: 'x', role: 'principal', password: 'password-22' }, principal);
    expect(e.code).toBe('VALIDATION');
    const me = (await call<{ id: number; role: string }[]>(app, 'users.list', {}, principal)).find((u) => u.role === 'principal')!;
    expect((await callError(app, 'users.update', { id: me.id, disabled: true }, principal)).code).toBe('FORBIDDEN');
  });

  it('ends the sessions of a disabled account and refuses its login', async () => {
    const { app, principal } = await setUpApp();
    const coordinator = await addUser(app, principal, 'lina', 'coordinator');
    const lina = (await call<{ id: number; username: string }[]>(app, 'users.list', {}, principal)).find((u) => u.username === 'lina')!;
    await call(app, 'users.update', { id: lina.id, disabled: true }, principal);
    expect((await callError(app, 'institution.get', {}, coordinator)).code).toBe('UNAUTHENTICATED');
    expect((await callError(app, 'auth.login', { username: 'lina', password: 'staff-pass-1' })).code).toBe('FORBIDDEN');
    expect(app.store.db.prepare('SELECT operation FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get()).toBe('auth.loginDisabled');
  });

  it('locks an idle session and unlocks it with the same password', async () => {
    let now = new Date('2026-03-01T08:00:00Z');
    const { app, principal } = await setUpApp({ now: () => now });
    await call(app, 'settings.update', { idleLockMinutes: 5 }, principal);
    now = new Date(now.getTime() + 6 * 60_000);
    expect((await callError(app, 'institution.get', {}, principal)).code).toBe('SESSION_LOCKED');
    expect(await call(app, 'auth.session', {}, principal)).toMatchObject({ locked: true });
    expect((await callError(app, 'auth.unlock', { password: 'not-it-123' }, principal)).code).toBe('UNAUTHENTICATED');
    await call(app, 'auth.unlock', { password: PRINCIPAL.password }, principal);
    expect(await call(app, 'institution.get', {}, principal)).toMatchObject({ name: '烟台职业学院' });
    // The failure and the unlock that reset it are both in the log.
    const ops = (app.store.db.prepare('SELECT operation FROM audit_log ORDER BY id DESC LIMIT 2').pluck().all() as string[]).reverse();
    expect(ops).toEqual(['auth.loginFailed', 'auth.unlock']);
    expect(app.store.db.prepare("SELECT failed_attempts FROM users WHERE username = 'principal'").pluck().get()).toBe(0);
  });

  it('changes a password: the old one stops working, other sessions end', async () => {
    const { app, principal } = await setUpApp();
    const second = (await call<{ sessionToken: string }>(app, 'auth.login', LOGIN)).sessionToken;
    await call(app, 'auth.changePassword', { oldPassword: PRINCIPAL.password, newPassword: 'brand-new-pass' }, principal);
    expect((await callError(app, 'institution.get', {}, second)).code).toBe('UNAUTHENTICATED');
    expect((await callError(app, 'auth.login', LOGIN)).code).toBe('UNAUTHENTICATED');
    await call(app, 'auth.login', { username: PRINCIPAL.username, password: 'brand-new-pass' });
  });
});

function countCodes(errors: { code: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of errors) counts[e.code] = (counts[e.code] ?? 0) + 1;
  return counts;
}

describe('the dispatcher', () => {
  it('refuses unknown operations and malformed input without writing', async () => {
    const { app, principal } = await setUpApp();
    const before = auditCount(app);
    expect((await callError(app, 'users.drop', {}, principal)).code).toBe('UNKNOWN_OPERATION');
    expect((await callError(app, '__proto__', {}, principal)).code).toBe('UNKNOWN_OPERATION');
    const wrongType = await callError(app, 'settings.update', { idleLockMinutes: 'ten' }, principal);
    expect(wrongType.code).toBe('VALIDATION');
    expect(wrongType.message).toContain('idleLockMinutes');
    expect((await callError(app, 'settings.update', { idleLockMinutes: 10, extra: 1 }, principal)).code).toBe('VALIDATION');
    expect((await callError(app, 'users.create', 'a string', principal)).code).toBe('VALIDATION');
    expect(auditCount(app)).toBe(before);
  });

  it('writes an audit entry with before and after for every mutation', async () => {
    const { app, principal } = await setUpApp();
    // The foundation's mutations; each workflow's own test covers its operations the same way.
    const mutating = Object.entries(contract)
      .filter(([n, d]) => d.mutates && /^(setup|auth|users|institution|settings|backup)\./.test(n))
      .map(([n]) => n);
    const covered = new Set<string>(['setup.create']);

    const check = async (op: string, input: unknown, session = principal) => {
      const before = auditCount(app);
      await call(app, op, input, session);
      expect(auditCount(app), op).toBeGreaterThan(before);
      covered.add(op);
    };
    await check('users.create', { username: 'wangfang', displayName: '王芳', role: 'invigilator', password: 'staff-pass-1' });
    const id = (await call<{ id: number; username: string }[]>(app, 'users.list', {}, principal)).find((u) => u.username === 'wangfang')!.id;
    await check('users.update', { id, displayName: '王芳芳' });
    await check('users.resetPassword', { id, password: 'another-pass-1' });
    await check('institution.update', { name: '烟台职业学院', region: { province: '山东省', city: '烟台市', district: '芝罘区' } });
    await check('settings.update', { idleLockMinutes: 30 });
    await check('auth.changePassword', { oldPassword: PRINCIPAL.password, newPassword: 'changed-pass-1' });
    const backups = await call<{ name: string }[]>(app, 'backup.list', {}, principal);
    expect(backups).toEqual([]);
    const job = await call<{ id: string }>(app, 'backup.create', {}, principal);
    await app.jobs.wait(job.id);
    const [backup] = await call<{ name: string }[]>(app, 'backup.list', {}, principal);
    await call(app, 'backup.restore', { name: backup!.name, confirm: true }, principal);
    // The restored store carries the restore's own entry on top of what it held.
    expect(app.store.db.prepare('SELECT operation FROM audit_log ORDER BY id DESC LIMIT 1').get()).toEqual({ operation: 'backup.restore' });
    covered.add('backup.restore');
    // Downloading a backup, and restoring one from a file, as the principal logged in again.
    const again = (await call<{ sessionToken: string }>(app, 'auth.login', { username: PRINCIPAL.username, password: 'changed-pass-1' })).sessionToken;
    await check('backup.file', { name: backup!.name }, again);
    const fileId = (await call<{ fileId: string }>(app, 'backup.file', { name: backup!.name }, again)).fileId;
    await call(app, 'backup.restoreFile', { fileId, confirm: true }, again);
    expect(app.store.db.prepare('SELECT operation FROM audit_log ORDER BY id DESC LIMIT 1').get()).toEqual({ operation: 'backup.restoreFile' });
    covered.add('backup.restoreFile');

    expect(mutating.filter((op) => !covered.has(op))).toEqual([]);

    const row = app.store.db.prepare("SELECT before_json, after_json FROM audit_log WHERE operation = 'users.update' ORDER BY id DESC").get() as
      { before_json: string; after_json: string } | undefined;
    // The restore brought back the store as it was when backed up, update included.
    expect(JSON.parse(row!.before_json).displayName).toBe('王芳');
    expect(JSON.parse(row!.after_json).displayName).toBe('王芳芳');
    const secrets = app.store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE after_json LIKE '%pass-1%' OR before_json LIKE '%scrypt$%'").get() as { n: number };
    expect(secrets.n).toBe(0);
  });
});
