import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
// The thread that spawns job workers loads sharp first: on glibc Linux the first thread to load
// it must outlive the others, or a finished worker unloads libvips under the rest.
import 'sharp';
import type { Actor } from '../../src-shared/actor';
import type { JobInfo } from '../../src-shared/api/jobs';
import { AppError, type ErrorInfo } from '../../src-shared/errors';
import type { JobDef, JobRegistry } from './define-job';
import type { JobWorkerData, WorkerMessage } from './protocol';

export interface JobRunnerOptions {
  dataDir: string;
  storePath: string;
  /** The jobs this runner may start: the same registry the worker entry module hands its workers. */
  registry: JobRegistry;
  /** The module a worker thread runs (it calls `runJobWorker` with that registry). */
  workerEntry: URL;
  now?: () => Date;
  /** How long a cancelled job may take to roll back before its worker is terminated. */
  cancelGraceMs?: number;
  /** Where a crashed worker is reported; the runner itself knows no logger. */
  onCrash?: (kind: string, error: unknown) => void;
}

export interface StartOptions {
  title: string;
  actor: Actor;
  /** The session that started it: its event stream gets the progress. */
  owner: string | null;
}

interface Entry {
  info: JobInfo;
  owner: string | null;
  actor: Actor;
  /** Files a job wrote (a refused-rows sheet, an export), by key; paths stay in main. */
  files: Record<string, string>;
  cancelFlag: Int32Array;
  worker: Worker | null;
  start: () => void;
  settled: Promise<JobInfo>;
}

const KEEP_FINISHED = 50;

/**
 * Runs jobs one at a time, each in a worker thread with its own connection: two writers
 * would only wait on each other's lock, and the UI thread stays free either way.
 */
export class JobRunner extends EventEmitter<{ job: [JobInfo, string | null] }> {
  private readonly jobs = new Map<string, Entry>();
  private readonly queue: Entry[] = [];
  private running: Entry | null = null;
  private readonly options: JobRunnerOptions;

