import { FileSearchOutlined, SafetyOutlined } from '@ant-design/icons';
import { STAFF } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/** 证书发放 (the manual's 3.2) and 证书查验: the principal signs; coordinators follow and look up. */
export const issuancePages: PageEntry[] = [
  { path: '/issuance', label: '证书发放管理', icon: SafetyOutlined, access: STAFF, group: '成绩与发证', load: async () => (await import('./IssuancePage')).IssuancePage },
  {
    path: '/certificates/lookup',
    label: '证书查验',
    icon: FileSearchOutlined,
    access: STAFF,
    group: '成绩与发证',
    load: async () => (await import('./CertificateLookupPage')).CertificateLookupPage,
  },
];
