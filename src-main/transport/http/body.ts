import type { IncomingMessage } from 'node:http';
import { AppError } from '../../../src-shared/errors';

/** Reads a JSON request body, refusing other content types and anything over `max` bytes. */
export function readJsonBody(req: IncomingMessage, max: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    req.pause();
    return Promise.reject(new AppError('BAD_JSON', '请求内容必须是 JSON（Content-Type: application/json）。'));
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) {
    // Left unread: the bridge answers and closes the connection rather than take the rest.
    req.pause();
    return Promise.reject(tooLarge(max));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > max) {
        refused = true;
        chunks.length = 0;
        req.pause();
        reject(tooLarge(max));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => reject(new AppError('BAD_JSON', '请求在传输中断开。')));
    req.on('end', () => {
      if (refused) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new AppError('BAD_JSON', '请求内容不是合法的 JSON。'));
      }
    });
  });
}

function tooLarge(max: number): AppError {
  return new AppError('TOO_LARGE', `请求内容超过 ${Math.round(max / 1024 / 1024)} MB 的上限。`, { maxBytes: max });
}
