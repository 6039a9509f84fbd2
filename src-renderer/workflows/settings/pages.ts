import { SettingOutlined } from '@ant-design/icons';
import type { PageEntry } from '../../app/page-types';

export const settingsPages: PageEntry[] = [
  { path: '/settings', label: '设置', icon: SettingOutlined, access: 'user', group: '系统', load: async () => (await import('./SettingsPage')).SettingsPage },
];
