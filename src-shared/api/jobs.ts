import { z } from 'zod';
import { op } from './contract';
import type { ErrorInfo } from '../errors';
import type { FileRef } from './files';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  /** Chinese name of the current phase: 读取文件, 校验, 写入… */
  phase: string;
  done: number;
  total: number;
}

/** A job as the renderer sees it; `R` is the result type its job declares (`defineJob`). */
export interface JobInfo<R = unknown> {
  id: string;
  kind: string;
  title: string;
  state: JobState;
  progress: JobProgress;
  startedAt: string;
  finishedAt: string | null;
  result?: R;
  error?: ErrorInfo;
}

/** What the transports stream to the renderer. */
export type ServerEvent = { type: 'job'; job: JobInfo } | { type: 'session'; state: 'locked' | 'ended' };

const jobId = z.object({ id: z.string().regex(/^[a-z0-9-]{8,64}$/, { error: '任务编号不正确' }) });

export const jobOps = {
  'jobs.get': op<JobInfo>()({ input: jobId, access: 'user', summary: '查询任务进度' }),
  'jobs.cancel': op<JobInfo>()({ input: jobId, access: 'user', summary: '取消任务' }),
  'jobs.list': op<JobInfo[]>()({ input: z.object({}).strict(), access: 'user', summary: '最近的任务' }),
  'jobs.file': op<FileRef>()({
    input: z.object({ id: z.string().min(8).max(64), key: z.string().regex(/^[a-zA-Z]{1,40}$/) }).strict(),
    access: 'user',
    summary: '任务生成的文件',
  }),
};
