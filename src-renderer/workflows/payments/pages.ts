import { AccountBookOutlined } from '@ant-design/icons';
import { STAFF } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/** 缴费管理 (the manual's 2.2.8): payment orders, made from a selection or by import, and the fees they charge. */
export const paymentPages: PageEntry[] = [
  { path: '/payments', label: '缴费管理', icon: AccountBookOutlined, access: STAFF, group: '考务管理', load: async () => (await import('./PaymentsPage')).PaymentsPage },
  {
    path: '/payments/import',
    label: '导入缴费单',
    icon: AccountBookOutlined,
    access: STAFF,
    group: '考务管理',
    parent: '/payments',
    load: async () => (await import('./PaymentImportPage')).PaymentImportPage,
  },
  {
    path: '/payments/fees',
    label: '收费标准',
    icon: AccountBookOutlined,
    access: STAFF,
    group: '考务管理',
    parent: '/payments',
    load: async () => (await import('./FeesPage')).FeesPage,
  },
];
