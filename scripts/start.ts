import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * `npm start`: the desktop window where the Electron runtime exists, else the same app in the
 * browser mode on 127.0.0.1 (`--browser` forces it). Builds the renderer first when it is
 * missing or older than its sources. `--demo` opens a demo workspace (created on first use).
 */
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { browser: { type: 'boolean' }, demo: { type: 'boolean' }, 'data-dir': { type: 'string' }, port: { type: 'string' } },
  strict: true,
});

const root = join(import.meta.dirname, '..');
const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when `built` is missing or older than any file under `dirs`. */
const stale = (built: string, dirs: string[]) => !existsSync(built) || statSync(built).mtimeMs < Math.max(...dirs.map((d) => newestMtime(join(root, d))));

if (stale(join(root, 'dist/renderer/index.html'), ['src-renderer', 'src-shared'])) {
  process.stderr.write('正在构建界面…\n');
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
}

let dataDir = values['data-dir'];
if (values.demo) {
  dataDir ??= join(root, '.tmp', 'demo-workspace');
  if (!existsSync(join(dataDir, 'examsite.db'))) run('npx', ['tsx', 'src-main/cli.ts', 'demo', '--data-dir', dataDir]);
}
const dataArgs = dataDir ? ['--data-dir', dataDir] : [];

/** Looks for the runtime the way electron's index.js does, without its download-on-first-use. */
function electronBinary(): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const full = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist'), executable);
  return existsSync(full) ? full : null;
}

const electron = values.browser ? null : electronBinary();
if (electron) {
  run('npx', ['tsx', 'scripts/build-main.ts']);
  const child = spawn(electron, [root, ...dataArgs], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!values.browser) process.stderr.write('未找到 Electron 运行时，改用浏览器模式。\n');
  // The bundled command line: it starts ~0.6 s sooner than the sources through tsx.
  if (stale(join(root, 'dist/main/cli.mjs'), ['src-main', 'src-shared'])) run('npx', ['tsx', 'scripts/build-main.ts']);
  const child = spawn(process.execPath, ['dist/main/cli.mjs', 'serve', ...dataArgs, ...(values.port ? ['--port', values.port] : [])], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
