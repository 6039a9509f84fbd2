import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

/** `init`'s institution options for the test school (the region must be one the region table knows). */
export const INIT_ARGS = ['--code', '4137014320', '--name', '烟台职业学院', '--province', '山东省', '--city', '烟台市', '--district', '莱山区'];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = Record<string, unknown>>(): T;
}

/** Runs `npm run cli -- …` as a script would, but without npm's own start-up cost. */
export function cli(args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, EXAMSITE_LOG: 'warn', ...env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}
