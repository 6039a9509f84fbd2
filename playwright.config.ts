import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH, PAGE_OPTIONS } from './test/helpers/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 240_000,
  // Jobs (exports, imports, photo checks) run in a worker; on a loaded 2-core machine one can
  // take well over 15 s. A passing assertion returns at once, so the margin costs nothing.
  expect: { timeout: 45_000 },
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    ...PAGE_OPTIONS,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH,
  },
});
