import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ServerEvent } from '../../src-shared/api/jobs';

// Names repeated from transport/ipc: a sandboxed preload can require only 'electron'.
const IPC_INVOKE = 'examsite:invoke';
const IPC_SUBSCRIBE = 'examsite:subscribe';
const IPC_UNSUBSCRIBE = 'examsite:unsubscribe';
const IPC_EVENT = 'examsite:event';

/** Exactly the contract's two doors: invoke an operation, subscribe to events. Never raw ipcRenderer. */
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
});
