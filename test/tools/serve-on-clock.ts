/**
 * Test tooling, never bundled: the browser-mode server (as `cli serve` runs it) on a clock the
 * test moves. The year's end-to-end run walks one plan from 报名 to 证书查验, so it needs the days
 * between: the clock file holds an offset in milliseconds from the real time (empty or missing:
 * none), read on every tick so a test moves the days without restarting the server.
 *
 *   tsx test/tools/serve-on-clock.ts DATA_DIR CLOCK_FILE
 */
import { existsSync, readFileSync } from 'node:fs';
import { AppCore } from '../../src-main/core/app-core';
import { RENDERER_DIR } from '../../src-main/cli/foundation-commands';
import { startBridge } from '../../src-main/transport/http/bridge';

export function offsetClock(clockFile: string): () => Date {
  return () => {
    const text = existsSync(clockFile) ? readFileSync(clockFile, 'utf8').trim() : '';
    const offset = text ? Number(text) : 0;
    if (!Number.isFinite(offset)) throw new Error(`clock file ${clockFile} holds no number of milliseconds: ${text}`);
    return new Date(Date.now() + offset);
  };
}

const [dataDir, clockFile] = process.argv.slice(2);
if (!dataDir || !clockFile) {
  process.stderr.write('usage: serve-on-clock.ts DATA_DIR CLOCK_FILE\n');
  process.exit(2);
}
const app = await AppCore.open({ dataDir, transport: 'browser', now: offsetClock(clockFile) });
const bridge = await startBridge(app, { port: 0, staticDir: process.env.EXAMSITE_RENDERER_DIR || RENDERER_DIR });
process.stdout.write(`考点助手已启动（浏览器模式，测试时钟）：${bridge.url}\n`);
const stop = () =>
  void bridge
    .close()
    .then(() => app.close())
    .then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
