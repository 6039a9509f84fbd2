import { app, Menu, shell, dialog, type MenuItemConstructorOptions } from 'electron';

/** A Chinese application menu: what a desktop user expects, nothing that reaches the web. */
export function buildMenu(dataDir: string, version: string): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [{ label: '打开数据目录', click: () => void shell.openPath(dataDir) }, { type: 'separator' }, { label: '退出', role: 'quit' }],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于考点助手',
          click: () => void dialog.showMessageBox({ title: '关于考点助手', message: `考点助手 ${version}`, detail: `数据目录：${dataDir}` }),
        },
      ],
    },
  ];
  if (!app.isPackaged) (template[2]!.submenu as MenuItemConstructorOptions[]).push({ label: '开发者工具', role: 'toggleDevTools' });
  return Menu.buildFromTemplate(template);
}
