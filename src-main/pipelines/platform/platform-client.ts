import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AppError } from '../../../src-shared/errors';
import { PRIVATE_FILE_MODE } from '../../files/private-fs';
import { hashFile } from '../hash-file';

/**
 * The online side of the exchange: the same package bytes as on a USB stick, over HTTPS.
 * Uploads and downloads resume where a broken connection left them; every request is retried
 * with backoff; the server names packages by their SHA-256, so sending twice is harmless.
 *
 *   HEAD /api/v1/uploads/{sha256}       → upload-offset: bytes the platform already holds
 *   PUT  /api/v1/uploads/{sha256}       ← content-range: bytes S-E/T, the chunk
 *   GET  /api/v1/inbox                  → {"packages": [{id, sequence, sha256, size, kinds}]}
 *   GET  /api/v1/inbox/{id}             → the package (Range honoured)
 * Every request carries ?institution=CODE.
 */
export interface PlatformConfig {
  baseUrl: string;
  institutionCode: string;
  caPem?: string | undefined;
  retries?: number;
  backoffMs?: number;
  chunkBytes?: number;
  timeoutMs?: number;
}

export interface InboxItem {
  id: string;
  sequence: number;
  sha256: string;
  size: number;
  kinds: string[];
}

interface Response {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

class Retryable extends Error {}

export class PlatformClient {
  private readonly base: URL;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly chunkBytes: number;
  private readonly timeoutMs: number;

  constructor(private readonly config: PlatformConfig) {
    this.base = new URL(config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`);
    this.retries = config.retries ?? 5;
    this.backoffMs = config.backoffMs ?? 500;
    this.chunkBytes = config.chunkBytes ?? 1024 * 1024;
    this.timeoutMs = config.timeoutMs ?? 30_000;
  }

  private url(path: string): URL {
    const u = new URL(path, this.base);
    u.searchParams.set('institution', this.config.institutionCode);
    return u;
  }

  private once(method: string, url: URL, headers: Record<string, string | number> = {}, body?: Buffer, sink?: (chunk: Buffer) => void): Promise<Response> {
    // A download sink sees only the bytes of a successful answer; errors keep their body.
    return new Promise((resolve, reject) => {
      const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = request(
        url,
        { method, headers: { ...headers, ...(body ? { 'content-length': body.length } : {}) }, timeout: this.timeoutMs, ...(this.config.caPem ? { ca: this.config.caPem } : {}) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => (sink && (res.statusCode ?? 0) < 300 ? sink(c) : chunks.push(c)));
          res.on('error', (e) => reject(new Retryable(e.message)));
          res.on('end', () => {
            if (!res.complete) return reject(new Retryable('connection closed mid-response'));
            const status = res.statusCode ?? 0;
            if (status >= 500 || status === 429) return reject(new Retryable(`HTTP ${status}`));
            resolve({ status, headers: res.headers, body: Buffer.concat(chunks) });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|altnames/i.test(e.code ?? e.message))
          return reject(new AppError('BAD_ORIGIN', `平台的 HTTPS 证书无法验证（${e.code ?? e.message}）。如平台使用自签名证书，请在设置中填入它的 CA 证书。`));
        reject(new Retryable(e.code ?? e.message));
      });
      req.end(body);
    });
  }

  /** Retries network failures and 5xx with exponential backoff; other answers return as they are. */
  private async retrying<T>(attemptFn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await attemptFn();
      } catch (e) {
        if (!(e instanceof Retryable)) throw e;
        if (attempt >= this.retries) throw new AppError('INTERNAL', `无法连接平台 ${this.base.origin}（${e.message}），已重试 ${this.retries} 次。数据包可以改用 U 盘交换。`);
        await new Promise((r) => setTimeout(r, Math.min(10_000, this.backoffMs * 2 ** attempt)));
      }
    }
  }

  private send(method: string, url: URL, headers?: Record<string, string | number>, body?: Buffer): Promise<Response> {
    return this.retrying(() => this.once(method, url, headers, body));
  }

  private fail(what: string, res: Response): never {
    let message = res.body.toString('utf8').slice(0, 300);
    try {
      message = (JSON.parse(message) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // Not JSON: the text itself is the best we have.
    }
    throw new AppError('CONFLICT', `平台拒绝了${what}（HTTP ${res.status}）：${message}`);
  }

  /** Sends a package, continuing from what the platform already holds. */
  async uploadPackage(path: string, onProgress?: (done: number, total: number) => void): Promise<{ sha256: string; alreadyThere: boolean }> {
    const sha256 = await hashFile(path);
    const total = statSync(path).size;
    const target = this.url(`api/v1/uploads/${sha256}`);
    const head = await this.send('HEAD', target);
    if (head.status >= 400) this.fail('上传', head);
    if (head.headers['upload-complete'] === '1') return { sha256, alreadyThere: true };
    let offset = Number(head.headers['upload-offset'] ?? 0);
    while (offset < total) {
      const end = Math.min(total, offset + this.chunkBytes);
      const chunk = await readRange(path, offset, end);
      const res = await this.send('PUT', target, { 'content-type': 'application/octet-stream', 'content-range': `bytes ${offset}-${end - 1}/${total}` }, chunk);
      if (res.status === 409) {
        // The platform holds a different amount than we thought (a lost reply): ask again.
        offset = Number((await this.send('HEAD', target)).headers['upload-offset'] ?? 0);
        continue;
      }
      if (res.status >= 400) this.fail('上传', res);
      offset = Number((JSON.parse(res.body.toString('utf8')) as { offset: number }).offset);
      onProgress?.(offset, total);
    }
    return { sha256, alreadyThere: false };
  }

  async listInbox(): Promise<InboxItem[]> {
    const res = await this.send('GET', this.url('api/v1/inbox'));
    if (res.status >= 400) this.fail('查询待接收的数据包', res);
    return (JSON.parse(res.body.toString('utf8')) as { packages: InboxItem[] }).packages;
  }

  /** Downloads into `dest`, resuming a `.partial` left by an earlier attempt; checks the SHA-256. */
  async downloadPackage(item: InboxItem, dest: string, onProgress?: (done: number, total: number) => void): Promise<void> {
    const partial = `${dest}.partial`;
    const url = this.url(`api/v1/inbox/${encodeURIComponent(item.id)}`);
    // Each attempt asks only for the bytes still missing, so a dropped connection costs nothing.
    const fetchRest = async () => {
      let have = existsSync(partial) ? statSync(partial).size : 0;
      if (have >= item.size) return;
      const out = createWriteStream(partial, { flags: 'a', mode: PRIVATE_FILE_MODE });
      try {
        const res = await this.once('GET', url, have ? { range: `bytes=${have}-` } : {}, undefined, (chunk) => {
          out.write(chunk);
          have += chunk.length;
          onProgress?.(have, item.size);
        });
        if (res.status >= 400) this.fail('下载数据包', res);
      } finally {
        await new Promise<void>((r) => out.end(r));
      }
    };
    await this.retrying(fetchRest);
    if (statSync(partial).size === item.size && (await hashFile(partial)) === item.sha256) {
      renameSync(partial, dest);
      return;
    }
    rmSync(partial, { force: true });
    throw new AppError('BAD_FILE', `从平台下载的数据包 ${item.id} 校验和不符，已丢弃，请重新交换。`);
  }
}

function readRange(path: string, start: number, end: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(path, { start, end: end - 1 })
      .on('data', (c) => chunks.push(c as Buffer))
      .on('error', reject)
      .on('end', () => resolve(Buffer.concat(chunks)));
  });
}
