import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/security';
import { MIME_TYPES } from '../mime-types';

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

/**
 * Serves the built renderer. Unknown paths get index.html (the router's pages); the page
 * receives the launch token in a meta tag, never in a URL that could leak through history.
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, pathname: string, token: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    return void res.end('地址格式不正确。');
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  const inside = file.startsWith(root.endsWith(sep) ? root : root + sep);
  if (inside && relative !== '' && existsSync(file) && statSync(file).isFile() && relative !== 'index.html') {
    res.writeHead(200, {
      'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
    return;
  }
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    return void res.end('界面未构建：请先运行 npm run build。');
  }
  const html = readFileSync(index, 'utf8').replace('<meta name="examsite-token" content="" />', `<meta name="examsite-token" content="${token}" />`);
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    ...SECURITY_HEADERS,
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}

/** A file the app offers for download, named for the person's Downloads folder. */
export function sendFile(res: ServerResponse, file: { path: string; name: string; size: number }): void {
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': file.size,
    'content-disposition': `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'cache-control': 'no-store',
    ...SECURITY_HEADERS,
  });
  createReadStream(file.path).pipe(res);
}
