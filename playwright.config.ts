import { defineConfig } from '@playwright/test';

/** Debian's Chromium (npx playwright install cannot work offline); see TOOLCHAIN.md. */
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
    viewport: { width: 1366, height: 820 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
