import { describe, expect, it } from 'vitest';
import { AppCore } from '../../src-main/core/app-core';
import { dispatch } from '../../src-main/core/dispatch';
import { call, callError, LOGIN, openApp, SETUP_INPUT } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

function hashOf(app: AppCore, username: string): string {
  return (app.store.db.prepare('SELECT password_hash FROM users WHERE username = ?').get(username) as { password_hash: string }).password_hash;
}

describe('password hashing cost', () => {
  it('ships at scrypt N=2^17, r=8, p=1; a cheap test app still verifies those hashes, and its own', async () => {
    const dataDir = tempDir();
    // Opened as the CLI, the server and Electron open it: no cost given.
    const shipped = await AppCore.open({ dataDir, transport: 'browser' });
    try {
      const r = await dispatch(shipped, 'setup.create', SETUP_INPUT, null);
      expect(r.ok).toBe(true);
      expect(hashOf(shipped, LOGIN.username)).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    } finally {
      await shipped.close();
    }

    const cheap = await openApp({ dataDir });
    const { sessionToken } = await call<{ sessionToken: string }>(cheap, 'auth.login', LOGIN);
    await call(cheap, 'users.create', { username: 'zhangwei', displayName: '张伟', role: 'coordinator', password: 'staff-pass-1' }, sessionToken);
    expect(hashOf(cheap, 'zhangwei')).toMatch(/^scrypt\$1024\$8\$1\$/);
    await call(cheap, 'auth.login', { username: 'zhangwei', password: 'staff-pass-1' });
    expect((await callError(cheap, 'auth.login', { username: 'zhangwei', password: 'wrong-pass-1' })).code).toBe('UNAUTHENTICATED');
    expect((await callError(cheap, 'auth.login', { username: 'nobody', password: 'staff-pass-1' })).code).toBe('UNAUTHENTICATED');
  });
});
