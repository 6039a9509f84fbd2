import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const DAY_MS = 86_400_000;

/**
 * Removes the files of `dir` untouched for `maxAgeMs`: work files of sessions long gone. One
 * still open elsewhere (Windows refuses to delete it) is left for the next sweep.
 */
export function sweepDir(dir: string, maxAgeMs: number, now = Date.now()): void {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    try {
      if (now - statSync(p).mtimeMs > maxAgeMs) rmSync(p, { force: true });
    } catch {
      // in use or already gone
    }
  }
}
