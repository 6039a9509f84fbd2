import { BrowserWindow } from 'electron';
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
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
