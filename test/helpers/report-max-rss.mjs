import { writeFileSync } from 'node:fs';

/**
 * Loaded with `--import` into a child process: writes the process's peak resident memory (in
 * bytes, worker threads included) to `$MAX_RSS_FILE` when it exits. Plain JavaScript: a worker
 * thread inherits the `--import`, and the bundled job worker has no TypeScript loader. A worker
 * that ends first writes the peak so far; the process's own exit, last, writes the whole run's.
 */
const file = process.env.MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
