import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ServerEvent } from '../../src-shared/api/jobs';

// Names repeated from transport/ipc: a sandboxed preload can require only 'electron'.
const IPC_INVOKE = 'examsite:invoke';
const IPC_SUBSCRIBE = 'examsite:subscribe';
const IPC_UNSUBSCRIBE = 'examsite:unsubscribe';
const IPC_EVENT = 'examsite:event';
const IPC_REGISTER_FILE = 'examsite:register-file';
const IPC_SAVE_FILE = 'examsite:save-file';
const IPC_OPEN_FILE = 'examsite:open-file';

/**
 * The contract's doors and nothing more: invoke an operation, subscribe to events, hand main a
 * file the person picked (by path), save a file main offers, or have the system open a PDF it
 * offers. Never raw ipcRenderer.
 */
contextBridge.exposeInMainWorld('examsite', {
  invoke: (operation: string, input: unknown, session: string | null) => ipcRenderer.invoke(IPC_INVOKE, String(operation), input, session),
  subscribe: (session: string | null, onEvent: (event: ServerEvent) => void) => {
    const listener = (_e: IpcRendererEvent, event: ServerEvent) => onEvent(event);
    ipcRenderer.on(IPC_EVENT, listener);
    ipcRenderer.send(IPC_SUBSCRIBE, session);
    return () => {
      ipcRenderer.off(IPC_EVENT, listener);
      ipcRenderer.send(IPC_UNSUBSCRIBE);
    };
  },
  upload: (file: File, session: string | null) => ipcRenderer.invoke(IPC_REGISTER_FILE, session, webUtils.getPathForFile(file), file.name),
  saveFile: (fileId: string, session: string | null) => ipcRenderer.invoke(IPC_SAVE_FILE, session, String(fileId)),
  openFile: (fileId: string, session: string | null) => ipcRenderer.invoke(IPC_OPEN_FILE, session, String(fileId)),
});
