import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { OpName } from '../../../src-shared/api';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { AppError } from '../../../src-shared/errors';
import { useApi } from '../../api/hooks';

/**
 * Where an import stands: choose a file → upload and check it (a job) → the preview → commit (a
 * job) → done. `P` is what the check job returns, `R` what the commit returns.
 */
export type ImportStage<P, R> =
  | { step: 'choose' }
  | { step: 'checking'; fileName: string; job: JobInfo<P> | null }
  | { step: 'refused'; fileName: string; error: AppError }
  | { step: 'preview'; fileId: string; checkJobId: string; preview: P; error: AppError | null }
  | { step: 'committing'; fileId: string; checkJobId: string; preview: P; job: JobInfo<R> }
  | { step: 'done'; preview: P; result: R };

export interface ImportFlowOptions<P, R> {
  /** Starts the check job for an uploaded file. */
  check(fileId: string, file: File): Promise<JobInfo<P>>;
  /** Starts the commit job for a checked file (the page's choices are read when it is called). */
  commit(fileId: string, preview: P): Promise<JobInfo<R>>;
  /** Queries a commit changes: refetched before the result shows. */
  invalidates: readonly OpName[];
  /** Shown after a commit a person cancelled: back at the preview, nothing written. */
  onCancelledCommit?(): void;
}

export interface ImportFlow<P, R> {
  stage: ImportStage<P, R>;
  /** Uploads and checks a file. */
  start(file: File): Promise<void>;
  /** For the checking panel: the check job ended. */
  checked(job: JobInfo<P>): void;
  /** From the preview: starts the commit. */
  commit(): Promise<void>;
  /** For the committing panel: the commit job ended. */
  committed(job: JobInfo<R>): Promise<void>;
  restart(): void;
}

const asAppError = (e: unknown) => (e instanceof AppError ? e : new AppError('INTERNAL', e instanceof Error ? e.message : String(e)));
const failure = (job: JobInfo<unknown>, fallback: string) => (job.error ? AppError.from(job.error) : new AppError('INTERNAL', fallback));

/** The one upload → check → preview → commit flow every import page runs. */
export function useImportFlow<P, R>(options: ImportFlowOptions<P, R>): ImportFlow<P, R> {
  const api = useApi();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<ImportStage<P, R>>({ step: 'choose' });
  // The page's latest choices (a tick, a mode) reach a commit started from an older render.
  const latest = useRef(options);
  latest.current = options;
  const fileRef = useRef<{ id: string; name: string } | null>(null);

  const start = async (file: File) => {
    fileRef.current = null;
    setStage({ step: 'checking', fileName: file.name, job: null });
    try {
      const ref = await api.upload(file);
      fileRef.current = { id: ref.fileId, name: file.name };
      setStage({ step: 'checking', fileName: file.name, job: await latest.current.check(ref.fileId, file) });
    } catch (e) {
      setStage({ step: 'refused', fileName: file.name, error: asAppError(e) });
    }
  };

  const checked = (job: JobInfo<P>) => {
    const file = fileRef.current;
    if (job.state === 'cancelled' || !file) return setStage({ step: 'choose' });
    if (job.state === 'done' && job.result !== undefined) return setStage({ step: 'preview', fileId: file.id, checkJobId: job.id, preview: job.result, error: null });
    setStage({ step: 'refused', fileName: file.name, error: failure(job, '检查失败。') });
  };

  const commit = async () => {
    if (stage.step !== 'preview') return;
    try {
      const job = await latest.current.commit(stage.fileId, stage.preview);
      setStage({ step: 'committing', fileId: stage.fileId, checkJobId: stage.checkJobId, preview: stage.preview, job });
    } catch (e) {
      setStage({ ...stage, error: asAppError(e) });
    }
  };

  const committed = async (job: JobInfo<R>) => {
    if (stage.step !== 'committing') return;
    const back = { step: 'preview' as const, fileId: stage.fileId, checkJobId: stage.checkJobId, preview: stage.preview };
    if (job.state === 'done' && job.result !== undefined) {
      const result = job.result;
      await Promise.all(latest.current.invalidates.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
      setStage({ step: 'done', preview: stage.preview, result });
    } else if (job.state === 'cancelled') {
      latest.current.onCancelledCommit?.();
      setStage({ ...back, error: null });
    } else {
      setStage({ ...back, error: failure(job, '导入失败，数据没有改动。') });
    }
  };

  const restart = () => {
    fileRef.current = null;
    setStage({ step: 'choose' });
  };

  return { stage, start, checked, commit, committed, restart };
}

/** The wizard's four steps; a refusal marks the check step. */
export function stepIndex(stage: ImportStage<unknown, unknown>): number {
  return { choose: 0, checking: 1, refused: 1, preview: 2, committing: 3, done: 3 }[stage.step];
}