  constructor(options: JobRunnerOptions) {
    super();
    this.options = options;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  start<In, Out>(job: JobDef<In, Out>, input: In, options: StartOptions): JobInfo<Out> {
    const kind = job.kind;
    if (this.options.registry.get(kind) !== job) throw new AppError('INTERNAL', `任务类型 ${kind} 没有登记，无法运行。`);
    const id = randomUUID();
    const cancelBuffer = new SharedArrayBuffer(4);
    let resolveSettled!: (info: JobInfo) => void;
    const entry: Entry = {
      info: {
        id,
        kind,
        title: options.title,
        state: 'queued',
        progress: { phase: '排队中', done: 0, total: 0 },
        startedAt: this.now().toISOString(),
        finishedAt: null,
      },
      owner: options.owner,
      actor: options.actor,
      files: {},
      cancelFlag: new Int32Array(cancelBuffer),
      worker: null,
      settled: new Promise<JobInfo>((r) => (resolveSettled = r)),
      start: () => {
        const workerData: JobWorkerData = {
          kind,
          input,
          dataDir: this.options.dataDir,
          storePath: this.options.storePath,
          actor: options.actor,
          cancelFlag: cancelBuffer,
          nowOffsetMs: this.now().getTime() - Date.now(),
        };
        const worker = spawnWorker(this.options.workerEntry, workerData);
        entry.worker = worker;
        this.update(entry, { state: 'running', progress: { phase: '准备中', done: 0, total: 0 } });
        let finished = false;
        const finish = (patch: Partial<JobInfo>) => {
          if (finished) return;
          finished = true;
          this.update(entry, { ...patch, finishedAt: this.now().toISOString() });
          resolveSettled(entry.info);
          this.running = null;
          this.prune();
          this.next();
        };
        worker.on('message', (m: WorkerMessage) => {
          if (m.type === 'progress') this.update(entry, { progress: m.progress });
          else if (m.type === 'done') {
            entry.files = m.files;
            finish({ state: 'done', result: m.result });
          } else finish(m.error.code === 'CANCELLED' ? { state: 'cancelled', error: m.error } : { state: 'failed', error: m.error });
        });
        worker.on('error', (e) => {
          this.options.onCrash?.(kind, e);
          finish({ state: 'failed', error: crashError() });
        });
        worker.on('exit', (code) => {
          if (Atomics.load(entry.cancelFlag, 0) === 1) finish({ state: 'cancelled', error: { code: 'CANCELLED', message: '任务已取消，数据未改动。' } });
          else finish({ state: 'failed', error: crashError(code) });
        });
      },
    };
    this.jobs.set(id, entry);
    this.queue.push(entry);
    this.emit('job', entry.info, entry.owner);
    this.next();
    return entry.info as JobInfo<Out>;
  }

  get(id: string): JobInfo {
    const entry = this.jobs.get(id);
    if (!entry) throw new AppError('NOT_FOUND', '找不到该任务，它可能早已结束。');
    return entry.info;
  }

  /** A file the job wrote, by the key its result names (`refusedFile: 'refused'`). */
  fileOf(id: string, key: string): string {
    const path = this.jobs.get(id)?.files[key];
    if (!path) throw new AppError('NOT_FOUND', '找不到任务生成的这个文件，它可能已被清理，请重新运行。');
    return path;
  }

  /** The jobs this actor may see: their own, or all of them for the principal. */
  list(actor?: Actor): JobInfo[] {
    return [...this.jobs.values()]
      .filter((e) => !actor || mayControl(e, actor))
      .map((e) => e.info)
      .reverse();
  }

  /** Refuses to show or cancel another account's job (the principal may). */
  assertMayControl(id: string, actor: Actor): void {
    const entry = this.jobs.get(id);
    if (entry && !mayControl(entry, actor)) throw new AppError('FORBIDDEN', '这是其他账号启动的任务。');
  }

  /** Resolves when the job has finished, whichever way. */
  wait(id: string): Promise<JobInfo> {
    const entry = this.jobs.get(id);
    if (!entry) throw new AppError('NOT_FOUND', '找不到该任务，它可能早已结束。');
    return entry.settled;
  }

  /** Starts a job and waits for its result (the CLI and the demo): a failure becomes its error. */
  async run<In, Out>(job: JobDef<In, Out>, input: In, options: StartOptions): Promise<Out> {
    const done = (await this.wait(this.start(job, input, options).id)) as JobInfo<Out>;
    if (done.state !== 'done') throw AppError.from(done.error ?? { code: 'INTERNAL', message: `${options.title}失败。` });
    return done.result as Out;
  }

  cancel(id: string): JobInfo {
    const entry = this.jobs.get(id);
    if (!entry) throw new AppError('NOT_FOUND', '找不到该任务，它可能早已结束。');
    if (entry.info.state === 'queued') {
      this.queue.splice(this.queue.indexOf(entry), 1);
      this.update(entry, { state: 'cancelled', finishedAt: this.now().toISOString(), error: { code: 'CANCELLED', message: '任务已取消。' } });
      return entry.info;
    }
    if (entry.info.state !== 'running') return entry.info;
    Atomics.store(entry.cancelFlag, 0, 1);
    this.update(entry, { progress: { ...entry.info.progress, phase: '正在取消' } });
    // A handler that never looks at the flag is stopped the hard way; SQLite rolls back.
    const worker = entry.worker;
    setTimeout(() => void worker?.terminate(), this.options.cancelGraceMs ?? 5000).unref();
    return entry.info;
  }

  /** The job running now, if any: a refused write names what holds the store. */
  runningJob(): JobInfo | null {
    return this.running?.info ?? null;
  }

  isBusy(): boolean {
    return this.running !== null || this.queue.length > 0;
  }

  async shutdown(): Promise<void> {
    for (const entry of this.queue.splice(0)) this.update(entry, { state: 'cancelled', finishedAt: this.now().toISOString() });
    const running = this.running;
    if (running?.worker) {
      Atomics.store(running.cancelFlag, 0, 1);
      await running.worker.terminate();
    }
  }

  private next(): void {
    if (this.running) return;
    const entry = this.queue.shift();
    if (!entry) return;
    this.running = entry;
    entry.start();
  }

  private update(entry: Entry, patch: Partial<JobInfo>): void {
    entry.info = { ...entry.info, ...patch };
    this.emit('job', entry.info, entry.owner);
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((e) => e.info.finishedAt);
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(e.info.id);
  }
}

function mayControl(entry: Entry, actor: Actor): boolean {
  return actor.role === 'principal' || (entry.actor.id !== null && entry.actor.id === actor.id);
}

function crashError(code?: number): ErrorInfo {
  return { code: 'INTERNAL', message: `任务意外中止${code === undefined ? '' : `（退出码 ${code}）`}，数据未改动。` };
}

/**
 * Bundled, the worker entry is plain JavaScript. From source (tsx, vitest) it is TypeScript:
 * a small bootstrap registers tsx's loader inside the worker first (Node 20 does not carry an
 * `--import` loader into a worker's entry module).
 */
function spawnWorker(entryUrl: URL, workerData: JobWorkerData): Worker {
  if (!entryUrl.pathname.endsWith('.ts')) return new Worker(entryUrl, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = entryUrl.href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
