import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAndMigrate } from '../../src-main/core/app-core';
import { fakePeople, type FakePerson } from '../../src-main/core/demo/fake-people';
import type { Store } from '../../src-main/store/store';
import { buildMain } from '../../scripts/build-main';
import { addPeople } from '../fixtures/candidates';
import { cli, INIT_ARGS, ROOT } from '../helpers/cli';
import { PRINCIPAL } from '../helpers/served-app';

let built = false;

/**
 * The pages and the command line as `npm start -- --browser` runs them, built once per bench run
 * (the browser-side cases measure the bundles, served by `serve(dir)`).
 */
export async function buildApp(): Promise<void> {
  if (built) return;
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  await buildMain();
  built = true;
}

/** A data folder set up as by the first-run wizard (PRINCIPAL can log in), holding `count` school candidates. */
export async function schoolWith(count: number, seed: number): Promise<{ dir: string; store: Store; people: FakePerson[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'examsite-bench-'));
  const init = cli(['init', '--data-dir', dir, ...INIT_ARGS, '--username', PRINCIPAL.username, '--display-name', PRINCIPAL.name], {
    EXAMSITE_PASSWORD: PRINCIPAL.password,
  });
  if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`);
  const store = await openAndMigrate(dir);
  const people = addPeople(store, fakePeople(count, seed));
  return { dir, store, people };
}
