import { BuildOutlined, ShopOutlined } from '@ant-design/icons';
import { STAFF } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/** 考点申报 and 考场设置 (the manual's 2.2.5–2.2.6): the exam sites declared to the organisations, and each plan's rooms. */
export const sitePages: PageEntry[] = [
  { path: '/sites', label: '申报考点', icon: ShopOutlined, access: STAFF, group: '考务管理', load: async () => (await import('./SitesPage')).SitesPage },
  { path: '/rooms', label: '考场管理', icon: BuildOutlined, access: STAFF, group: '考务管理', load: async () => (await import('./RoomsPage')).RoomsPage },
];
