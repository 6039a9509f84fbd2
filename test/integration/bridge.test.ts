import { LATEST_SCHEMA_VERSION } from '../../src-main/store/migrations';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../src-main/transport/http/bridge';
import { addUser, auditCount, LOGIN, openApp, SETUP_INPUT } from '../helpers/app';
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
});
