import { HomeOutlined } from '@ant-design/icons';
import type { PageEntry } from '../../app/page-types';

export const homePages: PageEntry[] = [
  { path: '/', label: '工作台', icon: HomeOutlined, access: 'user', group: '工作台', load: async () => (await import('./HomePage')).HomePage },
];
