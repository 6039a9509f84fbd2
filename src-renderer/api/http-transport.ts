import type { ServerEvent } from '../../src-shared/api/jobs';
import type { FileRef } from '../../src-shared/api/files';
import { isErrorInfo, type CallResult } from '../../src-shared/errors';
import type { Transport } from './transport';

const TOKEN_HEADER = 'x-examsite-token';
const SESSION_HEADER = 'x-examsite-session';

/** The browser mode: the loopback bridge, authorised by the token the served page carries. */
export function httpTransport(token: string): Transport {
  const headers = (session: string | null): Record<string, string> => ({
    'content-type': 'application/json',
    [TOKEN_HEADER]: token,
    ...(session ? { [SESSION_HEADER]: session } : {}),
  });

  return {
    kind: 'browser',
    async invoke(operation, input, session) {
      let response: Response;
      try {
        response = await fetch(`/api/call/${encodeURIComponent(operation)}`, { method: 'POST', headers: headers(session), body: JSON.stringify(input ?? {}) });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: '无法连接考点助手服务：它可能已经退出，请重新启动应用。' } };
      }
      const body = (await response.json().catch(() => null)) as CallResult<unknown> | null;
      if (body && (body.ok === true || isErrorInfo((body as { error?: unknown }).error))) return body;
      return { ok: false, error: { code: 'INTERNAL', message: `服务返回了无法识别的响应（HTTP ${response.status}）。` } };
    },
    async upload(file, session) {
      try {
        const res = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { ...headers(session), 'content-type': 'application/octet-stream' },
          body: file,
        });
        return (await res.json()) as CallResult<FileRef>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: '上传失败：无法连接考点助手服务。' } };
      }
    },
    async saveFile(file, session) {
      const res = await fetch(`/api/download/${file.fileId}`, { headers: headers(session) }).catch(() => null);
      if (!res?.ok) return { ok: false, error: { code: 'NOT_FOUND', message: '下载失败：文件已不在，或服务已退出。' } };
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { ok: true, data: { saved: true } };
    },
    async openFile(file, session) {
      const res = await fetch(`/api/download/${file.fileId}`, { headers: headers(session) }).catch(() => null);
      if (!res?.ok) return { ok: false, error: { code: 'NOT_FOUND', message: '打开失败：文件已不在，或服务已退出。' } };
      const type = /\.pdf$/i.test(file.name) ? 'application/pdf' : 'application/octet-stream';
      const url = URL.createObjectURL(new Blob([await res.blob()], { type }));
      // Not `noopener`: with it window.open answers null, and a blocked tab could not be told from an opened one.
      const tab = window.open(url, '_blank');
      if (!tab) {
        URL.revokeObjectURL(url);
        return { ok: true, data: { opened: false } };
      }
      // The tab reads the blob as it loads; a print dialog may keep it a while.
      setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
      return { ok: true, data: { opened: true } };
    },
    subscribe(session, onEvent) {
      const controller = new AbortController();
      let retry = 500;
      const connect = async () => {
        while (!controller.signal.aborted) {
          try {
            const res = await fetch('/api/events', { headers: headers(session), signal: controller.signal });
            // The stream needs a live session: once it has ended or locked, only a new login or an unlock subscribes again.
            if (res.status === 401 || res.status === 423) return;
            if (!res.ok || !res.body) throw new Error(String(res.status));
            retry = 500;
            const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              buffer += value;
              let end: number;
              while ((end = buffer.indexOf('\n\n')) >= 0) {
                const frame = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                const data = frame
                  .split('\n')
                  .filter((l) => l.startsWith('data: '))
                  .map((l) => l.slice(6))
                  .join('\n');
                if (data) onEvent(JSON.parse(data) as ServerEvent);
              }
            }
          } catch {
            if (controller.signal.aborted) return;
          }
          await new Promise((r) => setTimeout(r, retry));
          retry = Math.min(retry * 2, 10_000);
        }
      };
      void connect();
      return () => controller.abort();
    },
  };
}
