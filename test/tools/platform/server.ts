import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PackageKind } from '../../../src-shared/domain/package-kinds';
import { AppError } from '../../../src-shared/errors';
import { answerPackage, readOutbound } from './answer-package';
import { Inbox, toItem, type InboxItem } from './inbox';
import { drain, parseContentRange, parseRange, sendError, sendJson } from './http-util';
import { issueCatalogPackage, issuePackage } from './issue-package';
import { openPlatform } from './platform';
import { ensureTlsCert } from './tls';
import { Uploads, type UploadRecord } from './uploads';

/**
 * The platform over HTTPS on 127.0.0.1, speaking the protocol of the app's PlatformClient
 * (src-main/pipelines/platform/platform-client.ts), with faults to inject so tests can prove
 * the client retries and resumes.
 */
export type RouteName = 'upload-head' | 'upload-put' | 'inbox' | 'download';

export interface PlatformFaults {
  /** The first download: send this many bytes of the body, then close the connection. */
  cutDownloadAfterBytes?: number;
  /** The first upload PUT: keep this many bytes of the body, then close the connection. */
  cutUploadAfterBytes?: number;
  /** Answer 503 to the first request of each of these routes. */
  unavailableOnce?: RouteName[];
}

export interface PlatformServerOptions {
  /** 0 (the default): any free port. */
  port?: number;
  keysDir?: string;
  /** A scenario file; the default scenario when left out. */
  scenario?: string;
  faults?: PlatformFaults;
  now?: () => Date;
  /** Chinese event lines (packages issued, uploads taken or refused, faults fired). */
  log?: (line: string) => void;
}

export interface RequestRecord {
  method: string;
  route: RouteName | null;
  institution: string | null;
  /** 0 when no answer was sent. */
  status: number;
  /** Downloads: where a Range asked to start; null without one. */
  rangeStart: number | null;
  /** Body bytes taken (upload PUT) or sent (download). */
  bytes: number;
  /** The connection was cut by an injected fault. */
  cut: boolean;
}

export interface Received {
  requests: RequestRecord[];
  uploads: UploadRecord[];
}

export interface PlatformServer {
  /** https://127.0.0.1:PORT/ */
  url: string;
  port: number;
  /** The server's self-signed certificate: the client's caPem. */
  caPem: string;
  /** The key packages are signed with: the app's settings.platformPublicKeys. */
  publicKeyPem: string;
  keysDir: string;
  received(): Received;
  inbox(institution: string): InboxItem[];
  /** Puts a package of the given inbound kinds in an institution's inbox. */
  issue(institution: string, kinds: Partial<Record<PackageKind, unknown>>): Promise<InboxItem>;
  close(): Promise<void>;
}

const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const UPLOAD = /^\/api\/v1\/uploads\/([0-9a-f]{64})$/;
const INBOX_ITEM = /^\/api\/v1\/inbox\/([^/]+)$/;

