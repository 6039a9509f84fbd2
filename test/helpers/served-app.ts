import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from './cli';

/**
 * The bundles `npm run build:main` writes, which the end-to-end tests (their global setup builds
 * them) and the browser-side benches run, as `npm start -- --browser` does: a process or a job
 * worker on the sources would first have tsx load ~300 modules, seconds on a loaded machine.
 */
export const BUNDLED_CLI = join(ROOT, 'dist/main/cli.mjs');
export const BUNDLED_JOB_WORKER = join(ROOT, 'dist/main/job-worker.mjs');

/**
 * Starts the bundled `cli serve` on a data folder; the caller stops it. `clockFile`: the same server
 * on a clock the test moves (test/tools/serve-on-clock.ts, on the sources).
 */
export async function serve(dataDir: string, options: { clockFile?: string } = {}): Promise<{ url: string; child: ChildProcess; errors: string[] }> {
  const args = options.clockFile
    ? ['--import', 'tsx', join(ROOT, 'test/tools/serve-on-clock.ts'), dataDir, options.clockFile]
    : [BUNDLED_CLI, 'serve', '--data-dir', dataDir, '--port', '0'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, EXAMSITE_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server's log still shows in the run; its ERROR lines (an internal failure, a write
  // without an audit entry) also fail the test.
  const errors: string[] = [];
  child.stderr!.on('data', (c: Buffer) => {
    process.stderr.write(c);
    errors.push(
      ...c
        .toString()
        .split('\n')
        .filter((line) => / ERROR /.test(line)),
    );
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return { url, child, errors };
}

export const PRINCIPAL = { username: 'zhaoxz', name: '赵校长', password: 'principal-pass-1' };

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
}
