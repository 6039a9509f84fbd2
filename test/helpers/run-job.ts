import { SYSTEM_ACTOR } from '../../src-main/core/call-context';
import { createJobContext, type JobHandler } from '../../src-main/jobs/job-context';

/**
 * A job handler run in this thread, as the worker runs it (minus the worker's start-up), on its
 * own connection to the store in `dataDir`: for benches, and for tests that spy on a module.
 * As in the worker, the result comes before the connection's checkpoint and close, which follow
 * in the next turn of the event loop (the worker does them after posting the result).
 */
export async function runJobHere<T>(handler: JobHandler, dataDir: string, input: unknown): Promise<T> {
  const ctx = createJobContext({ dataDir, actor: SYSTEM_ACTOR, cancelFlag: new Int32Array(new SharedArrayBuffer(4)), nowOffsetMs: 0, post: () => {} });
  try {
    return (await handler(ctx, input)) as T;
  } finally {
    setImmediate(() => ctx.closeStore());
  }
}
