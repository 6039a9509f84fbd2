import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildMain } from '../../scripts/build-main';

/**
 * What is under test is what a user gets: the built pages, served by the bundled command line whose
 * jobs run in the bundled worker (served-app.ts). Built before the run, unless `npm test` just did.
 */
export default async function globalSetup(): Promise<void> {
  // Set by `npm test` (scripts/test.ts) when its build step has just built both.
  if (process.env.EXAMSITE_E2E_PREBUILT === '1') return;
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: join(import.meta.dirname, '../..'), stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
  await buildMain();
}
