import { LATEST_SCHEMA_VERSION } from '../../src-main/store/migrations';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../src-shared/api/jobs';
import { startBridge, type Bridge } from '../../src-main/transport/http/bridge';
import { addUser, auditCount, LOGIN, openApp, SETUP_INPUT } from '../helpers/app';
import { writeColumnBomb, writeHugeSharedString } from '../fixtures/hostile-sheets';
import { tempDir } from '../helpers/temp-dir';

const bridges: Bridge[] = [];
afterEach(async () => {
  for (const b of bridges.splice(0)) await b.close();
});

async function bridgeFor(app: Awaited<ReturnType<typeof openApp>>) {
  const staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<html><head><meta name="examsite-token" content="" /></head><body>页面</body></html>');
  const bridge = await startBridge(app, { staticDir });
  bridges.push(bridge);
  return bridge;
}

interface Raw {
  status: number;
  body: string;
  json: () => { ok: boolean; data?: unknown; error?: { code: string; message: string } };
}

/** A raw HTTP request, so tests can send what a browser never would (bad Host, huge bodies). */
function raw(bridge: Bridge, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${bridge.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body, json: () => JSON.parse(body) });
        });
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const api = (bridge: Bridge, op: string, input: unknown, extra: Record<string, string> = {}) =>
  raw(bridge, {
    method: 'POST',
    path: `/api/call/${op}`,
    headers: { 'content-type': 'application/json', 'x-examsite-token': bridge.token, ...extra },
    body: JSON.stringify(input),
  });

