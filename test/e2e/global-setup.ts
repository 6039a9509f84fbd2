import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The pages under test are the built ones, as a user gets them: build before the run. */
export default function globalSetup(): void {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: join(import.meta.dirname, '../..'), stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}
