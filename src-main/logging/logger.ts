import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { logFileName, logsDir } from './log-files';
import { describeExtra, redactText } from './redact';

/**
 * One scoped logger. Every line goes to stderr (stdout belongs to the CLI's `--json` output),
 * EXAMSITE_LOG=debug|info|warn|error|silent setting its level (default info); and, once a data
 * folder is open, info and above also go to its day file `logs/examsite-YYYY-MM-DD.log`
 * whatever EXAMSITE_LOG says, so "详情已写入日志" is true in a quiet run too. ID numbers and
 * secrets are redacted here, for both.
 */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, 'silent'>;

function threshold(): number {
  const wanted = (process.env.EXAMSITE_LOG ?? 'info') as keyof typeof LEVELS;
  return LEVELS[wanted] ?? LEVELS.info;
}

export interface Logger {
  debug(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
}

/**
 * The logs folders lines are appended to, with how many holders each has. A process normally
 * holds one data folder; tests open several at once, and each of their folders gets every line.
 * Appends are synchronous and whole lines: no handle stays open (tests open hundreds of apps),
 * and a job worker appending to the same file never splits a main-thread line.
 */
const folders = new Map<string, number>();

/** Starts appending this data folder's log lines; the function returned stops it (idempotent). */
export function attachLogFile(dataDir: string): () => void {
  const dir = logsDir(dataDir);
  // The folder and its files are the owner's only (the data folder's rule; the umask only narrows these).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  folders.set(dir, (folders.get(dir) ?? 0) + 1);
  let attached = true;
  return () => {
    if (!attached) return;
    attached = false;
    const left = (folders.get(dir) ?? 1) - 1;
    if (left > 0) folders.set(dir, left);
    else folders.delete(dir);
  };
}

function appendToFiles(at: Date, line: string): void {
  for (const dir of folders.keys()) {
    const file = join(dir, logFileName(at));
    try {
      appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // The folder was removed under us: make it again once, if the data folder is still there
      // (not recursive, so a deleted temp folder is not brought back). Never fail the caller.
      try {
        mkdirSync(dir, { mode: 0o700 });
        appendFileSync(file, line, { mode: 0o600 });
      } catch {
        // a full or read-only disk: stderr still has the line
      }
    }
  }
}

/**
 * `fileOnly`: for what support needs but a terminal does not (the version that opened the
 * folder; a failure the caller reports in its own words anyway).
 */
export function createLogger(scope: string, options: { fileOnly?: boolean } = {}): Logger {
  const write = (level: Level, message: string, extra?: unknown) => {
    const toStderr = !options.fileOnly && LEVELS[level] >= threshold();
    const toFile = LEVELS[level] >= LEVELS.info && folders.size > 0;
    if (!toStderr && !toFile) return;
    const at = new Date();
    const tail = extra === undefined ? '' : ` ${describeExtra(extra)}`;
    const line = redactText(`${at.toISOString()} ${level.toUpperCase()} [${scope}] ${message}${tail}`) + '\n';
    if (toStderr) process.stderr.write(line);
    if (toFile) appendToFiles(at, line);
  };
  return {
    debug: (m, e) => write('debug', m, e),
    info: (m, e) => write('info', m, e),
    warn: (m, e) => write('warn', m, e),
    error: (m, e) => write('error', m, e),
  };
}
