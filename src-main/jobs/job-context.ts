import type { Actor } from '../../src-shared/actor';
import { AppError } from '../../src-shared/errors';
import { Store } from '../store/store';

/** What a job gets inside its worker. */
export interface JobContext {
  dataDir: string;
  actor: Actor;
  now(): Date;
  /**
   * A connection of the worker's own; closed by the worker when the job ends. Its writes are
   * not checkpointed as they commit: the worker checkpoints once it has posted the result (see
   * `closeStore`), so a job that wrote 200 MB of photos is done for the user ~0.5 s sooner.
   */
  store(): Store;
  /** Reports progress; cheap to call per row (forwarded at most ~20 a second, and at each new phase). */
  progress(phase: string, done: number, total: number): void;
  cancelled(): boolean;
  /** Throws CANCELLED once cancel was asked: call it inside write loops so the transaction rolls back. */
  throwIfCancelled(): void;
  /**
   * Offers a file the job wrote (a refused-rows sheet, an export) under a key its result names:
   * the path stays in main, the person fetches it with `jobs.file`.
   */
  outputFile(key: string, path: string): void;
}

export interface WorkerJobContext extends JobContext {
  files(): Record<string, string>;
  closeStore(): void;
}

export function createJobContext(options: {
  dataDir: string;
  storePath: string;
  actor: Actor;
  cancelFlag: Int32Array;
  nowOffsetMs: number;
  post(phase: string, done: number, total: number): void;
}): WorkerJobContext {
  let store: Store | undefined;
  let lastPost = 0;
  let lastPhase = '';
  const files: Record<string, string> = {};
  const cancelled = () => Atomics.load(options.cancelFlag, 0) === 1;
  return {
    dataDir: options.dataDir,
    actor: options.actor,
    now: () => new Date(Date.now() + options.nowOffsetMs),
    store() {
      if (!store) {
        store = new Store(options.storePath);
        store.db.pragma('wal_autocheckpoint = 0');
      }
      return store;
    },
    progress(phase, done, total) {
      const t = Date.now();
      if (t - lastPost < 50 && done < total && phase === lastPhase) return;
      lastPost = t;
      lastPhase = phase;
      options.post(phase, done, total);
    },
    cancelled,
    throwIfCancelled() {
      if (cancelled()) throw new AppError('CANCELLED', '任务已取消，数据未改动。');
    },
    outputFile(key, path) {
      files[key] = path;
    },
    files: () => ({ ...files }),
    /**
     * After the result is posted: moves what the job wrote from the WAL into the store file
     * (PASSIVE: never waits for, nor blocks, the app's own connection), then closes. Skipped or
     * cut short, nothing is lost — the WAL holds every committed write, and the next checkpoint
     * by any connection moves it.
     */
    closeStore() {
      if (store?.db.open) store.db.pragma('wal_checkpoint(PASSIVE)');
      store?.close();
      store = undefined;
    },
  };
}
