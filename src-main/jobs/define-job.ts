import type { JobContext } from './job-context';

/**
 * A kind of job, declared once with its input and result types: the operation that starts it
 * and the page that reads its result both take their types from here.
 */
export interface JobDef<In, Out> {
  readonly kind: string;
  run(ctx: JobContext, input: In): Promise<Out> | Out;
}

export function defineJob<In, Out>(kind: string, run: (ctx: JobContext, input: In) => Promise<Out> | Out): JobDef<In, Out> {
  return { kind, run };
}

// `any`: a registry holds jobs of every input and result type; each is typed where it is used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJob = JobDef<any, any>;
export type JobInputOf<J> = J extends JobDef<infer In, unknown> ? In : never;
export type JobResultOf<J> = J extends JobDef<never, infer Out> ? Out : never;

/** The jobs the app runs, by kind: the workflows' lists joined, refusing a kind declared twice. */
export type JobRegistry = ReadonlyMap<string, AnyJob>;

export function jobRegistry(...groups: readonly AnyJob[][]): JobRegistry {
  const all = new Map<string, AnyJob>();
  for (const job of groups.flat()) {
    if (all.has(job.kind)) throw new Error(`job kind declared twice: ${job.kind}`);
    all.set(job.kind, job);
  }
  return all;
}
