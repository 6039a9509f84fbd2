import { copyFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { JobInfo, ServerEvent } from '../../../src-shared/api/jobs';
import { AppError, type CallResult } from '../../../src-shared/errors';
import type { AppCore } from '../../core/app-core';
import { dispatch, requireActor } from '../../core/dispatch';

export const IPC_INVOKE = 'examsite:invoke';
export const IPC_SUBSCRIBE = 'examsite:subscribe';
export const IPC_UNSUBSCRIBE = 'examsite:unsubscribe';
export const IPC_EVENT = 'examsite:event';
export const IPC_REGISTER_FILE = 'examsite:register-file';
export const IPC_SAVE_FILE = 'examsite:save-file';
export const IPC_OPEN_FILE = 'examsite:open-file';

/** The native save dialog, passed in so this module stays testable without Electron. */
export type AskSavePath = (suggestedName: string) => Promise<string | null>;
/** The system's viewer for a file (Electron's shell.openPath: '' on success, else why not). */
export type OpenPath = (path: string) => Promise<string>;

/** What the page may have the system open: documents to print, never a program or a script. */
const OPENABLE = /\.pdf$/i;

/**
 * The contract over Electron IPC. Only our own page's main frame may call: a sender from any
 * other URL (a navigated-away frame, an injected iframe) is refused before dispatch.
 */
export function registerIpc(app: AppCore, ipcMain: IpcMain, isTrustedUrl: (url: string) => boolean, askSavePath?: AskSavePath, openPath?: OpenPath): () => void {
  const subscribers = new Map<WebContents, string>();
  const trusted = (e: IpcMainEvent | IpcMainInvokeEvent) => {
    const frame = e.senderFrame;
    return frame !== null && frame.parent === null && isTrustedUrl(frame.url);
  };

  ipcMain.handle(IPC_INVOKE, async (event, operation: unknown, input: unknown, session: unknown): Promise<CallResult<unknown>> => {
    if (!trusted(event)) return { ok: false, error: new AppError('BAD_ORIGIN', '来自未知页面的调用已拒绝。').toInfo() };
    if (typeof operation !== 'string') return { ok: false, error: new AppError('UNKNOWN_OPERATION', '操作名必须是文本。').toInfo() };
    return dispatch(app, operation, input, typeof session === 'string' ? session : null);
  });
  const fileDoor =
    (fn: (session: string | null, ...args: unknown[]) => Promise<unknown> | unknown) =>
    async (event: IpcMainInvokeEvent, session: unknown, ...args: unknown[]) => {
      if (!trusted(event)) return { ok: false, error: new AppError('BAD_ORIGIN', '来自未知页面的调用已拒绝。').toInfo() };
      try {
        return { ok: true, data: await fn(typeof session === 'string' ? session : null, ...args) };
      } catch (e) {
        return { ok: false, error: (e instanceof AppError ? e : new AppError('BAD_FILE', `文件操作失败：${e instanceof Error ? e.message : String(e)}`)).toInfo() };
      }
    };
  // A file the person picked: the preload passes its path (webUtils), never its bytes.
  ipcMain.handle(
    IPC_REGISTER_FILE,
    fileDoor((session, path, name) => {
      if (typeof path !== 'string' || !isAbsolute(path)) throw new AppError('BAD_FILE', '文件路径不正确。');
      // The same limits as an upload through the bridge, and the same quota.
      return app.files.registerPicked(path, typeof name === 'string' ? name : path, { actor: requireActor(app, session), session: session! });
    }),
  );
  ipcMain.handle(
    IPC_SAVE_FILE,
    fileDoor(async (session, fileId) => {
      if (typeof fileId !== 'string') throw new AppError('BAD_FILE', '文件编号不正确。');
      const file = app.files.resolve(fileId, requireActor(app, session));
      const target = askSavePath ? await askSavePath(file.name) : null;
      if (!target) return { saved: false };
      await copyFile(file.path, target);
      return { saved: true, path: target };
    }),
  );
  // A document to print: the system's PDF viewer opens the file the core wrote for this session.
  ipcMain.handle(
    IPC_OPEN_FILE,
    fileDoor(async (session, fileId) => {
      if (typeof fileId !== 'string') throw new AppError('BAD_FILE', '文件编号不正确。');
      const file = app.files.resolve(fileId, requireActor(app, session));
      if (!OPENABLE.test(file.name)) throw new AppError('BAD_FILE', `“${file.name}”不是 PDF 文档，请保存后再打开。`);
      if (!openPath) return { opened: false };
      const failure = await openPath(file.path);
      if (failure) throw new AppError('BAD_FILE', `无法打开“${file.name}”：${failure}`);
      return { opened: true };
    }),
  );
  /** Drops a subscriber whose session ended or locked, telling it why; true while it may go on. */
  const stillSubscribed = (contents: WebContents, state: 'active' | 'locked' | 'ended'): boolean => {
    if (state === 'active') return true;
    subscribers.delete(contents);
    if (!contents.isDestroyed()) contents.send(IPC_EVENT, { type: 'session', state } satisfies ServerEvent);
    return false;
  };
  // Events need a live session, as the bridge's stream does, and stop with it.
  ipcMain.on(IPC_SUBSCRIBE, (event, session: unknown) => {
    if (!trusted(event)) return;
    const contents = event.sender;
    const token = typeof session === 'string' ? session : null;
    if (!stillSubscribed(contents, app.sessions.state(token, app.idleLockMinutes))) return;
    if (!subscribers.has(contents)) contents.once('destroyed', () => subscribers.delete(contents));
    subscribers.set(contents, token!);
  });
  ipcMain.on(IPC_UNSUBSCRIBE, (event) => subscribers.delete(event.sender));

  const onJob = (job: JobInfo, owner: string | null) => {
    const message: ServerEvent = { type: 'job', job };
    const idleLockMinutes = app.idleLockMinutes;
    for (const [contents, session] of subscribers)
      if ((owner === null || owner === session) && stillSubscribed(contents, app.sessions.state(session, idleLockMinutes))) contents.send(IPC_EVENT, message);
  };
  app.jobs.on('job', onJob);
  const stopSessionListener = app.sessions.onEnd((token) => {
    for (const [contents, session] of subscribers) if (session === token) stillSubscribed(contents, 'ended');
  });

  return () => {
    app.jobs.off('job', onJob);
    stopSessionListener();
    ipcMain.removeHandler(IPC_INVOKE);
    ipcMain.removeHandler(IPC_REGISTER_FILE);
    ipcMain.removeHandler(IPC_SAVE_FILE);
    ipcMain.removeHandler(IPC_OPEN_FILE);
    ipcMain.removeAllListeners(IPC_SUBSCRIBE);
    ipcMain.removeAllListeners(IPC_UNSUBSCRIBE);
  };
}
