// zod's locale is per thread: without this a job's built-in zod messages (a package payload's) come out in English.
import '../../src-shared/zod-locale';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../src-shared/errors';
import { attachLogFile, createLogger } from '../logging/logger';
import { classifySqliteError } from '../store/store';
import type { JobRegistry } from './define-job';
import { createJobContext } from './job-context';
import type { JobWorkerData, WorkerMessage } from './protocol';

/**
 * The body of a job worker thread: runs the one job it was started for, from the registry its
 * entry module hands in (the app's, or a test's), posts the result, then closes its connection.
 */
export async function runJobWorker(registry: JobRegistry): Promise<void> {
  const data = workerData as JobWorkerData;
  const port = parentPort!;
  const send = (m: WorkerMessage) => port.postMessage(m);
  const log = createLogger(`job ${data.kind}`);
  // The worker appends to the app's day file itself: whole lines, so they interleave cleanly with main's.
  const detachLog = attachLogFile(data.dataDir);
  const ctx = createJobContext({
    dataDir: data.dataDir,
    storePath: data.storePath,
    actor: data.actor,
    cancelFlag: new Int32Array(data.cancelFlag),
    nowOffsetMs: data.nowOffsetMs,
    post: (phase, done, total) => send({ type: 'progress', progress: { phase, done, total } }),
  });
  try {
    const job = registry.get(data.kind);
    if (!job) throw new AppError('VALIDATION', `未知的任务类型：${data.kind}`);
    const result: unknown = await job.run(ctx, data.input);
    send({ type: 'done', result, files: ctx.files() });
  } catch (e) {
    const error =
      e instanceof AppError
        ? e
        : (e as { code?: string }).code?.startsWith('SQLITE')
          ? classifySqliteError(e, '任务')
          : new AppError('INTERNAL', `任务失败：${e instanceof Error ? e.message : String(e)}（详情已写入日志）`);
    if (!(e instanceof AppError)) log.error('job failed', e);
    send({ type: 'error', error: error.toInfo() });
  } finally {
    ctx.closeStore();
    detachLog();
  }
}