export async function startPlatformServer(options: PlatformServerOptions = {}): Promise<PlatformServer> {
  const platform = openPlatform({ keysDir: options.keysDir, scenarioPath: options.scenario });
  const tls = await ensureTlsCert(platform.keys.dir);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const faults = options.faults ?? {};
  const unavailable = new Set(faults.unavailableOnce ?? []);
  let cutUploadPending = faults.cutUploadAfterBytes !== undefined;
  let cutDownloadPending = faults.cutDownloadAfterBytes !== undefined;

  const workDir = mkdtempSync(join(tmpdir(), 'platform-sim-'));
  const uploads = new Uploads();
  const inbox = new Inbox();
  const requests: RequestRecord[] = [];
  let files = 0;
  const nextPath = (prefix: string) => join(workDir, `${prefix}-${++files}.zip`);

  // Sequence numbers are taken one package at a time, so two answers never share one.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  async function issueTo(institution: string, kinds: Partial<Record<PackageKind, unknown>>): Promise<InboxItem> {
    const written = await serial(() => issuePackage(platform, kinds, { institutionCode: institution, out: nextPath('issued'), now: now() }));
    const entry = inbox.add(institution, written);
    log(`已向院校 ${institution} 发出数据包：序号 ${entry.sequence}，${entry.kinds.join(',')}`);
    return toItem(entry);
  }

  async function firstCatalog(institution: string): Promise<void> {
    await serial(async () => {
      if (inbox.has(institution)) return;
      const issued = await issueCatalogPackage(platform, { institutionCode: institution, out: nextPath('catalog'), now: now() });
      if (!issued.province) log(`无法从院校代码 ${institution} 得出省份，目录中不含该省的申报计划。`);
      const entry = inbox.add(institution, issued.written);
      log(`院校 ${institution} 首次查询，已发出目录数据包：序号 ${entry.sequence}`);
    });
  }

  async function onHead(res: ServerResponse, institution: string, sha256: string): Promise<void> {
    const upload = uploads.get(institution, sha256);
    const complete = upload?.record.state === 'complete';
    res.writeHead(200, { 'upload-offset': upload?.record.stored ?? 0, ...(complete ? { 'upload-complete': '1' } : {}), 'content-length': 0 });
    res.end();
  }

  async function onPut(req: IncomingMessage, res: ServerResponse, record: RequestRecord, institution: string, sha256: string): Promise<void> {
    const range = parseContentRange(req.headers['content-range']);
    if (!range || Number(req.headers['content-length']) !== range.end - range.start + 1) {
      await drain(req);
      return sendError(res, 400, 'BAD_RANGE', 'content-range 或 content-length 不正确，应为 bytes 起-止/总长，且与正文长度一致。');
    }
    if (range.total > MAX_UPLOAD_BYTES) {
      await drain(req);
      return sendError(res, 413, 'TOO_LARGE', `数据包超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 的上限。`);
    }
    const upload = uploads.open(institution, sha256, range.total);
    const { record: u } = upload;
    if (u.state === 'complete') {
      await drain(req);
      return sendJson(res, 200, { offset: u.total, complete: true });
    }
    if (u.total !== range.total || upload.busy || range.start !== u.stored) {
      await drain(req);
      const why = u.total !== range.total ? `总长 ${range.total} 与之前的 ${u.total} 不一致` : `平台已收到 ${u.stored} 字节，这一段却从 ${range.start} 开始`;
      return sendError(res, 409, 'OFFSET_MISMATCH', `${why}，请先用 HEAD 查询偏移量。`, { offset: u.stored });
    }

    upload.busy = true;
    const put = { start: range.start, bytes: 0, cut: false };
    u.puts.push(put);
    const cutAfter = cutUploadPending ? faults.cutUploadAfterBytes! : null;
    cutUploadPending = false;
    const ended = await new Promise<boolean>((resolve) => {
      req.on('data', (chunk: Buffer) => {
        if (put.cut) return;
        if (cutAfter !== null && put.bytes + chunk.length >= cutAfter) {
          uploads.append(upload, put, chunk.subarray(0, cutAfter - put.bytes));
          put.cut = record.cut = true;
          log(`模拟故障：上传在第 ${range.start + put.bytes} 字节处断开。`);
          req.socket.destroy();
          resolve(false);
          return;
        }
        uploads.append(upload, put, chunk);
      });
      req.on('end', () => resolve(true));
      req.on('close', () => resolve(req.complete));
    });
    upload.busy = false;
    record.bytes = put.bytes;
    // A broken connection leaves its bytes as the resume point; nobody is there to answer.
    if (!ended) return;
    if (u.stored < u.total) return sendJson(res, 200, { offset: u.stored, complete: false });

    const data = uploads.assembled(upload);
    if (data === 'mismatch' || data === null) {
      uploads.refuse(upload, '收到的数据与其 SHA-256 不符');
      return sendError(res, 422, 'BAD_FILE', '收到的数据与上传地址中的 SHA-256 不符，已丢弃，请重新上传。');
    }
    try {
      const path = nextPath('upload');
      writeFileSync(path, data);
      const incoming = await readOutbound(path, `${sha256.slice(0, 12)}.zip`);
      if (incoming.manifest.institutionCode !== institution)
        throw new AppError('BAD_FILE', `数据包属于院校 ${incoming.manifest.institutionCode}，不是上传它的院校 ${institution}。`);
      const result = await serial(() => answerPackage(platform, incoming, nextPath('reply'), now()));
      const reply = result.written ? inbox.add(institution, result.written) : undefined;
      uploads.complete(upload, incoming.manifest.kinds, reply?.id);
      log(
        `收到院校 ${institution} 的数据包（${incoming.manifest.kinds.join(',')}，序号 ${incoming.manifest.sequence}）` +
          (reply ? `，已回复序号 ${reply.sequence}` : '，暂无回复') +
          (result.answer.unanswered.length ? `；未回应的数据类型：${result.answer.unanswered.join(',')}` : ''),
      );
      return sendJson(res, 200, { offset: u.total, complete: true });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      uploads.refuse(upload, message);
      log(`拒绝了院校 ${institution} 的数据包：${message}`);
      return sendError(res, 422, e instanceof AppError ? e.code : 'INTERNAL', `平台拒绝了这个数据包：${message}`);
    }
  }

  async function onDownload(req: IncomingMessage, res: ServerResponse, record: RequestRecord, institution: string, id: string): Promise<void> {
    const entry = inbox.find(institution, id);
    if (!entry) return sendError(res, 404, 'NOT_FOUND', `没有发给院校 ${institution} 的数据包 ${id}。`);
    const range = parseRange(req.headers.range, entry.size);
    if (range === 'bad') return sendError(res, 416, 'BAD_RANGE', `请求的范围超出数据包大小 ${entry.size} 字节。`, {}, { 'content-range': `bytes */${entry.size}` });
    const start = range?.start ?? 0;
    const end = range?.end ?? entry.size - 1;
    record.rangeStart = range ? start : null;
    res.writeHead(range ? 206 : 200, {
      'content-type': 'application/zip',
      'content-length': end - start + 1,
      'accept-ranges': 'bytes',
      ...(range ? { 'content-range': `bytes ${start}-${end}/${entry.size}` } : {}),
    });
    if (cutDownloadPending) {
      cutDownloadPending = false;
      const part = readFileSync(entry.path).subarray(start, Math.min(end + 1, start + faults.cutDownloadAfterBytes!));
      record.bytes = part.length;
      record.cut = true;
      log(`模拟故障：下载 ${id} 在发送 ${part.length} 字节后断开。`);
      res.write(part, () => res.destroy());
      return;
    }
    const stream = createReadStream(entry.path, { start, end });
    stream.on('data', (c) => (record.bytes += c.length));
    stream.pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const method = req.method ?? 'GET';
    const institution = url.searchParams.get('institution');
    const upload = UPLOAD.exec(url.pathname);
    const item = INBOX_ITEM.exec(url.pathname);
    const route: RouteName | null =
      upload && method === 'HEAD'
        ? 'upload-head'
        : upload && method === 'PUT'
          ? 'upload-put'
          : url.pathname === '/api/v1/inbox' && method === 'GET'
            ? 'inbox'
            : item && method === 'GET'
              ? 'download'
              : null;
    const record: RequestRecord = { method, route, institution, status: 0, rangeStart: null, bytes: 0, cut: false };
    requests.push(record);
    // 0: the connection went before any answer (a cut upload).
    res.on('close', () => (record.status = res.headersSent ? res.statusCode : 0));

    if (!route) {
      await drain(req);
      return sendError(res, 404, 'NOT_FOUND', `平台没有这个接口：${method} ${url.pathname}`);
    }
    if (!institution || !/^\d{10}$/.test(institution)) {
      await drain(req);
      return sendError(res, 400, 'VALIDATION', '缺少或不正确的院校代码参数 institution（应为 10 位学校标识码）。');
    }
    if (unavailable.delete(route)) {
      await drain(req);
      log(`模拟故障：${route} 暂时不可用（503）。`);
      return sendError(res, 503, 'UNAVAILABLE', '平台暂时不可用，请稍后重试。', {}, { 'retry-after': 1 });
    }
    switch (route) {
      case 'upload-head':
        return onHead(res, institution, upload![1]!);
      case 'upload-put':
        return onPut(req, res, record, institution, upload![1]!);
      case 'inbox':
        if (!inbox.has(institution)) await firstCatalog(institution);
        return sendJson(res, 200, { packages: inbox.list(institution) });
      case 'download':
        return onDownload(req, res, record, institution, decodeURIComponent(item![1]!));
    }
  }

  const server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`处理请求出错：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', '平台内部错误。');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `https://127.0.0.1:${port}/`,
    port,
    caPem: tls.certPem,
    publicKeyPem: platform.keys.publicPem,
    keysDir: platform.keys.dir,
    received: () => ({ requests: requests.map((r) => ({ ...r })), uploads: uploads.history.map((u) => ({ ...u, puts: u.puts.map((p) => ({ ...p })) })) }),
    inbox: (institution) => inbox.list(institution),
    issue: issueTo,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
