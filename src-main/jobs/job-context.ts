import { AppError } from '../../src-shared/errors';
import type { Actor } from '../core/call-context';
import { storePath } from '../core/paths';
import { Store } from '../store/store';

/** What a job handler gets inside its worker. */
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
}

export type JobHandler = (ctx: JobContext, input: unknown) => Promise<unknown>;
export type JobKinds = Record<string, JobHandler>;

export function createJobContext(options: {
  dataDir: string;
  actor: Actor;
  cancelFlag: Int32Array;
  nowOffsetMs: number;
  post(phase: string, done: number, total: number): void;
}): JobContext & { closeStore(): void } {
  let store: Store | undefined;
  let lastPost = 0;
  let lastPhase = '';
  const cancelled = () => Atomics.load(options.cancelFlag, 0) === 1;
  return {
    dataDir: options.dataDir,
    actor: options.actor,
    now: () => new Date(Date.now() + options.nowOffsetMs),
    store() {
      if (!store) {
        store = new Store(storePath(options.dataDir));
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
