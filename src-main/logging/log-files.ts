import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { institutionDate } from '../../src-shared/domain/institution-time';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Day files older than this many days go when the app starts: enough for "it went wrong last week". */
export const KEEP_LOG_DAYS = 14;
const LOG_FILE = /^examsite-(\d{4}-\d{2}-\d{2})\.log$/;

export function logsDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

/** One file a day, named by the institution's date (Asia/Shanghai), whatever zone this PC is set to. */
export function logFileName(at: Date): string {
  return `examsite-${institutionDate(at)}.log`;
}

/** The day files in `dir`, oldest first; anything else there is not ours to list or remove. */
export function listLogFiles(dir: string): { name: string; day: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, day: LOG_FILE.exec(name)?.[1] }))
    .filter((f): f is { name: string; day: string } => f.day !== undefined)
    .sort((a, b) => a.day.localeCompare(b.day));
}

/** Removes the day files older than KEEP_LOG_DAYS, judged by the day in the name (a copied file's mtime says nothing). */
export function pruneLogs(dir: string, now = new Date()): void {
  const oldestKept = institutionDate(new Date(now.getTime() - KEEP_LOG_DAYS * DAY_MS));
  for (const f of listLogFiles(dir)) {
    if (f.day >= oldestKept) continue;
    try {
      rmSync(join(dir, f.name), { force: true });
    } catch {
      // in use (Windows) or already gone: the next start tries again
    }
  }
}
