import { ApartmentOutlined, CalendarOutlined, FileTextOutlined, ReadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { PageEntry } from '../../app/page-types';

/** The platform's catalog as the site reads it: declaration plans and majors, exam plans, subjects and certificates. */
export const catalogPages: PageEntry[] = [
  {
    path: '/declaration-plans',
    label: '申报计划',
    icon: FileTextOutlined,
    access: 'user',
    group: '证书申报',
    load: async () => (await import('./DeclarationPlansPage')).DeclarationPlansPage,
  },
  { path: '/majors', label: '专业目录', icon: ApartmentOutlined, access: 'user', group: '证书申报', load: async () => (await import('./MajorsPage')).MajorsPage },
  { path: '/plans', label: '考试计划', icon: CalendarOutlined, access: 'user', group: '考务管理', load: async () => (await import('./PlansPage')).PlansPage },
  {
    path: '/plans/:code',
    label: '查看考试计划',
    icon: CalendarOutlined,
    access: 'user',
    group: '考务管理',
    parent: '/plans',
    load: async () => (await import('./PlanDetailPage')).PlanDetailPage,
  },
  { path: '/subjects', label: '考试科目', icon: ReadOutlined, access: 'user', group: '考务管理', load: async () => (await import('./SubjectsPage')).SubjectsPage },
  {
    path: '/certificates',
    label: '证书目录',
    icon: SafetyCertificateOutlined,
    access: 'user',
    group: '考务管理',
    load: async () => (await import('./CertificatesPage')).CertificatesPage,
  },
];
