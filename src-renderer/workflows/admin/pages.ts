import { AuditOutlined, BankOutlined, CloudUploadOutlined, TeamOutlined } from '@ant-design/icons';
import { PRINCIPAL_ONLY, STAFF } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/** 机构管理: the institution (and the import of its majors), its accounts and the audit log (the last two the principal's alone). */
export const adminPages: PageEntry[] = [
  { path: '/institution', label: '院校信息', icon: BankOutlined, access: 'user', group: '机构管理', load: async () => (await import('./InstitutionPage')).InstitutionPage },
  {
    path: '/institution/majors/import',
    label: '批量导入开设专业',
    icon: CloudUploadOutlined,
    access: STAFF,
    group: '机构管理',
    parent: '/institution',
    load: async () => (await import('./MajorImportPage')).MajorImportPage,
  },
  { path: '/users', label: '账号管理', icon: TeamOutlined, access: PRINCIPAL_ONLY, group: '机构管理', load: async () => (await import('./UsersPage')).UsersPage },
  { path: '/audit', label: '审计日志', icon: AuditOutlined, access: PRINCIPAL_ONLY, group: '机构管理', load: async () => (await import('./AuditPage')).AuditPage },
];
