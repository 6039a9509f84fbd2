import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { BackupResult, RestoreResult } from '../../src-shared/api/backup';
import { AppError } from '../../src-shared/errors';
import { AppCore } from '../core/app-core';
import { CLI_ACTOR } from '../../src-shared/actor';
import { createDemoWorkspace, DEMO_PASSWORD_ENV, type DemoPlatform } from '../core/demo/demo';
import { invokeAs } from '../core/dispatch';
import { takeBackup } from '../core/backup/take-backup';
import { checkFolder } from '../core/packages/folders';
import { startBridge } from '../transport/http/bridge';
import { dataDirOf, requireString, UsageError, withApp, type CliCommand } from './cli-kit';

/** The built pages: beside the bundle in dist/ when this runs bundled (dist/main/cli.mjs), else from the sources. */
export const RENDERER_DIR = import.meta.url.endsWith('.ts') ? resolve(import.meta.dirname, '../../dist/renderer') : resolve(import.meta.dirname, '../renderer');

/** Tests point this at an empty folder (a checkout never built); it is not an option for people. */
const RENDERER_DIR_ENV = 'EXAMSITE_RENDERER_DIR';

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--data-dir 目录] [--port 端口]',
  options: { port: { type: 'string' } },
  async run({ values, io }) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port 应为 0–65535 的整数');
    // From the sources nothing builds the pages (npm start does): say so rather than serve a URL that only answers 404.
    const staticDir = process.env[RENDERER_DIR_ENV] || RENDERER_DIR;
    if (!existsSync(join(staticDir, 'index.html'))) throw new AppError('STATE', '界面尚未构建，请先运行 npm run build（或用 npm start -- --browser，它会自动构建）');
    const app = await AppCore.open({ dataDir: dataDirOf(values), transport: 'browser' });
    const bridge = await startBridge(app, { port, staticDir });
    // The URL is the one line a person (or a test) needs; it goes to stdout.
    process.stdout.write(`考点助手已启动（浏览器模式）：${bridge.url}\n`);
    io.say(`数据目录：${app.dataDir}。按 Ctrl+C 退出。`);
    await new Promise<void>((done) => {
      const stop = () =>
        void bridge
          .close()
          .then(() => app.close())
          .then(done);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return { stopped: true };
  },
};

export const initCommand: CliCommand = {
  name: 'init',
  usage:
    'init --data-dir 目录 --code 院校代码 --name 院校名称 --province 省 --city 市 --district 区县 [--username 负责人账号] [--display-name 负责人姓名] [--json]（负责人密码取自环境变量 EXAMSITE_PASSWORD）',
  options: {
    code: { type: 'string' },
    name: { type: 'string' },
    province: { type: 'string' },
    city: { type: 'string' },
    district: { type: 'string' },
    username: { type: 'string' },
    'display-name': { type: 'string' },
  },
  async run({ values, io }) {
    if (typeof values['data-dir'] !== 'string') throw new UsageError('缺少参数 --data-dir');
    const input = {
      institution: {
        code: requireString(values, 'code'),
        name: requireString(values, 'name'),
        region: { province: requireString(values, 'province'), city: requireString(values, 'city'), district: requireString(values, 'district') },
      },
      principal: {
        username: typeof values.username === 'string' ? values.username : 'admin',
        displayName: typeof values['display-name'] === 'string' ? values['display-name'] : '负责人',
        password: process.env.EXAMSITE_PASSWORD ?? '',
      },
    };
    if (!input.principal.password) throw new AppError('VALIDATION', '请用环境变量 EXAMSITE_PASSWORD 提供负责人密码。');
    const info = await withApp(values, (app) => invokeAs(app, CLI_ACTOR, 'setup.create', input));
    io.say(`已创建院校 ${info.institution?.name}（${info.institution?.code}），负责人账号：${input.principal.username}`);
    return { institution: info.institution, principal: input.principal.username, dataDir: info.dataDir, schemaVersion: info.schemaVersion };
  },
  render: (r: { dataDir: string }) => `数据目录：${r.dataDir}`,
};

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo --data-dir 目录 [--json]（账号密码取自环境变量 EXAMSITE_PASSWORD，缺省为 demo-2026）',
  options: {},
  async run({ values, io }) {
    if (typeof values['data-dir'] !== 'string') throw new UsageError('缺少参数 --data-dir');
    const dataDir = values['data-dir'];
    return withApp(values, async (app) =>
      createDemoWorkspace(app, { password: process.env[DEMO_PASSWORD_ENV], say: io.say, platform: await simulatedPlatform(join(dataDir, 'platform-sim')) }),
    );
  },
  render: (r: { accounts: { username: string; role: string }[]; password: string }) =>
    `演示工作区已就绪。账号（密码 ${r.password}）：\n${r.accounts.map((a) => `  ${a.username}  ${a.role}`).join('\n')}`,
};

