import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BuildOutlined,
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
  ShopOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import { matchPath } from 'react-router';
import { roleAllowed, STAFF, type Access, type Role } from '../../src-shared/roles';

/**
 * Each page's code loads when it is first opened (its own chunk of the bundle): the login page
 * does not wait for 20 pages' code, tables and dictionaries it does not show.
 */
// `any`: each page has its own props.
function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AboutPage = lazyPage(() => import('../workflows/about/AboutPage'), 'AboutPage');
const AuditPage = lazyPage(() => import('../workflows/admin/AuditPage'), 'AuditPage');
const InstitutionPage = lazyPage(() => import('../workflows/admin/InstitutionPage'), 'InstitutionPage');
const UsersPage = lazyPage(() => import('../workflows/admin/UsersPage'), 'UsersPage');
const CertificatesPage = lazyPage(() => import('../workflows/catalog/CertificatesPage'), 'CertificatesPage');
const DeclarationPlansPage = lazyPage(() => import('../workflows/catalog/DeclarationPlansPage'), 'DeclarationPlansPage');
const MajorsPage = lazyPage(() => import('../workflows/catalog/MajorsPage'), 'MajorsPage');
const PlanDetailPage = lazyPage(() => import('../workflows/catalog/PlanDetailPage'), 'PlanDetailPage');
const PlansPage = lazyPage(() => import('../workflows/catalog/PlansPage'), 'PlansPage');
const SubjectsPage = lazyPage(() => import('../workflows/catalog/SubjectsPage'), 'SubjectsPage');
const CandidatesPage = lazyPage(() => import('../workflows/candidates/CandidatesPage'), 'CandidatesPage');
const CompletenessPage = lazyPage(() => import('../workflows/candidates/CompletenessPage'), 'CompletenessPage');
const ImportWizardPage = lazyPage(() => import('../workflows/candidates/ImportWizardPage'), 'ImportWizardPage');
const PhotoImportPage = lazyPage(() => import('../workflows/candidates/PhotoImportPage'), 'PhotoImportPage');
const RealnamePage = lazyPage(() => import('../workflows/candidates/RealnamePage'), 'RealnamePage');
const HomePage = lazyPage(() => import('../workflows/home/HomePage'), 'HomePage');
const RoomsPage = lazyPage(() => import('../workflows/sites/RoomsPage'), 'RoomsPage');
const SitesPage = lazyPage(() => import('../workflows/sites/SitesPage'), 'SitesPage');
const SettingsPage = lazyPage(() => import('../workflows/settings/SettingsPage'), 'SettingsPage');
const ExportPage = lazyPage(() => import('../workflows/sync/ExportPage'), 'ExportPage');
const HistoryPage = lazyPage(() => import('../workflows/sync/HistoryPage'), 'HistoryPage');
const ImportPage = lazyPage(() => import('../workflows/sync/ImportPage'), 'ImportPage');

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
  { path: '/sites', label: '申报考点', icon: <ShopOutlined />, access: STAFF, element: <SitesPage />, group: '考试管理' },
  { path: '/rooms', label: '考场管理', icon: <BuildOutlined />, access: STAFF, element: <RoomsPage />, group: '考试管理' },
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
