import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../logging/logger';

/**
 * The data folder holds ID numbers, photos and password hashes: on a shared lab PC, other
 * accounts must not read it. Modes are set explicitly here rather than through the umask,
 * which is process-wide. On Windows the per-user AppData folder already keeps other accounts
 * out, and chmod there only toggles read-only, so these do nothing there.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const POSIX = process.platform !== 'win32';
const log = createLogger('files');

/**
 * A folder of the app's own that only its owner may enter. `mkdir`'s mode is masked by the
 * umask and does not touch a folder that exists (earlier versions made them 755), so the mode
 * is also set outright. Never for a folder the person chose: it would lock others out of it.
 */
export function makePrivateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  narrow(dir, PRIVATE_DIR_MODE);
  return dir;
}

/** Owner-only, for a file written by a library that takes no mode (SQLite, exceljs); nothing if it is not there. */
export function makePrivateFile(path: string): void {
  if (POSIX && existsSync(path)) narrow(path, PRIVATE_FILE_MODE);
}

/**
 * The data folder and what sits directly in it (the store, its -wal and -shm, the work
 * folders), made owner-only when the app opens it. Deeper files are behind a private folder.
 */
export function makeDataDirPrivate(dataDir: string): void {
  makePrivateDir(dataDir);
  if (!POSIX) return;
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.isDirectory()) narrow(join(dataDir, entry.name), PRIVATE_DIR_MODE);
    else if (entry.isFile()) narrow(join(dataDir, entry.name), PRIVATE_FILE_MODE);
  }
}

function narrow(path: string, mode: number): void {
  if (!POSIX) return;
  try {
    chmodSync(path, mode);
  } catch (e) {
    // Not ours, or a file system without modes (a FAT stick): the files still work.
    log.warn(`could not make ${path} private: ${(e as Error).message}`);
  }
}