/**
 * The demo's platform is the test simulator, loaded only here: the CLI is development tooling,
 * the simulator never ships in the app bundle. Its keys live beside the demo data, so the
 * workspace and its platform keep their sequence numbers together.
 */
async function simulatedPlatform(keysDir: string): Promise<DemoPlatform> {
  const { openPlatform } = await import('../../test/tools/platform/platform');
  const { issueCatalogPackage } = await import('../../test/tools/platform/issue-package');
  const { answerPackage, readOutbound } = await import('../../test/tools/platform/answer-package');
  const { issueSchedulePackage } = await import('../../test/tools/platform/answer-schedule');
  const platform = openPlatform({ keysDir });
  return {
    publicKeyPem: platform.keys.publicPem,
    issueCatalog: async (institutionCode) => (await issueCatalogPackage(platform, { institutionCode, out: join(keysDir, 'outbox', `catalog-${Date.now()}.zip`) })).written.path,
    answer: async (outbound) => {
      const out = join(keysDir, 'outbox', `reply-${Date.now()}.zip`);
      const { written } = await answerPackage(platform, await readOutbound(outbound, 'outbound.zip'), out);
      if (!written) throw new Error('平台模拟器没有回应这个数据包。');
      return written.path;
    },
    issueSchedule: async (roomsPackage, planCode, enrollments) => {
      const incoming = await readOutbound(roomsPackage, 'rooms.zip');
      const rooms = (incoming.payloads.rooms as { rooms: Parameters<typeof issueSchedulePackage>[1]['rooms'] }).rooms;
      const out = join(keysDir, 'outbox', `schedule-${Date.now()}.zip`);
      return (await issueSchedulePackage(platform, { institutionCode: incoming.manifest.institutionCode, planCode, rooms, enrollments, out })).written.path;
    },
  };
}

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'backup [--out 文件夹] [--data-dir 目录] [--json]',
  options: { out: { type: 'string' } },
  async run({ values, io }) {
    // A terminal's folder may be relative to where it stands; the app's own check wants it whole.
    const folder = typeof values.out === 'string' ? checkFolder(resolve(values.out)) : undefined;
    const info: BackupResult = await withApp(values, (app) => takeBackup(app.store, app.dataDir, CLI_ACTOR, 'cli', app.now(), { folder }));
    io.say(`已备份：${info.name}（${(info.size / 1024).toFixed(0)} KB）${info.path ? `，并写到 ${info.path}` : ''}`);
    return info;
  },
  render: (r: BackupResult) => r.path ?? r.name,
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'restore 备份文件 [--data-dir 目录] [--json]（请先关闭正在运行的考点助手）',
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, io }) {
    const path = resolve(positionals[0]!);
    if (!existsSync(path)) throw new AppError('NOT_FOUND', `找不到文件 ${path}。`, { file: path });
    const result = await withApp(values, (app) =>
      invokeAs(app, CLI_ACTOR, 'backup.restoreFile', { fileId: app.files.register(path, basename(path), CLI_ACTOR).fileId, confirm: true }),
    );
    io.say(`已从 ${basename(path)} 恢复数据；恢复前的数据已备份为 ${result.safety.name}。`);
    return result;
  },
  render: (r: RestoreResult) => r.restored.name,
};
