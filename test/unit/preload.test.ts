import { describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const ipc = { invoke: vi.fn(async () => ({ ok: true, data: 1 })), send: vi.fn(), on: vi.fn(), off: vi.fn() };

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
  ipcRenderer: ipc,
  webUtils: { getPathForFile: () => '/home/teacher/数据包.zip' },
}));

await import('../../src-main/electron/preload');

describe('preload', () => {
  it('exposes exactly invoke, subscribe, upload, saveFile and openFile, never ipcRenderer itself', async () => {
    expect(Object.keys(exposed)).toEqual(['examsite']);
    const api = exposed.examsite as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'openFile', 'saveFile', 'subscribe', 'upload']);
    await api.upload!({ name: '数据包.zip' }, 'tok');
    expect(ipc.invoke).toHaveBeenCalledWith('examsite:register-file', 'tok', '/home/teacher/数据包.zip', '数据包.zip');
    await api.openFile!('f-1', 'tok');
    expect(ipc.invoke).toHaveBeenCalledWith('examsite:open-file', 'tok', 'f-1');
    await api.invoke!('auth.session', {}, 'tok');
    expect(ipc.invoke).toHaveBeenCalledWith('examsite:invoke', 'auth.session', {}, 'tok');
    const stop = api.subscribe!('tok', () => {}) as () => void;
    expect(ipc.send).toHaveBeenCalledWith('examsite:subscribe', 'tok');
    stop();
    expect(ipc.off).toHaveBeenCalled();
    expect(ipc.send).toHaveBeenCalledWith('examsite:unsubscribe');
  });
});
