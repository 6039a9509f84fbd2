import { EventEmitter } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobInfo } from '../../src-shared/api/jobs';

/** `electron` mocked at the module boundary: we check what our code asks of it. */
const created: { options: Record<string, unknown>; contents: FakeContents; loaded: string[] }[] = [];

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
}

/** What the fake message box answers: the index of the button pressed. */
const messageBox = vi.hoisted(() => ({ answer: 1, asked: [] as { title?: string; buttons?: string[] }[] }));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = new FakeContents();
    constructor(options: Record<string, unknown>) {
      created.push({ options, contents: this.webContents, loaded: [] });
    }
    once() {}
    loadURL(url: string) {
      created.at(-1)!.loaded.push(url);
      return Promise.resolve();
    }
  }
  const dialog = {
    showMessageBoxSync: (_win: unknown, options: { title?: string; buttons?: string[] }) => {
      messageBox.asked.push(options);
      return messageBox.answer;
    },
  };
  return { BrowserWindow, protocol: {}, app: {}, Menu: {}, shell: {}, dialog };
});

const { createMainWindow } = await import('../../src-main/electron/window');
const { hardenSession, isAppUrl } = await import('../../src-main/electron/security');
const { registerIpc, IPC_INVOKE, IPC_OPEN_FILE, IPC_REGISTER_FILE, IPC_SUBSCRIBE } = await import('../../src-main/transport/ipc/ipc');
const { requireActor } = await import('../../src-main/core/dispatch');
const { CONTENT_SECURITY_POLICY } = await import('../../src-shared/security');
const { call, openApp, setUpApp } = await import('../helpers/app');
const { tempDir } = await import('../helpers/temp-dir');

function navigationEvent() {
  return { preventDefault: vi.fn() };
}

