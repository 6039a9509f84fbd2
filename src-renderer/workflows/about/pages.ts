import { InfoCircleOutlined } from '@ant-design/icons';
import type { PageEntry } from '../../app/page-types';

export const aboutPages: PageEntry[] = [
  { path: '/about', label: '关于', icon: InfoCircleOutlined, access: 'user', group: '系统', load: async () => (await import('./AboutPage')).AboutPage },
];
