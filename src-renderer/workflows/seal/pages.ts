import { SafetyCertificateOutlined } from '@ant-design/icons';
import { PRINCIPAL_ONLY } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/** 签名章 (the manual's 3.1, under 机构管理 → 试点院校管理): the principal's alone. */
export const sealPages: PageEntry[] = [
  {
    path: '/institution/seal',
    label: '签名章',
    icon: SafetyCertificateOutlined,
    access: PRINCIPAL_ONLY,
    group: '机构管理',
    load: async () => (await import('./SealPage')).SealPage,
  },
];
