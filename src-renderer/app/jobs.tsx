import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { JobInfo } from '../../src-shared/api/jobs';
import { useApi } from '../api/hooks';
import { useSession } from './session';

const JobsContext = createContext<ReadonlyMap<string, JobInfo>>(new Map());

/** Keeps the latest state of every job the server streams to this session. */
export function JobsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { status, user } = useSession();
  const [jobs, setJobs] = useState<ReadonlyMap<string, JobInfo>>(new Map());

  useEffect(() => {
    if (status !== 'ready') return;
    return api.subscribe((event) => {
      if (event.type === 'job') setJobs((prev) => new Map(prev).set(event.job.id, event.job));
    });
  }, [api, status, user?.id]);

  return <JobsContext.Provider value={jobs}>{children}</JobsContext.Provider>;
}

/**
 * The live state of one job: from the event stream, with a poll as a fallback. Its result has the
 * type of the operation that started it (`initial`): the stream carries the same job.
 */
export function useJob<R = unknown>(id: string | null, initial?: JobInfo<R> | null): JobInfo<R> | null {
  const api = useApi();
  const streamed = useContext(JobsContext);
  const [polled, setPolled] = useState<JobInfo | null>(initial ?? null);
  const live = id ? (streamed.get(id) ?? null) : null;
  const current = newest(live, polled) ?? (initial && initial.id === id ? initial : null);
  const finished = current?.finishedAt != null;

  useEffect(() => {
    if (!id || finished) return;
    const timer = setInterval(() => {
      api.call('jobs.get', { id }).then(setPolled, () => {});
    }, 1_000);
    return () => clearInterval(timer);
  }, [api, id, finished]);

  return current && current.id === id ? (current as JobInfo<R>) : null;
}

function newest(a: JobInfo | null, b: JobInfo | null): JobInfo | null {
  if (!a) return b;
  if (!b || b.id !== a.id) return a;
  if (a.finishedAt) return a;
  if (b.finishedAt) return b;
  return a.progress.done >= b.progress.done ? a : b;
}
