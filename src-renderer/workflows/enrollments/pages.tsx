import { CloudUploadOutlined, DeleteOutlined, SolutionOutlined } from '@ant-design/icons';
import { STAFF } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/** 报考管理 (the manual's 2.2.7): the enrollments, 批量导入报考 by its two templates, 批量删除报考. */
export const enrollmentPages: PageEntry[] = [
  { path: '/enrollments', label: '报考管理', icon: SolutionOutlined, access: STAFF, group: '考务管理', load: async () => (await import('./EnrollmentsPage')).EnrollmentsPage },
  {
    path: '/enrollments/import',
    label: '导入报考',
    icon: CloudUploadOutlined,
    access: STAFF,
    group: '考务管理',
    load: async () => {
      const { EnrollImportPage } = await import('./EnrollImportPage');
      return function ImportEnrollments() {
        return <EnrollImportPage purpose="enroll" />;
      };
    },
  },
  {
    path: '/enrollments/delete',
    label: '批量删除报考',
    icon: DeleteOutlined,
    access: STAFF,
    group: '考务管理',
    load: async () => {
      const { EnrollImportPage } = await import('./EnrollImportPage');
      return function DeleteEnrollments() {
        return <EnrollImportPage purpose="delete" />;
      };
    },
  },
];
