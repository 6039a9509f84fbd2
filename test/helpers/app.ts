import { pathToFileURL } from 'node:url';
import { afterEach, expect } from 'vitest';
import { AppCore, type AppOptions } from '../../src-main/core/app-core';
import { dispatch } from '../../src-main/core/dispatch';
import type { OpName } from '../../src-shared/api';
import type { JobInfo } from '../../src-shared/api/jobs';
import type { ErrorInfo } from '../../src-shared/errors';
import { tempDir } from './temp-dir';
import { testBundle } from './test-bundle-dir';

const opened: AppCore[] = [];

export const PRINCIPAL = { username: 'principal', displayName: '赵校长', password: 'principal-pass-1' };

export const LOGIN = { username: PRINCIPAL.username, password: PRINCIPAL.password };

export const SETUP_INPUT = {
  institution: { code: '4137014320', name: '烟台职业学院', region: { province: '山东省', city: '烟台市', district: '莱山区' } },
  principal: PRINCIPAL,
};

/**
 * scrypt at N=2^10 instead of the shipped 2^17: an account in ~1 ms instead of ~0.5 s. Hashes
 * carry their parameters, so verifying stays the real code path (test/integration/password-cost).
 */
export const TEST_PASSWORD_COST = { N: 2 ** 10 };

/**
 * The app's jobs run in the bundled worker (what the shipped app runs), which starts in a fraction
 * of the time a worker on the sources takes; test/integration/jobs.test.ts runs the sources' one.
 */
const BUNDLED_WORKER = testBundle('job-worker.mjs');

/** The jobs options of a test's app: the bundled worker, unless `jobs` names its own. */
export function testJobOptions(jobs: AppOptions['jobs'] = {}): Pick<AppOptions, 'jobs'> {
  return { jobs: { ...(BUNDLED_WORKER ? { workerEntry: pathToFileURL(BUNDLED_WORKER) } : {}), ...jobs } };
}

export async function openApp(options: Partial<AppOptions> = {}): Promise<AppCore> {
  const app = await AppCore.open({ dataDir: tempDir(), transport: 'browser', passwordCost: TEST_PASSWORD_COST, ...options, ...testJobOptions(options.jobs) });
  opened.push(app);
  return app;
}

/** Calls through the same door the transports use; throws on an error envelope. */
export async function call<T = unknown>(app: AppCore, name: OpName | string, input: unknown, session: string | null = null): Promise<T> {
  const r = await dispatch(app, name, input, session);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, details: r.error.details });
  return r.data as T;
}

export async function callError(app: AppCore, name: string, input: unknown, session: string | null = null) {
  const r = await dispatch(app, name, input, session);
  if (r.ok) throw new Error(`expected ${name} to fail`);
  return r.error;
}

/** An operation that starts a job, to the job's end: its result, or its error thrown as `call` throws. */
export async function callJob<T = unknown>(app: AppCore, name: OpName, input: unknown, session: string | null = null): Promise<T> {
  const job = await call<JobInfo>(app, name, input, session);
  const done = await app.jobs.wait(job.id);
  if (done.state !== 'done') throw Object.assign(new Error(done.error?.message ?? done.state), { code: done.error?.code, details: done.error?.details });
  return done.result as T;
}

/** The error of an operation that starts a job: the call's own refusal, or the job's failure. */
export async function callJobError(app: AppCore, name: OpName, input: unknown, session: string | null = null): Promise<ErrorInfo> {
  const r = await dispatch(app, name, input, session);
  if (!r.ok) return r.error;
  const done = await app.jobs.wait((r.data as JobInfo).id);
  if (done.state === 'done' || !done.error) throw new Error(`expected ${name} to fail`);
  return done.error;
}

/** An app past the first-run wizard, with the principal logged in. */
export async function setUpApp(options: Partial<AppOptions> = {}): Promise<{ app: AppCore; principal: string }> {
  const app = await openApp(options);
  await call(app, 'setup.create', SETUP_INPUT);
  const { sessionToken } = await call<{ sessionToken: string }>(app, 'auth.login', { username: PRINCIPAL.username, password: PRINCIPAL.password });
  return { app, principal: sessionToken };
}

/**
 * A staff account as its owner has it: created by the principal with an initial password, logged
 * in, and past the first login's password change (to `password`). Its session, ready for work.
 */
export async function addUser(app: AppCore, principal: string, username: string, role: 'coordinator' | 'invigilator', password = 'staff-pass-1'): Promise<string> {
  const initial = `initial-${password}`;
  await call(app, 'users.create', { username, displayName: username, role, password: initial }, principal);
  const { sessionToken } = await call<{ sessionToken: string }>(app, 'auth.login', { username, password: initial });
  await call(app, 'auth.changePassword', { oldPassword: initial, newPassword: password }, sessionToken);
  return sessionToken;
}

export function auditCount(app: AppCore): number {
  return (app.store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

afterEach(async () => {
  const apps = opened.splice(0);
  for (const app of apps) await app.close();
  // Every mutation writes an audit entry: dispatch notes any that did not, in every test.
  expect(apps.flatMap((app) => app.unauditedOperations)).toEqual([]);
});
