import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { app, dialog, ipcMain, Menu, session, shell } from 'electron';
import { AppCore } from '../core/app-core';
import { createLogger } from '../logging/logger';
import { defaultDataDir } from '../core/paths';
import { APP_VERSION } from '../core/version';
import { registerIpc } from '../transport/ipc/ipc';
import { buildMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents, isAppUrl } from './security';
import { createMainWindow } from './window';

const log = createLogger('electron');
const { values } = parseArgs({ args: process.argv.slice(1), options: { 'data-dir': { type: 'string' } }, strict: false, allowPositionals: true });
const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir();

// The bundle sits in dist/main; the renderer beside it in dist/renderer.
const here = import.meta.dirname;
const preload = join(here, 'preload.cjs');
const rendererDir = join(here, '..', 'renderer');

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: AppCore | null = null;
  let window: Electron.BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));

  app
    .whenReady()
    .then(async () => {
      core = await AppCore.open({ dataDir, transport: 'electron' });
      hardenSession(session.defaultSession);
      serveRenderer(rendererDir);
      registerIpc(
        core,
        ipcMain,
        isAppUrl,
        async (suggestedName) => {
          const r = await dialog.showSaveDialog({ title: '保存文件', defaultPath: suggestedName });
          return r.canceled || !r.filePath ? null : r.filePath;
        },
        (path) => shell.openPath(path),
      );
      Menu.setApplicationMenu(buildMenu(dataDir, APP_VERSION));
      window = createMainWindow(preload);
    })
    .catch((e: unknown) => {
      log.error('start-up failed', e);
      dialog.showErrorBox('考点助手无法启动', e instanceof Error ? e.message : String(e));
      app.exit(1);
    });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.close().finally(() => app.exit(0));
  });
}
