import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../src-shared/errors';
import { attachLogFile, createLogger } from '../core/logger';
import { classifySqliteError } from '../store/store';
import { createJobContext, type JobKinds } from './job-context';
import type { JobWorkerData, WorkerMessage } from './protocol';

const data = workerData as JobWorkerData;
const port = parentPort!;
const send = (m: WorkerMessage) => port.postMessage(m);
const log = createLogger(`job ${data.kind}`);

async function loadKinds(): Promise<JobKinds> {
  if (data.kindsModule) return ((await import(data.kindsModule)) as { jobKinds: JobKinds }).jobKinds;
  return (await import('./kinds')).jobKinds;
}

async function main(): Promise<void> {
  // The worker appends to the app's day file itself: whole lines, so they interleave cleanly with main's.
  const detachLog = attachLogFile(data.dataDir);
  const ctx = createJobContext({
    dataDir: data.dataDir,
    actor: data.actor,
    cancelFlag: new Int32Array(data.cancelFlag),
    nowOffsetMs: data.nowOffsetMs,
    post: (phase, done, total) => send({ type: 'progress', progress: { phase, done, total } }),
  });
  try {
    const kinds = await loadKinds();
    const handler = kinds[data.kind];
    if (!handler) throw new AppError('VALIDATION', `未知的任务类型：${data.kind}`);
    const result = await handler(ctx, data.input);
    send({ type: 'done', result });
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

void main();