describe('Electron window security', () => {
  beforeEach(() => void created.splice(0));

  it('creates the window isolated, sandboxed and without Node', () => {
    createMainWindow('/app/dist/main/preload.cjs');
    const prefs = created[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(created[0]!.loaded).toEqual(['app://examsite/index.html']);
  });

  it('refuses navigation away from the app and every new window', () => {
    createMainWindow('/p.cjs');
    const contents = created[0]!.contents;
    const away = navigationEvent();
    contents.emit('will-navigate', away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const file = navigationEvent();
    contents.emit('will-navigate', file, 'file:///etc/passwd');
    expect(file.preventDefault).toHaveBeenCalled();
    const inside = navigationEvent();
    contents.emit('will-navigate', inside, 'app://examsite/index.html#/users');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const redirect = navigationEvent();
    contents.emit('will-redirect', redirect, 'http://127.0.0.1:1/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = navigationEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'app://examsite/index.html' })).toEqual({ action: 'deny' });
  });

  it('asks before closing a page with unsaved edits, and closes only on 放弃修改并关闭', () => {
    createMainWindow('/p.cjs');
    const contents = created[0]!.contents;
    messageBox.answer = 1;
    const keep = navigationEvent();
    contents.emit('will-prevent-unload', keep);
    expect(keep.preventDefault).not.toHaveBeenCalled();
    messageBox.answer = 0;
    const close = navigationEvent();
    contents.emit('will-prevent-unload', close);
    expect(close.preventDefault).toHaveBeenCalled();
    expect(messageBox.asked.map((o) => [o.title, o.buttons])).toEqual([
      ['放弃修改？', ['放弃修改并关闭', '继续编辑']],
      ['放弃修改？', ['放弃修改并关闭', '继续编辑']],
    ]);
  });

  it('recognises only its own origin', () => {
    expect(isAppUrl('app://examsite/index.html')).toBe(true);
    expect(isAppUrl('app://examsite.evil/index.html')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://examsite/')).toBe(false);
  });

  it('puts the strict CSP on every response and refuses every permission', () => {
    let headersHook: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null = null;
    let permissionHook: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let checkHook: (() => boolean) | null = null;
    hardenSession({
      webRequest: { onHeadersReceived: (fn: typeof headersHook) => void (headersHook = fn) },
      setPermissionRequestHandler: (fn: typeof permissionHook) => void (permissionHook = fn),
      setPermissionCheckHandler: (fn: typeof checkHook) => void (checkHook = fn),
    } as never);
    let out: Record<string, string[]> = {};
    headersHook!({ responseHeaders: { 'x-a': ['1'] } }, (r) => void (out = r.responseHeaders));
    expect(out['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    const answers: boolean[] = [];
    permissionHook!(null, 'media', (ok) => answers.push(ok));
    permissionHook!(null, 'notifications', (ok) => answers.push(ok));
    expect(answers).toEqual([false, false]);
    expect(checkHook!()).toBe(false);
  });
});

describe('IPC transport', () => {
  it('checks the sender frame before dispatching', async () => {
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    const ipcMain = { handle: (name: string, fn: (...args: unknown[]) => unknown) => handlers.set(name, fn), on: vi.fn(), removeHandler: vi.fn(), removeAllListeners: vi.fn() };
    const app = await openApp();
    registerIpc(app, ipcMain as never, isAppUrl);
    const invoke = handlers.get(IPC_INVOKE)!;

    const foreign = await invoke({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'app.info', {}, null);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'BAD_ORIGIN' } });
    const subframe = await invoke({ senderFrame: { url: 'app://examsite/index.html', parent: {} } }, 'app.info', {}, null);
    expect(subframe).toMatchObject({ ok: false, error: { code: 'BAD_ORIGIN' } });
    const gone = await invoke({ senderFrame: null }, 'app.info', {}, null);
    expect(gone).toMatchObject({ ok: false, error: { code: 'BAD_ORIGIN' } });
    const ours = await invoke({ senderFrame: { url: 'app://examsite/index.html', parent: null } }, 'app.info', {}, null);
    expect(ours).toMatchObject({ ok: true, data: { name: '考点助手', needsSetup: true } });
    const notAName = await invoke({ senderFrame: { url: 'app://examsite/index.html', parent: null } }, { toString: 1 }, {}, null);
    expect(notAName).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('sends events only to a page with a live session, and stops when the session ends', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const { app, principal } = await setUpApp();
    const dispose = registerIpc(app, ipcMain as never, isAppUrl);
    const subscribe = listeners.get(IPC_SUBSCRIBE)!;
    const anonymous = new FakePage();
    subscribe({ senderFrame: OUR_FRAME, sender: anonymous }, null);
    const page = new FakePage();
    subscribe({ senderFrame: OUR_FRAME, sender: page }, principal);
    app.jobs.emit('job', { id: 'job-1' } as JobInfo, principal);
    await call(app, 'auth.logout', {}, principal);
    app.jobs.emit('job', { id: 'job-2' } as JobInfo, principal);
    app.jobs.emit('job', { id: 'job-3' } as JobInfo, null);
    expect(anonymous.sent).toEqual([{ type: 'session', state: 'ended' }]);
    expect(page.sent).toEqual([
      { type: 'job', job: { id: 'job-1' } },
      { type: 'session', state: 'ended' },
    ]);
    dispose();
  });

  it('applies the upload limits to the files a page picks, counting one file picked twice once', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { app, principal } = await setUpApp();
    app.files.quota.limits = { fileBytes: 1024 ** 2, heldBytes: 2 * 1024 ** 2 };
    registerIpc(app, ipcMain as never, isAppUrl);
    const pick = handlers.get(IPC_REGISTER_FILE)!;
    const dir = tempDir();
    const file = (name: string, size: number) => {
      writeFileSync(join(dir, name), Buffer.alloc(size));
      return join(dir, name);
    };
    const event = { senderFrame: OUR_FRAME };
    expect(await pick(event, principal, file('big.zip', 1024 ** 2 + 1), 'big.zip')).toMatchObject({
      ok: false,
      error: { code: 'TOO_LARGE', message: '文件“big.zip”超过单个文件 1 MB 的上限。' },
    });
    const a = file('a.zip', 1024 ** 2);
    expect(await pick(event, principal, a, 'a.zip')).toMatchObject({ ok: true });
    expect(await pick(event, principal, a, 'a.zip')).toMatchObject({ ok: true });
    expect(await pick(event, principal, file('b.zip', 1024 ** 2), 'b.zip')).toMatchObject({ ok: true });
    expect(await pick(event, principal, file('c.zip', 10), 'c.zip')).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    // Picked files are the person's own: the quota forgets them with the session, and they stay where they are.
    await call(app, 'auth.logout', {}, principal);
    expect(existsSync(a)).toBe(true);
  });

  it('opens only a PDF the core offers this session, in the system viewer, from our own page', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { app, principal } = await setUpApp();
    const opened: string[] = [];
    registerIpc(app, ipcMain as never, isAppUrl, undefined, async (path) => (opened.push(path), ''));
    const open = handlers.get(IPC_OPEN_FILE)!;
    const dir = tempDir();
    const actor = requireActor(app, principal);
    writeFileSync(join(dir, 'sheet.pdf'), '%PDF-1.7');
    writeFileSync(join(dir, 'run.bat'), 'echo');
    const pdf = app.files.register(join(dir, 'sheet.pdf'), '考场签到表.pdf', actor);
    const script = app.files.register(join(dir, 'run.bat'), 'run.bat', actor);

    expect(await open({ senderFrame: { url: 'https://evil.example/', parent: null } }, principal, pdf.fileId)).toMatchObject({ ok: false, error: { code: 'BAD_ORIGIN' } });
    expect(await open({ senderFrame: OUR_FRAME }, principal, script.fileId)).toMatchObject({
      ok: false,
      error: { code: 'BAD_FILE', message: '“run.bat”不是 PDF 文档，请保存后再打开。' },
    });
    expect(await open({ senderFrame: OUR_FRAME }, null, pdf.fileId)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(opened).toEqual([]);
    expect(await open({ senderFrame: OUR_FRAME }, principal, pdf.fileId)).toEqual({ ok: true, data: { opened: true } });
    expect(opened).toEqual([join(dir, 'sheet.pdf')]);
  });
});

const OUR_FRAME = { url: 'app://examsite/index.html', parent: null };

function fakeIpcMain() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const ipcMain = {
    handle: (name: string, fn: (...args: unknown[]) => unknown) => handlers.set(name, fn),
    on: (name: string, fn: (...args: unknown[]) => void) => listeners.set(name, fn),
    removeHandler: vi.fn(),
    removeAllListeners: vi.fn(),
  };
  return { ipcMain, handlers, listeners };
}

/** The renderer's side of IPC: what main sent it. */
class FakePage extends EventEmitter {
  readonly sent: unknown[] = [];
  send(_channel: string, message: unknown) {
    this.sent.push(message);
  }
  isDestroyed() {
    return false;
  }
}
