import { FileProtectOutlined, FundOutlined } from '@ant-design/icons';
import { STAFF } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/** 证书申报: the year's certificate pilot declarations and the quota they bring. */
export const declarationPages: PageEntry[] = [
  {
    path: '/declarations',
    label: '证书试点申报',
    icon: FileProtectOutlined,
    access: STAFF,
    group: '证书申报',
    load: async () => (await import('./DeclarationsPage')).DeclarationsPage,
  },
  { path: '/quota', label: '年度指标', icon: FundOutlined, access: 'user', group: '证书申报', load: async () => (await import('./QuotaPage')).QuotaPage },
];
