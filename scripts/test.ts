import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * `npm test`: every test — typecheck, lint, unit and integration (vitest), the Electron and renderer
 * bundles, end-to-end in Chromium (Playwright). Installs Chromium, poppler and CJK fonts with
 * apt when they are missing and it can (root on Debian); otherwise says what to run.
 */
const APT_PACKAGES = ['chromium', 'poppler-utils', 'fonts-noto-cjk', 'fonts-wqy-microhei'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const sh = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status === 0;
const quiet = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });

function missing(): string[] {
  const out: string[] = [];
  if (!existsSync(CHROMIUM)) out.push('chromium');
  if (quiet('which', ['pdftoppm']).status !== 0) out.push('poppler-utils');
  const fonts = quiet('fc-list', [':lang=zh', 'family']);
  if (fonts.status !== 0 || fonts.stdout.trim() === '') out.push('fonts-noto-cjk', 'fonts-wqy-microhei');
  return out;
}

const need = missing();
if (need.length) {
  const command = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    process.stderr.write(`缺少 ${need.join(', ')}，正在用 apt 安装…\n`);
    if (!sh('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`]) || missing().length) process.exit(1);
  } else {
    process.stderr.write(`测试需要 ${need.join(', ')}。请先运行：\n  sudo ${command}\n`);
    process.exit(1);
  }
}

type Step = [string, string, string[]];
const BUILD: Step = ['build (renderer + Electron bundles)', 'npm', ['run', 'build']];
const steps: Step[] = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint (eslint: layers, import cycles; prettier)', 'npm', ['run', '-s', 'lint']],
  ['unit + integration', 'npx', ['vitest', 'run']],
  BUILD,
  ['end-to-end (Chromium)', 'npx', ['playwright', 'test']],
];
for (const step of steps) {
  const [name, cmd, args] = step;
  process.stderr.write(`\n=== ${name} ===\n`);
  const t0 = Date.now();
  if (!sh(cmd, args)) {
    process.stderr.write(`\n✗ ${name} failed\n`);
    process.exit(1);
  }
  process.stderr.write(`✓ ${name} (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
  // The end-to-end run's global setup (test/e2e/global-setup.ts) would build the same pages and bundles again.
  if (step === BUILD) process.env.EXAMSITE_E2E_PREBUILT = '1';
}
