import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/helpers/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Real SQLite files and worker threads: two at a time suits a 2-core machine.
    maxWorkers: 2,
    env: { EXAMSITE_LOG: 'silent' },
  },
});
