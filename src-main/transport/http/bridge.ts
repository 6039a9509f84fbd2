import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JobInfo, ServerEvent } from '../../../src-shared/api/jobs';
import { AppError, ERROR_CODES, type CallResult } from '../../../src-shared/errors';
import type { AppCore } from '../../core/app-core';
import { dispatch, requireActor } from '../../core/dispatch';
import { createLogger } from '../../logging/logger';
import { readJsonBody } from './body';
import { SECURITY_HEADERS, sendFile, serveStatic } from './static-files';

export const TOKEN_HEADER = 'x-examsite-token';
export const SESSION_HEADER = 'x-examsite-session';
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface BridgeOptions {
  port?: number;
  /** The built renderer; without it only /api answers (tests of the API alone). */
  staticDir?: string;
}

export interface Bridge {
  url: string;
  token: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const log = createLogger('bridge');
const CLOSE_GRACE_MS = 5_000;

interface Stream {
  res: ServerResponse;
  session: string;
}

/**
 * The loopback HTTP bridge: the same contract as the Electron IPC, for a browser. It binds
 * 127.0.0.1 only; every /api call must carry the per-launch token the served page received;
 * a foreign Origin or Host (another site, DNS rebinding) is refused.
 */
export async function startBridge(app: AppCore, options: BridgeOptions = {}): Promise<Bridge> {
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const streams = new Set<Stream>();
  let port = 0;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
    res.end(json);
  };
  const fail = (res: ServerResponse, error: AppError) => {
    // A body refused before its end (too large, no token or session) is not drained: the connection closes after the answer.
    if (!res.req.complete) res.setHeader('connection', 'close');
    send(res, error.status, { ok: false, error: error.toInfo() } satisfies CallResult<never>);
  };

  const tokenOk = (req: IncomingMessage) => {
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string') return false;
    const bytes = Buffer.from(given);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };
  const hostOk = (req: IncomingMessage) => req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
  const originOk = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  };
  const sessionOf = (req: IncomingMessage) => {
    const s = req.headers[SESSION_HEADER];
    return typeof s === 'string' && s.length > 0 && s.length < 200 ? s : null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostOk(req)) return fail(res, new AppError('BAD_ORIGIN', '请求的主机名不正确，已拒绝。'));
    if (!originOk(req)) return fail(res, new AppError('BAD_ORIGIN', '来自其他网站的请求已拒绝。'));

    if (url.pathname === '/api/health' && req.method === 'GET') return send(res, 200, { ok: true, schemaVersion: app.store.schemaVersion });
    if (url.pathname.startsWith('/api/')) {
      if (!tokenOk(req)) return fail(res, new AppError('BAD_TOKEN', '缺少或错误的访问令牌，请从考点助手打开的页面访问。'));
      const call = /^\/api\/call\/([A-Za-z][\w.]{0,80})$/.exec(url.pathname);
      if (call && req.method === 'POST') {
        const input = await readJsonBody(req, MAX_BODY_BYTES);
        const result = await dispatch(app, call[1]!, input, sessionOf(req));
        return send(res, result.ok ? 200 : ERROR_CODES[result.error.code], result);
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(req, res);
      if (url.pathname === '/api/upload' && req.method === 'POST') {
        const session = sessionOf(req);
        const actor = requireActor(app, session);
        const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
        // The file registry refuses by the declared length before reading, else as the bytes arrive (uploads and their quotas live there).
        const ref = await app.files.saveUpload(req, url.searchParams.get('name') ?? 'upload', { actor, session: session! }, Number.isFinite(declared) ? declared : undefined);
        return send(res, 200, { ok: true, data: ref } satisfies CallResult<unknown>);
      }
      const download = /^\/api\/download\/([a-f0-9-]{36})$/.exec(url.pathname);
      if (download && req.method === 'GET') return sendFile(res, app.files.resolve(download[1]!, requireActor(app, sessionOf(req))));
      return fail(res, new AppError('UNKNOWN_OPERATION', `没有这个接口：${req.method} ${url.pathname.slice(0, 80)}`));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, new AppError('NOT_FOUND', '没有这个地址。'));
    if (!options.staticDir) return fail(res, new AppError('NOT_FOUND', '界面未构建：请先运行 npm run build。'));
    return serveStatic(req, res, options.staticDir, url.pathname, token);
  };

  /**
   * Server-Sent Events over a fetch stream (EventSource cannot send the token header). A stream
   * needs a live session, not only the launch token, and lives no longer than its session.
   */
  const openEventStream = (req: IncomingMessage, res: ServerResponse) => {
    const session = sessionOf(req);
    requireActor(app, session, { touch: false });
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', ...SECURITY_HEADERS });
    res.write(': connected\n\n');
    const stream = { res, session: session! };
    streams.add(stream);
    const ping = setInterval(() => {
      if (stillOpen(stream, app.sessions.state(stream.session, app.idleLockMinutes))) res.write(': ping\n\n');
    }, 25_000);
    req.on('close', () => {
      clearInterval(ping);
      streams.delete(stream);
    });
  };

  /** Closes a stream whose session ended or locked, telling it why; true while it may go on. */
  const stillOpen = (stream: Stream, state: 'active' | 'locked' | 'ended'): boolean => {
    if (state === 'active') return true;
    streams.delete(stream);
    stream.res.end(`data: ${JSON.stringify({ type: 'session', state } satisfies ServerEvent)}\n\n`);
    return false;
  };

  const jobListener = (job: JobInfo, owner: string | null) => {
    const frame = `data: ${JSON.stringify({ type: 'job', job } satisfies ServerEvent)}\n\n`;
    const idleLockMinutes = app.idleLockMinutes;
    for (const s of streams) if ((owner === null || s.session === owner) && stillOpen(s, app.sessions.state(s.session, idleLockMinutes))) s.res.write(frame);
  };
  app.jobs.on('job', jobListener);
  const stopSessionListener = app.sessions.onEnd((token) => {
    for (const s of streams) if (s.session === token) stillOpen(s, 'ended');
  });

  // Calls still running when the bridge stops are let finish before the store closes under them.
  const inFlight = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    const running = handle(req, res).catch((e: unknown) => {
      const error = e instanceof AppError ? e : new AppError('INTERNAL', '服务器内部错误。');
      if (!(e instanceof AppError)) log.error('request failed', e);
      if (res.headersSent) res.destroy();
      else fail(res, error);
    });
    inFlight.add(running);
    void running.finally(() => inFlight.delete(running));
  });
  server.requestTimeout = 10 * 60_000;
  server.headersTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  log.info(`bridge listening on ${url}`);

  return {
    url,
    token,
    port,
    server,
    close: async () => {
      app.jobs.off('job', jobListener);
      stopSessionListener();
      for (const s of streams) s.res.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A call a second or two from its answer (a login's hashing) finishes; a stuck one does not hold the exit.
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, CLOSE_GRACE_MS).unref())]);
      server.closeAllConnections();
      await closed;
    },
  };
}
