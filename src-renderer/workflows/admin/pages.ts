import { AuditOutlined, BankOutlined, TeamOutlined } from '@ant-design/icons';
import { PRINCIPAL_ONLY } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/** 机构管理: the institution, its accounts and the audit log (the last two the principal's alone). */
export const adminPages: PageEntry[] = [
  { path: '/institution', label: '院校信息', icon: BankOutlined, access: 'user', group: '机构管理', load: async () => (await import('./InstitutionPage')).InstitutionPage },
  { path: '/users', label: '账号管理', icon: TeamOutlined, access: PRINCIPAL_ONLY, group: '机构管理', load: async () => (await import('./UsersPage')).UsersPage },
  { path: '/audit', label: '审计日志', icon: AuditOutlined, access: PRINCIPAL_ONLY, group: '机构管理', load: async () => (await import('./AuditPage')).AuditPage },
];
