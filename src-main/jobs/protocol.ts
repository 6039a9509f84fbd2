import type { ErrorInfo } from '../../src-shared/errors';
import type { JobProgress } from '../../src-shared/api/jobs';
import type { Actor } from '../core/call-context';

/** What the main thread hands a job worker. */
export interface JobWorkerData {
  kind: string;
  input: unknown;
  dataDir: string;
  actor: Actor;
  /** Int32Array view: [0] = 1 once cancel was asked. Shared so a busy synchronous loop sees it. */
  cancelFlag: SharedArrayBuffer;
  /** A module exporting `jobKinds`, instead of the app's own (tests add failing kinds this way). */
  kindsModule?: string;
  nowOffsetMs: number;
}

export type WorkerMessage = { type: 'progress'; progress: JobProgress } | { type: 'done'; result: unknown } | { type: 'error'; error: ErrorInfo };
