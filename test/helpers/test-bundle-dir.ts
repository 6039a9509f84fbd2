import { join } from 'node:path';

/**
 * dist/vitest-main: the job worker and the command line bundled for the tests (test-bundles.ts).
 * One level under dist/ as dist/main is, so what a bundle finds beside itself (../renderer, the
 * node_modules above) is what dist/main finds.
 */
export const TEST_BUNDLE_DIR = join(import.meta.dirname, '../../dist/vitest-main');

/** A bundle's path inside a vitest run, whose global setup has just built it fresh; elsewhere null (the sources then). */
export function testBundle(file: 'job-worker.mjs' | 'cli.mjs'): string | null {
  return process.env.VITEST ? join(TEST_BUNDLE_DIR, file) : null;
}
