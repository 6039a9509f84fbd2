import { ExportOutlined, HistoryOutlined, ImportOutlined } from '@ant-design/icons';
import { STAFF } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/** 数据交换: packages in from the platform, out to it, and the record of both. */
export const syncPages: PageEntry[] = [
  { path: '/packages/import', label: '导入数据包', icon: ImportOutlined, access: STAFF, group: '数据交换', load: async () => (await import('./ImportPage')).ImportPage },
  { path: '/packages/export', label: '生成数据包', icon: ExportOutlined, access: STAFF, group: '数据交换', load: async () => (await import('./ExportPage')).ExportPage },
  { path: '/packages/history', label: '交换记录', icon: HistoryOutlined, access: STAFF, group: '数据交换', load: async () => (await import('./HistoryPage')).HistoryPage },
];
