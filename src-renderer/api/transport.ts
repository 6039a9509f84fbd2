import type { ServerEvent } from '../../src-shared/api/jobs';
import type { FileRef } from '../../src-shared/api/files';
import type { CallResult } from '../../src-shared/errors';

/** What both transports offer the client: the preload's bridge has exactly this shape. */
export interface Transport {
  kind: 'electron' | 'browser';
  invoke(operation: string, input: unknown, session: string | null): Promise<CallResult<unknown>>;
  subscribe(session: string | null, onEvent: (event: ServerEvent) => void): () => void;
  /** Hands the core a file the person chose; returns its id (the path never reaches the page). */
  upload(file: File, session: string | null): Promise<CallResult<FileRef>>;
  /** Saves a file the core offers: the browser's download, or Electron's save dialog. */
  saveFile(file: FileRef, session: string | null): Promise<CallResult<{ saved: boolean; path?: string }>>;
  /** Opens a file the core offers to be looked at and printed (a PDF in a new tab); `opened: false` when the browser blocked the tab. */
  openFile?(file: FileRef, session: string | null): Promise<CallResult<{ opened: boolean }>>;
}

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge; absent in the browser mode. */
    examsite?: Omit<Transport, 'kind' | 'saveFile' | 'openFile'> & {
      saveFile(fileId: string, session: string | null): Promise<CallResult<{ saved: boolean; path?: string }>>;
      openFile(fileId: string, session: string | null): Promise<CallResult<{ opened: boolean }>>;
    };
  }
}
