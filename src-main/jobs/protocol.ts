import type { Actor } from '../../src-shared/actor';
import type { JobProgress } from '../../src-shared/api/jobs';
import type { ErrorInfo } from '../../src-shared/errors';

/** What the main thread hands a job worker. */
export interface JobWorkerData {
  kind: string;
  input: unknown;
  dataDir: string;
  /** The store file the job's own connection opens. */
  storePath: string;
  actor: Actor;
  /** Int32Array view: [0] = 1 once cancel was asked. Shared so a busy synchronous loop sees it. */
  cancelFlag: SharedArrayBuffer;
  nowOffsetMs: number;
}

export type WorkerMessage = { type: 'progress'; progress: JobProgress } | { type: 'done'; result: unknown; files: Record<string, string> } | { type: 'error'; error: ErrorInfo };
