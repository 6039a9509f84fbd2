import { CameraOutlined, CloudUploadOutlined, EditOutlined, FileDoneOutlined, IdcardOutlined, SafetyOutlined } from '@ant-design/icons';
import { STAFF } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/** 考生管理: the list, its imports (create and update are one wizard in two modes), photos, real names, completeness. */
export const candidatesPages: PageEntry[] = [
  { path: '/candidates', label: '考生名单', icon: IdcardOutlined, access: STAFF, group: '考生管理', load: async () => (await import('./CandidatesPage')).CandidatesPage },
  {
    path: '/candidates/import',
    label: '批量导入',
    icon: CloudUploadOutlined,
    access: STAFF,
    group: '考生管理',
    load: async () => {
      const { ImportWizardPage } = await import('./ImportWizardPage');
      return function ImportCandidates() {
        return <ImportWizardPage mode="create" />;
      };
    },
  },
  {
    path: '/candidates/update',
    label: '批量修改',
    icon: EditOutlined,
    access: STAFF,
    group: '考生管理',
    load: async () => {
      const { ImportWizardPage } = await import('./ImportWizardPage');
      return function UpdateCandidates() {
        return <ImportWizardPage mode="update" />;
      };
    },
  },
  { path: '/candidates/photos', label: '导入照片', icon: CameraOutlined, access: STAFF, group: '考生管理', load: async () => (await import('./PhotoImportPage')).PhotoImportPage },
  { path: '/candidates/realname', label: '实名认证', icon: SafetyOutlined, access: STAFF, group: '考生管理', load: async () => (await import('./RealnamePage')).RealnamePage },
  {
    path: '/candidates/completeness',
    label: '信息完整性',
    icon: FileDoneOutlined,
    access: STAFF,
    group: '考生管理',
    load: async () => (await import('./CompletenessPage')).CompletenessPage,
  },
];
