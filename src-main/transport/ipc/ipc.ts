import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { JobInfo, ServerEvent } from '../../../src-shared/api/jobs';
import { AppError, type CallResult } from '../../../src-shared/errors';
import type { AppCore } from '../../core/app-core';
import { dispatch } from '../../core/dispatch';

export const IPC_INVOKE = 'examsite:invoke';
export const IPC_SUBSCRIBE = 'examsite:subscribe';
export const IPC_UNSUBSCRIBE = 'examsite:unsubscribe';
export const IPC_EVENT = 'examsite:event';

/**
 * The contract over Electron IPC. Only our own page's main frame may call: a sender from any
 * other URL (a navigated-away frame, an injected iframe) is refused before dispatch.
 */
export function registerIpc(app: AppCore, ipcMain: IpcMain, isTrustedUrl: (url: string) => boolean): () => void {
  const subscribers = new Map<WebContents, string | null>();
  const trusted = (e: IpcMainEvent | IpcMainInvokeEvent) => {
    const frame = e.senderFrame;
    return frame !== null && frame.parent === null && isTrustedUrl(frame.url);
  };

  ipcMain.handle(IPC_INVOKE, async (event, operation: unknown, input: unknown, session: unknown): Promise<CallResult<unknown>> => {
    if (!trusted(event)) return { ok: false, error: new AppError('BAD_ORIGIN', '来自未知页面的调用已拒绝。').toInfo() };
    if (typeof operation !== 'string') return { ok: false, error: new AppError('UNKNOWN_OPERATION', '操作名必须是文本。').toInfo() };
    return dispatch(app, operation, input, typeof session === 'string' ? session : null);
  });
  ipcMain.on(IPC_SUBSCRIBE, (event, session: unknown) => {
    if (!trusted(event)) return;
    const contents = event.sender;
    if (!subscribers.has(contents)) contents.once('destroyed', () => subscribers.delete(contents));
    subscribers.set(contents, typeof session === 'string' ? session : null);
  });
  ipcMain.on(IPC_UNSUBSCRIBE, (event) => subscribers.delete(event.sender));

  const onJob = (job: JobInfo, owner: string | null) => {
    const message: ServerEvent = { type: 'job', job };
    for (const [contents, session] of subscribers) if (owner === null || owner === session) contents.send(IPC_EVENT, message);
  };
  app.jobs.on('job', onJob);

  return () => {
    app.jobs.off('job', onJob);
    ipcMain.removeHandler(IPC_INVOKE);
    ipcMain.removeAllListeners(IPC_SUBSCRIBE);
    ipcMain.removeAllListeners(IPC_UNSUBSCRIBE);
  };
}
