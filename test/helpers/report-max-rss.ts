import { writeFileSync } from 'node:fs';

/**
 * Loaded with `--import` into a child process: writes the process's peak resident memory (in
 * bytes, worker threads included) to `$MAX_RSS_FILE` when it exits.
 */
const file = process.env.MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
