import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { testBundle } from './test-bundle-dir';

export const ROOT = join(import.meta.dirname, '../..');

/** `init`'s institution options for the test school (the region must be one the region table knows). */
export const INIT_ARGS = ['--code', '4137014320', '--name', '烟台职业学院', '--province', '山东省', '--city', '烟台市', '--district', '莱山区'];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = Record<string, unknown>>(): T;
}

/**
 * In a vitest run, the command line bundled as `npm start -- --browser` runs it (dist/main/cli.mjs):
 * it starts in a fraction of the time tsx takes to load ~300 modules of the sources, in the CLI and
 * in every job worker it spawns. `npm run cli` on the sources is run by cli-foundation.test.ts (the demo, and through npm).
 */
const CLI_ENTRY = testBundle('cli.mjs');

/**
 * Runs `npm run cli -- …` as a script would, but without npm's own start-up cost. `sources`: on
 * the sources through tsx even in a vitest run (the demo reads the simulator's scenario from
 * beside its sources, so only they run it, as scripts/start.ts does). The demo's whole year takes
 * longer than a command: `timeoutMs`.
 */
export function cli(args: string[], env: Record<string, string> = {}, options: { sources?: boolean; timeoutMs?: number } = {}): CliRun {
  const entry = CLI_ENTRY && !options.sources ? [CLI_ENTRY] : ['--import', 'tsx', join(ROOT, 'src-main/cli.ts')];
  const r = spawnSync(process.execPath, [...entry, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, EXAMSITE_LOG: 'warn', ...env },
    timeout: options.timeoutMs ?? 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

/** `npm run platform -- …` (the simulator) as a script calls it, without npm's own start-up cost. */
export function simulator(args: string[], options: { timeoutMs?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/tools/platform/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}
