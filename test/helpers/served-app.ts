import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from './cli';

/**
 * Starts `cli serve` on a data folder; the caller stops it. For the end-to-end tests (from the
 * sources) and the browser-side benches (`bundled`: dist/main/cli.mjs, as `npm start -- --browser`
 * runs it).
 */
export async function serve(dataDir: string, options: { bundled?: boolean } = {}): Promise<{ url: string; child: ChildProcess; errors: string[] }> {
  const entry = options.bundled ? [join(ROOT, 'dist/main/cli.mjs')] : ['--import', 'tsx', join(ROOT, 'src-main/cli.ts')];
  const child = spawn(process.execPath, [...entry, 'serve', '--data-dir', dataDir, '--port', '0'], {
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
