import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CameraOutlined,
  CloudUploadOutlined,
  EditOutlined,
  ExportOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  HistoryOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  InfoCircleOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { matchPath } from 'react-router';
import { roleAllowed, STAFF, type Access, type Role } from '../../src-shared/roles';
import { AboutPage } from '../workflows/about/AboutPage';
import { AuditPage } from '../workflows/admin/AuditPage';
import { InstitutionPage } from '../workflows/admin/InstitutionPage';
import { UsersPage } from '../workflows/admin/UsersPage';
import { CertificatesPage } from '../workflows/catalog/CertificatesPage';
import { DeclarationPlansPage } from '../workflows/catalog/DeclarationPlansPage';
import { MajorsPage } from '../workflows/catalog/MajorsPage';
import { PlanDetailPage } from '../workflows/catalog/PlanDetailPage';
import { PlansPage } from '../workflows/catalog/PlansPage';
import { SubjectsPage } from '../workflows/catalog/SubjectsPage';
import { CandidatesPage } from '../workflows/candidates/CandidatesPage';
import { CompletenessPage } from '../workflows/candidates/CompletenessPage';
import { ImportWizardPage } from '../workflows/candidates/ImportWizardPage';
import { PhotoImportPage } from '../workflows/candidates/PhotoImportPage';
import { RealnamePage } from '../workflows/candidates/RealnamePage';
import { HomePage } from '../workflows/home/HomePage';
import { SettingsPage } from '../workflows/settings/SettingsPage';
import { ExportPage } from '../workflows/sync/ExportPage';
import { HistoryPage } from '../workflows/sync/HistoryPage';
import { ImportPage } from '../workflows/sync/ImportPage';

export interface Page {
  path: string;
  label: string;
  icon: ReactNode;
  access: Access;
  element: ReactNode;
  group: '首页' | '考试管理' | '考生管理' | '数据交换' | '机构管理' | '系统';
  /** A page reached from another (a detail view): routed, but not in the menu; `parent` is lit in the menu instead. */
  parent?: string;
}

/** Every page, once: the menu and the router are both built from it, filtered by role. */
export const PAGES: Page[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, access: 'user', element: <HomePage />, group: '首页' },
  { path: '/plans', label: '考试计划', icon: <CalendarOutlined />, access: 'user', element: <PlansPage />, group: '考试管理' },
  { path: '/plans/:code', label: '查看考试计划', icon: <CalendarOutlined />, access: 'user', element: <PlanDetailPage />, group: '考试管理', parent: '/plans' },
  { path: '/subjects', label: '考试科目', icon: <ReadOutlined />, access: 'user', element: <SubjectsPage />, group: '考试管理' },
  { path: '/certificates', label: '证书目录', icon: <SafetyCertificateOutlined />, access: 'user', element: <CertificatesPage />, group: '考试管理' },
  { path: '/declaration-plans', label: '申报计划', icon: <FileTextOutlined />, access: 'user', element: <DeclarationPlansPage />, group: '考试管理' },
  { path: '/majors', label: '专业目录', icon: <ApartmentOutlined />, access: 'user', element: <MajorsPage />, group: '考试管理' },
  { path: '/candidates', label: '考生名单', icon: <IdcardOutlined />, access: STAFF, element: <CandidatesPage />, group: '考生管理' },
  { path: '/candidates/import', label: '批量导入', icon: <CloudUploadOutlined />, access: STAFF, element: <ImportWizardPage key="create" mode="create" />, group: '考生管理' },
  { path: '/candidates/update', label: '批量修改', icon: <EditOutlined />, access: STAFF, element: <ImportWizardPage key="update" mode="update" />, group: '考生管理' },
  { path: '/candidates/photos', label: '导入照片', icon: <CameraOutlined />, access: STAFF, element: <PhotoImportPage />, group: '考生管理' },
  { path: '/candidates/realname', label: '实名认证', icon: <SafetyOutlined />, access: STAFF, element: <RealnamePage />, group: '考生管理' },
  { path: '/candidates/completeness', label: '信息完整性', icon: <FileDoneOutlined />, access: STAFF, element: <CompletenessPage />, group: '考生管理' },
  { path: '/packages/import', label: '导入数据包', icon: <ImportOutlined />, access: STAFF, element: <ImportPage />, group: '数据交换' },
  { path: '/packages/export', label: '生成数据包', icon: <ExportOutlined />, access: STAFF, element: <ExportPage />, group: '数据交换' },
  { path: '/packages/history', label: '交换记录', icon: <HistoryOutlined />, access: STAFF, element: <HistoryPage />, group: '数据交换' },
  { path: '/institution', label: '院校信息', icon: <BankOutlined />, access: 'user', element: <InstitutionPage />, group: '机构管理' },
  { path: '/users', label: '账号管理', icon: <TeamOutlined />, access: ['principal'], element: <UsersPage />, group: '机构管理' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, access: ['principal'], element: <AuditPage />, group: '机构管理' },
  { path: '/settings', label: '设置', icon: <SettingOutlined />, access: 'user', element: <SettingsPage />, group: '系统' },
  { path: '/about', label: '关于', icon: <InfoCircleOutlined />, access: 'user', element: <AboutPage />, group: '系统' },
];

export function pagesFor(role: Role | undefined): Page[] {
  return PAGES.filter((p) => roleAllowed(p.access, role));
}

/** The pages this role sees in the menu (and as shortcuts): detail views are left out. */
export function menuPagesFor(role: Role | undefined): Page[] {
  return pagesFor(role).filter((p) => !p.parent);
}

/** The menu entry to light for a location: the page itself, or the parent of a detail view. */
export function menuKeyFor(pathname: string): string {
  const page = PAGES.find((p) => matchPath(p.path, pathname));
  return page?.parent ?? page?.path ?? pathname;
}
