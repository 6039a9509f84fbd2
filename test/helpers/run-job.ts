import { SYSTEM_ACTOR } from '../../src-shared/actor';
import { storePath } from '../../src-main/core/paths';
import type { JobDef } from '../../src-main/jobs/define-job';
import { createJobContext } from '../../src-main/jobs/job-context';

/**
 * A job run in this thread, as the worker runs it (minus the worker's start-up), on its own
 * connection to the store in `dataDir`: for benches, and for tests that spy on a module.
 * As in the worker, the result comes before the connection's checkpoint and close, which follow
 * in the next turn of the event loop (the worker does them after posting the result).
 */
export async function runJobHere<In, Out>(job: JobDef<In, Out>, dataDir: string, input: In): Promise<Out> {
  const ctx = createJobContext({
    dataDir,
    storePath: storePath(dataDir),
    actor: SYSTEM_ACTOR,
    cancelFlag: new Int32Array(new SharedArrayBuffer(4)),
    nowOffsetMs: 0,
    post: () => {},
  });
  try {
    return await job.run(ctx, input);
  } finally {
    setImmediate(() => ctx.closeStore());
  }
}