describe('loopback bridge', () => {
  it('binds 127.0.0.1 and answers health without a token', async () => {
    const app = await openApp();
    const bridge = await bridgeFor(app);
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(bridge.server.address()).toMatchObject({ address: '127.0.0.1' });
    const health = await raw(bridge, { path: '/api/health' });
    expect(health.json()).toEqual({ ok: true, schemaVersion: LATEST_SCHEMA_VERSION });
  });

  it('gives the served page its token, and only there', async () => {
    const app = await openApp();
    const bridge = await bridgeFor(app);
    const page = await raw(bridge, { path: '/some/route' });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`content="${bridge.token}"`);
    expect(page.body).toContain('页面');
  });

  it('refuses /api without the token or with a wrong one (401)', async () => {
    const app = await openApp();
    const bridge = await bridgeFor(app);
    const none = await raw(bridge, { method: 'POST', path: '/api/call/app.info', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(none.json().error!.code).toBe('BAD_TOKEN');
    const wrong = await api(bridge, 'app.info', {}, { 'x-examsite-token': 'x'.repeat(43) });
    expect(wrong.status).toBe(401);
    expect((await raw(bridge, { path: '/api/anything-else' })).status).toBe(401);
    expect((await raw(bridge, { path: '/api/events' })).status).toBe(401);
  });

  it('refuses other origins and a foreign Host (DNS rebinding)', async () => {
    const app = await openApp();
    const bridge = await bridgeFor(app);
    const origin = await api(bridge, 'app.info', {}, { origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    expect(origin.json().error!.code).toBe('BAD_ORIGIN');
    const host = await api(bridge, 'app.info', {}, { host: `evil.example:${bridge.port}` });
    expect(host.status).toBe(403);
    expect((await api(bridge, 'app.info', {}, { origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200);
  });

  it('answers bad input with a clear error, writes nothing, and stays up', async () => {
    const app = await openApp();
    const bridge = await bridgeFor(app);
    await api(bridge, 'setup.create', SETUP_INPUT);
    const token = (await api(bridge, 'auth.login', LOGIN)).json().data as { sessionToken: string };
    const session = { 'x-examsite-session': token.sessionToken };
    const before = auditCount(app);

    const malformed = await raw(bridge, {
      method: 'POST',
      path: '/api/call/settings.update',
      headers: { 'content-type': 'application/json', 'x-examsite-token': bridge.token, ...session },
      body: '{"idleLockMinutes": 5',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'BAD_JSON', message: '请求内容不是合法的 JSON。' });

    const notJson = await raw(bridge, {
      method: 'POST',
      path: '/api/call/settings.update',
      headers: { 'content-type': 'text/plain', 'x-examsite-token': bridge.token, ...session },
      body: 'idle=5',
    });
    expect(notJson.status).toBe(400);

    const wrongType = await api(bridge, 'settings.update', { idleLockMinutes: [5] }, session);
    expect(wrongType.status).toBe(400);
    expect(wrongType.json().error!.message).toContain('idleLockMinutes');

    const huge = await api(bridge, 'settings.update', { pad: 'x'.repeat(11 * 1024 * 1024) }, session);
    expect(huge.status).toBe(413);
    expect(huge.json().error!.code).toBe('TOO_LARGE');

    const unknown = await api(bridge, 'settings.explode', {}, session);
    expect(unknown.status).toBe(404);
    expect(unknown.json().error!.code).toBe('UNKNOWN_OPERATION');

    const badPath = await api(bridge, '../../etc/passwd', {}, session);
    expect(badPath.status).toBeGreaterThanOrEqual(400);

    expect(auditCount(app)).toBe(before);
    expect((await raw(bridge, { path: '/api/health' })).status).toBe(200);
  });

  it('answers a wrong role with 403 and a missing login with 401', async () => {
    const app = await openApp();
    const bridge = await bridgeFor(app);
    await api(bridge, 'setup.create', SETUP_INPUT);
    const principal = ((await api(bridge, 'auth.login', LOGIN)).json().data as { sessionToken: string }).sessionToken;
    const coordinator = await addUser(app, principal, 'zhangwei', 'coordinator');
    const before = auditCount(app);
    const forbidden = await api(
      bridge,
      'users.create',
      { username: 'x1234', displayName: 'x', role: 'invigilator', password: 'password-1' },
      { 'x-examsite-session': coordinator },
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.json().error!.message).toBe('您的角色无权执行此操作。');
    expect((await api(bridge, 'users.list', {})).status).toBe(401);
    expect(auditCount(app)).toBe(before);
  });

  it('streams job progress to the session that started it', async () => {
    const app = await openApp();
    const bridge = await bridgeFor(app);
    await api(bridge, 'setup.create', SETUP_INPUT);
    const principal = ((await api(bridge, 'auth.login', LOGIN)).json().data as { sessionToken: string }).sessionToken;
    const headers = { 'x-examsite-token': bridge.token, 'x-examsite-session': principal };
    const res = await fetch(`${bridge.url}api/events`, { headers });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const job = (await api(bridge, 'backup.create', {}, { 'x-examsite-session': principal })).json().data as { id: string };
    let text = '';
    while (!text.includes('"state":"done"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    expect(text).toContain(job.id);
    expect(text).toContain('"phase":"复制数据页"');
    await reader.cancel();
  });

  it('refuses the event stream without a live session (401, like other calls) and while locked (423)', async () => {
    let now = new Date('2026-03-01T08:00:00Z');
    const app = await openApp({ now: () => now });
    const bridge = await bridgeFor(app);
    await api(bridge, 'setup.create', SETUP_INPUT);
    const principal = ((await api(bridge, 'auth.login', LOGIN)).json().data as { sessionToken: string }).sessionToken;
    const events = (session?: string) => raw(bridge, { path: '/api/events', headers: { 'x-examsite-token': bridge.token, ...(session ? { 'x-examsite-session': session } : {}) } });
    const none = await events();
    expect(none.status).toBe(401);
    expect(none.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录。' } });
    expect((await events('no-such-session')).status).toBe(401);
    await api(bridge, 'settings.update', { idleLockMinutes: 5 }, { 'x-examsite-session': principal });
    now = new Date(now.getTime() + 6 * 60_000);
    const locked = await events(principal);
    expect(locked.status).toBe(423);
    expect(locked.json().error!.code).toBe('SESSION_LOCKED');
  });

  it('closes the event stream of a session when the session ends, and sends it no more job frames', { timeout: 120_000 }, async () => {
    let now = new Date('2026-03-01T08:00:00Z');
    const app = await openApp({ now: () => now });
    const bridge = await bridgeFor(app);
    await api(bridge, 'setup.create', SETUP_INPUT);
    const principal = ((await api(bridge, 'auth.login', LOGIN)).json().data as { sessionToken: string }).sessionToken;
    const asPrincipal = { 'x-examsite-session': principal };
    const idOf = async (username: string) =>
      ((await api(bridge, 'users.list', {}, asPrincipal)).json().data as { id: number; username: string }[]).find((u) => u.username === username)!.id;
    const ends: Record<string, (session: string, username: string) => Promise<unknown>> = {
      logout: (session) => api(bridge, 'auth.logout', {}, { 'x-examsite-session': session }),
      disabled: async (_, username) => api(bridge, 'users.update', { id: await idOf(username), disabled: true }, asPrincipal),
      'password reset': async (_, username) => api(bridge, 'users.resetPassword', { id: await idOf(username), password: 'another-pass-1' }, asPrincipal),
    };
    for (const [how, end] of Object.entries(ends)) {
      const username = `staff${Object.keys(ends).indexOf(how)}`;
      const session = await addUser(app, principal, username, 'coordinator');
      const stream = await openStream(bridge, session);
      await end(session, username);
      app.jobs.emit('job', { id: `job-after-${how}` } as JobInfo, session);
      const { text, ended } = await stream.readUntilEnd(5_000);
      expect(ended, how).toBe(true);
      expect(text, how).toContain('{"type":"session","state":"ended"}');
      expect(text, how).not.toContain('job-after');
    }

    // A restore ends every session: the principal's stream too.
    const backup = (await api(bridge, 'backup.create', {}, asPrincipal)).json().data as { id: string };
    await app.jobs.wait(backup.id);
    const [first] = (await api(bridge, 'backup.list', {}, asPrincipal)).json().data as { name: string }[];
    const stream = await openStream(bridge, principal);
    expect((await api(bridge, 'backup.restore', { name: first!.name, confirm: true }, asPrincipal)).status).toBe(200);
    expect((await stream.readUntilEnd(5_000)).ended).toBe(true);

    // Idle past the lock: the next frame of its job finds the session locked and closes the stream instead.
    const again = ((await api(bridge, 'auth.login', LOGIN)).json().data as { sessionToken: string }).sessionToken;
    await api(bridge, 'settings.update', { idleLockMinutes: 5 }, { 'x-examsite-session': again });
    const idle = await openStream(bridge, again);
    now = new Date(now.getTime() + 6 * 60_000);
    app.jobs.emit('job', { id: 'job-while-locked' } as JobInfo, again);
    const last = await idle.readUntilEnd(5_000);
    expect(last.ended).toBe(true);
    expect(last.text).toContain('{"type":"session","state":"locked"}');
    expect(last.text).not.toContain('job-while-locked');
  });
});

describe('uploads through the bridge', () => {
  async function loggedIn() {
    const app = await openApp();
    const bridge = await bridgeFor(app);
    await api(bridge, 'setup.create', SETUP_INPUT);
    const session = ((await api(bridge, 'auth.login', LOGIN)).json().data as { sessionToken: string }).sessionToken;
    return { app, bridge, session };
  }
  const upload = (bridge: Bridge, session: string, body: Buffer, name = 'photos.zip') =>
    raw(bridge, {
      method: 'POST',
      path: `/api/upload?name=${encodeURIComponent(name)}`,
      headers: { 'content-type': 'application/octet-stream', 'x-examsite-token': bridge.token, 'x-examsite-session': session },
      body,
    });

  it('refuses a file over 1 GB by its declared length, before reading it, naming the limit (413)', async () => {
    const { app, bridge, session } = await loggedIn();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: bridge.port,
        method: 'POST',
        path: '/api/upload?name=big.zip',
        headers: {
          host: `127.0.0.1:${bridge.port}`,
          'content-type': 'application/octet-stream',
          'content-length': 1.5 * 1024 ** 3,
          'x-examsite-token': bridge.token,
          'x-examsite-session': session,
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', reject);
      // A first megabyte, then nothing: the answer must not wait for the other 1.5 GB.
      req.write(Buffer.alloc(1024 * 1024));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toMatchObject({ code: 'TOO_LARGE', message: '文件“big.zip”超过单个文件 1 GB 的上限。' });
    expect(existsSync(app.files.uploadDir) ? readdirSync(app.files.uploadDir) : []).toEqual([]);
  });

  it('stops reading an upload without a length once it passes the limit, and leaves nothing behind', async () => {
    const { app, bridge, session } = await loggedIn();
    app.files.quota.limits = { fileBytes: 1024 ** 2, heldBytes: 3 * 1024 ** 2 };
    const chunk = Buffer.alloc(1024 * 1024);
    const outcome = await new Promise<{ status: number; body: string; written: number }>((resolve) => {
      let written = 0;
      let answer: { status: number; body: string } | null = null;
      const req = request({
        host: '127.0.0.1',
        port: bridge.port,
        method: 'POST',
        path: '/api/upload?name=stream.zip',
        headers: { host: `127.0.0.1:${bridge.port}`, 'content-type': 'application/octet-stream', 'x-examsite-token': bridge.token, 'x-examsite-session': session },
      });
      const done = () => resolve({ ...(answer ?? { status: 0, body: '' }), written });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => (answer = { status: res.statusCode ?? 0, body }));
      });
      req.on('error', done);
      req.on('close', done);
      // Keeps sending (up to 512 MB) after the answer: a server that drained the rest would take it all.
      const pump = () => {
        while (written < 512 * 1024 ** 2 && !req.destroyed) {
          written += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(outcome.status).toBe(413);
    expect(JSON.parse(outcome.body).error.message).toBe('文件“stream.zip”超过单个文件 1 MB 的上限。');
    expect(outcome.written).toBeLessThan(128 * 1024 ** 2);
    expect(readdirSync(app.files.uploadDir)).toEqual([]);
  });

  it('holds at most the quota per account, across its sessions, and frees the uploads of a session when it ends', { timeout: 60_000 }, async () => {
    const { app, bridge, session } = await loggedIn();
    app.files.quota.limits = { fileBytes: 1024 ** 2, heldBytes: 3 * 1024 ** 2 };
    const file = Buffer.alloc(1024 ** 2, 7);
    for (let i = 0; i < 3; i++) expect((await upload(bridge, session, file, `第${i + 1}个.zip`)).status).toBe(200);
    const second = ((await api(bridge, 'auth.login', LOGIN)).json().data as { sessionToken: string }).sessionToken;
    const over = await upload(bridge, second, file, '第4个.zip');
    expect(over.status).toBe(413);
    expect(over.json().error!.message).toBe(
      `账号 ${LOGIN.username} 已上传、尚未清理的文件共 3 MB，再加上“第4个.zip”将超过每个账号 3 MB 的上限。退出登录会清理本次登录上传的文件，其余的一天后自动清理。`,
    );
    // Private to the account that runs the app, like the rest of the data folder.
    expect((statSync(app.files.uploadDir).mode & 0o777).toString(8)).toBe('700');
    expect(readdirSync(app.files.uploadDir).map((f) => (statSync(join(app.files.uploadDir, f)).mode & 0o777).toString(8))).toEqual(['600', '600', '600']);

    await api(bridge, 'auth.logout', {}, { 'x-examsite-session': session });
    expect(readdirSync(app.files.uploadDir)).toEqual([]);
    expect((await upload(bridge, second, file, '第4个.zip')).status).toBe(200);
  });

  it('counts uploads sent at the same time together', async () => {
    const { app, bridge, session } = await loggedIn();
    app.files.quota.limits = { fileBytes: 1024 ** 2, heldBytes: 3 * 1024 ** 2 };
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(bridge, session, Buffer.alloc(1024 ** 2, i), `${i}.zip`)));
    const accepted = answers.filter((a) => a.status === 200).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(3);
    expect(answers.filter((a) => a.status === 413).length).toBe(6 - accepted);
    expect(readdirSync(app.files.uploadDir).length).toBe(accepted);
  });
});

/** An open event stream and a way to read it until the server ends it (or give up after `ms`). */
async function openStream(bridge: Bridge, session: string) {
  const res = await fetch(`${bridge.url}api/events`, { headers: { 'x-examsite-token': bridge.token, 'x-examsite-session': session } });
  expect(res.status).toBe(200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  return {
    async readUntilEnd(ms: number): Promise<{ text: string; ended: boolean }> {
      let text = '';
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms));
      for (;;) {
        const next = await Promise.race([reader.read(), timeout]);
        if (next === 'timeout') {
          await reader.cancel();
          return { text, ended: false };
        }
        if (next.done) return { text, ended: true };
        text += next.value;
      }
    },
  };
}

describe('stopping the bridge', () => {
  it('lets a call still running finish before the store closes under it', async () => {
    const app = await openApp({ passwordCost: { N: 2 ** 17 } });
    const bridge = await startBridge(app, { staticDir: tempDir() });
    // A first-run set-up hashes a password: well under a second, long enough to be caught mid-way.
    const answer = api(bridge, 'setup.create', SETUP_INPUT);
    await new Promise((r) => setTimeout(r, 20));
    await bridge.close();
    expect((await answer).json()).toMatchObject({ ok: true });
    expect(app.store.db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
  });
});

describe('hostile spreadsheets in the browser mode', () => {
  it('refuses each through the upload and the check job, and the server keeps answering', async () => {
    const app = await openApp();
    const bridge = await bridgeFor(app);
    await api(bridge, 'setup.create', SETUP_INPUT);
    const session = (await api(bridge, 'auth.login', LOGIN)).json().data as { sessionToken: string };
    const dir = tempDir();
    const files: [string, (p: string) => Promise<void>, RegExp][] = [
      ['bomb.xlsx', (p) => writeColumnBomb(p), /AAAAAAA2/],
      ['shared.xlsx', (p) => writeHugeSharedString(p, { chars: 1_000_000, cells: 2000, letter: 'a' }), /32,?767|32767/],
    ];
    for (const [name, write, expected] of files) {
      const path = join(dir, name);
      await write(path);
      const upload = await raw(bridge, {
        method: 'POST',
        path: `/api/upload?name=${encodeURIComponent(name)}`,
        headers: { 'x-examsite-token': bridge.token, 'x-examsite-session': session.sessionToken, 'content-type': 'application/octet-stream' },
        body: readFileSync(path),
      });
      const fileId = (upload.json().data as { fileId: string }).fileId;
      const started = (await api(bridge, 'candidates.importPreview', { fileId, kind: 'school' }, { 'x-examsite-session': session.sessionToken })).json().data as JobInfo;
      const done = await app.jobs.wait(started.id);
      expect(done.state).toBe('failed');
      expect(done.error?.message).toMatch(expected);
      expect((await raw(bridge, { path: '/api/health' })).json()).toMatchObject({ ok: true });
    }
  });
});
