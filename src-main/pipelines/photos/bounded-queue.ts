/**
 * At most `limit` tasks in flight; `add` waits for a free slot, so a producer reading a ZIP never
 * runs ahead of the checks (memory stays at `limit` photos, plus the one read next). The
 * producer reads and inflates the next entry from an already-read 1 MB window while they run
 * (safe-zip), so a freed slot is refilled at once and the libuv threadpool is left to sharp.
 */
export interface BoundedQueue {
  add(task: () => Promise<void>): Promise<void>;
  /** Waits for every task; rethrows the first failure. */
  drain(): Promise<void>;
}

export function boundedQueue(limit: number): BoundedQueue {
  const inFlight = new Set<Promise<void>>();
  let failed = false;
  let failure: unknown;
  return {
    async add(task) {
      while (inFlight.size >= limit) await Promise.race(inFlight);
      if (failed) throw failure;
      const running: Promise<void> = task()
        .catch((e: unknown) => {
          if (!failed) [failed, failure] = [true, e];
        })
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
    },
    async drain() {
      await Promise.all(inFlight);
      if (failed) throw failure;
    },
  };
}
