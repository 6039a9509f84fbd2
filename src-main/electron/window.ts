import { BrowserWindow, dialog } from 'electron';
import { APP_ORIGIN, hardenWebContents, webPreferences } from './security';

export function createMainWindow(preload: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    title: '考点助手',
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: webPreferences(preload),
  });
  hardenWebContents(win.webContents);
  // The page holds unsaved edits (its beforeunload asks): Electron would refuse to close without
  // a word; ask as a browser does.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      title: '放弃修改？',
      message: '有填写的内容还没有保存，关闭窗口会丢失这些修改。',
      buttons: ['放弃修改并关闭', '继续编辑'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice === 0) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
