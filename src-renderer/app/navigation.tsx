import { AuditOutlined, BankOutlined, HomeOutlined, InfoCircleOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { roleAllowed, type Access, type Role } from '../../src-shared/roles';
import { AboutPage } from '../workflows/about/AboutPage';
import { AuditPage } from '../workflows/admin/AuditPage';
import { InstitutionPage } from '../workflows/admin/InstitutionPage';
import { UsersPage } from '../workflows/admin/UsersPage';
import { HomePage } from '../workflows/home/HomePage';
import { SettingsPage } from '../workflows/settings/SettingsPage';

export interface Page {
  path: string;
  label: string;
  icon: ReactNode;
  access: Access;
  element: ReactNode;
  group: '首页' | '机构管理' | '系统';
}

/** Every page, once: the menu and the router are both built from it, filtered by role. */
export const PAGES: Page[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, access: 'user', element: <HomePage />, group: '首页' },
  { path: '/institution', label: '院校信息', icon: <BankOutlined />, access: 'user', element: <InstitutionPage />, group: '机构管理' },
  { path: '/users', label: '账号管理', icon: <TeamOutlined />, access: ['principal'], element: <UsersPage />, group: '机构管理' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, access: ['principal'], element: <AuditPage />, group: '机构管理' },
  { path: '/settings', label: '设置', icon: <SettingOutlined />, access: 'user', element: <SettingsPage />, group: '系统' },
  { path: '/about', label: '关于', icon: <InfoCircleOutlined />, access: 'user', element: <AboutPage />, group: '系统' },
];

export function pagesFor(role: Role | undefined): Page[] {
  return PAGES.filter((p) => roleAllowed(p.access, role));
}
