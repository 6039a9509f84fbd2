/** Debian's Chromium (`npx playwright install` cannot work offline; see TOOLCHAIN.md), headless. */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** The window the pages are tested and measured in: a lab PC's screen, in Chinese, in Beijing time. */
export const PAGE_OPTIONS = { viewport: { width: 1366, height: 820 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
