import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobInfo } from '../../src-shared/api/jobs';
import { SYSTEM_ACTOR } from '../../src-shared/actor';
import { AppCore } from '../../src-main/core/app-core';
import { backupJob } from '../../src-main/core/backup/backup-job';
import { defineJob, jobRegistry, type JobInputOf } from '../../src-main/jobs/define-job';
import { TEST_JOBS, writeRowsJob } from '../fixtures/job-kinds';
import { auditCount, call, callError, openApp, setUpApp } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

const workerEntry = pathToFileURL(join(import.meta.dirname, '../fixtures/job-worker.ts'));

async function appWithTestKinds() {
  return openApp({ jobs: { registry: TEST_JOBS, workerEntry, cancelGraceMs: 300 } });
}

function rows(app: Awaited<ReturnType<typeof openApp>>): number {
  return (app.store.db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'row-%'").get() as { n: number }).n;
}

function until(app: Awaited<ReturnType<typeof openApp>>, id: string, predicate: (j: JobInfo) => boolean): Promise<JobInfo> {
  return new Promise((resolve) => {
    const check = (job: JobInfo) => {
      if (job.id === id && predicate(job)) {
        app.jobs.off('job', check);
        resolve(job);
      }
    };
    app.jobs.on('job', check);
    check(app.jobs.get(id));
  });
}

const start = (app: Awaited<ReturnType<typeof openApp>>, input: JobInputOf<typeof writeRowsJob>) =>
  app.jobs.start(writeRowsJob, input, { title: '测试写入', actor: SYSTEM_ACTOR, owner: null });

describe('jobs', () => {
  it('streams progress and commits when done', async () => {
    const app = await appWithTestKinds();
    const seen: JobInfo[] = [];
    app.jobs.on('job', (j) => seen.push(j));
    const job = start(app, { rows: 500 });
    const done = await app.jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'done', result: { written: 500 } });
    expect(seen.map((j) => j.state)).toContain('running');
    expect(seen.at(-1)!.progress).toEqual({ phase: '写入', done: 500, total: 500 });
    expect(rows(app)).toBe(500);
    expect(auditCount(app)).toBe(500);
  });

  it('leaves the store exactly as before when cancelled mid-transaction', async () => {
    const app = await appWithTestKinds();
    const job = start(app, { rows: 1000, pauseAt: 400 });
    await until(app, job.id, (j) => j.progress.phase === '暂停');
    app.jobs.cancel(job.id);
    const end = await app.jobs.wait(job.id);
    expect(end.state).toBe('cancelled');
    expect(end.error?.message).toContain('数据未改动');
    expect(rows(app)).toBe(0);
    expect(auditCount(app)).toBe(0);
    // The worker's lock is gone: the store takes writes again.
    app.store.db.prepare("INSERT INTO settings (key, value) VALUES ('after', '1')").run();
  });

  it('terminates a job that ignores cancel, and still nothing lands', async () => {
    const app = await appWithTestKinds();
    const job = start(app, { rows: 1000, pauseAt: 100, ignoreCancel: true });
    await until(app, job.id, (j) => j.progress.phase === '暂停');
    app.jobs.cancel(job.id);
    expect((await app.jobs.wait(job.id)).state).toBe('cancelled');
    expect(rows(app)).toBe(0);
    app.store.db.prepare("INSERT INTO settings (key, value) VALUES ('after', '1')").run();
  });

  it('leaves the store exactly as before when the worker dies mid-transaction', async () => {
    const app = await appWithTestKinds();
    const job = start(app, { rows: 1000, crashAt: 700 });
    const end = await app.jobs.wait(job.id);
    expect(end.state).toBe('failed');
    expect(end.error?.message).toMatch(/意外中止.*数据未改动/);
    expect(rows(app)).toBe(0);
    app.store.db.prepare("INSERT INTO settings (key, value) VALUES ('after', '1')").run();
  });

  it('reports an ordinary failure in Chinese and writes nothing', async () => {
    const app = await appWithTestKinds();
    const end = await app.jobs.wait(start(app, { rows: 50, throwAt: 10 }).id);
    expect(end).toMatchObject({ state: 'failed', error: { code: 'INTERNAL' } });
    expect(end.error?.message).toContain('任务失败');
    expect(rows(app)).toBe(0);
  });

  it('runs jobs one at a time and can cancel one still queued', async () => {
    const app = await appWithTestKinds();
    const first = start(app, { rows: 10, pauseAt: 5 });
    const second = start(app, { rows: 10 });
    expect(app.jobs.get(second.id).state).toBe('queued');
    expect(app.jobs.cancel(second.id).state).toBe('cancelled');
    await until(app, first.id, (j) => j.progress.phase === '暂停');
    app.jobs.cancel(first.id);
    await app.jobs.wait(first.id);
    expect(rows(app)).toBe(0);
    const third = await app.jobs.wait(start(app, { rows: 3 }).id);
    expect(third.state).toBe('done');
    expect(rows(app)).toBe(3);
  });

  it('refuses to start a job its registry does not list', async () => {
    const app = await appWithTestKinds();
    const stray = defineJob<Record<string, never>, null>('stray', () => null);
    expect(() => app.jobs.start(stray, {}, { title: 'x', actor: SYSTEM_ACTOR, owner: null })).toThrow('没有登记');
    // Same kind name, another object: still not the registered job.
    expect(() =>
      app.jobs.start(
        defineJob('write-rows', () => null),
        {},
        { title: 'x', actor: SYSTEM_ACTOR, owner: null },
      ),
    ).toThrow('没有登记');
  });

  it('runs the app’s own jobs in a worker on the sources, as `npm run cli` and the end-to-end servers do', async () => {
    // openApp hands the other tests the bundled worker: this one keeps AppCore's own choice.
    const app = await AppCore.open({ dataDir: tempDir(), transport: 'browser' });
    try {
      expect(await app.jobs.run(backupJob, { reason: 'manual' }, { title: '备份', actor: SYSTEM_ACTOR, owner: null })).toMatchObject({ reason: '手动' });
    } finally {
      await app.close();
    }
  });

  it('refuses a job kind declared twice in one registry', () => {
    expect(() => jobRegistry([writeRowsJob], [defineJob('write-rows', () => null)])).toThrow('job kind declared twice: write-rows');
  });

  it('answers a write at once while a job holds the store, instead of blocking on the lock', async () => {
    const { app, principal } = await setUpApp({ jobs: { registry: TEST_JOBS, workerEntry, cancelGraceMs: 300 } });
    const job = start(app, { rows: 10, pauseAt: 2 });
    await until(app, job.id, (j) => j.progress.phase === '暂停');
    const t0 = performance.now();
    const error = await callError(app, 'settings.update', { idleLockMinutes: 20 }, principal);
    const waited = performance.now() - t0;
    expect(error).toMatchObject({ code: 'CONFLICT', message: '正在测试写入，请稍候再试。' });
    // The connection would otherwise wait out its busy timeout (5 s before this rule) on the main thread.
    expect(waited).toBeLessThan(1000);
    // Reads go on meanwhile (WAL), and once the job is gone the write goes through.
    expect(await call(app, 'settings.get', {}, principal)).toMatchObject({ idleLockMinutes: expect.any(Number) });
    app.jobs.cancel(job.id);
    await app.jobs.wait(job.id);
    await call(app, 'settings.update', { idleLockMinutes: 20 }, principal);
  });
});
