import type { ServerEvent } from '../../src-shared/api/jobs';
import type { CallResult } from '../../src-shared/errors';

/** What both transports offer the client: the preload's bridge has exactly this shape. */
export interface Transport {
  kind: 'electron' | 'browser';
  invoke(operation: string, input: unknown, session: string | null): Promise<CallResult<unknown>>;
  subscribe(session: string | null, onEvent: (event: ServerEvent) => void): () => void;
}

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge; absent in the browser mode. */
    examsite?: Omit<Transport, 'kind'>;
  }
}
