/**
 * One scoped logger, always on stderr: stdout belongs to the CLI's `--json` output.
 * EXAMSITE_LOG=debug|info|warn|error|silent sets the level (default info).
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

export function createLogger(scope: string): Logger {
  const write = (level: Level, message: string, extra?: unknown) => {
    if (LEVELS[level] < threshold()) return;
    const tail = extra === undefined ? '' : ` ${extra instanceof Error ? (extra.stack ?? extra.message) : JSON.stringify(extra)}`;
    process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} [${scope}] ${message}${tail}\n`);
  };
  return {
    debug: (m, e) => write('debug', m, e),
    info: (m, e) => write('info', m, e),
    warn: (m, e) => write('warn', m, e),
    error: (m, e) => write('error', m, e),
  };
}
