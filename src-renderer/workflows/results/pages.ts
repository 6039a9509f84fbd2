import { FileDoneOutlined } from '@ant-design/icons';
import { STAFF } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/**
 * 考证结果 (the manual's 2.2.11): each candidate's result per certificate and level as the app
 * computes it from the plan's rule, beside the platform's, every disagreement shown.
 */
export const resultPages: PageEntry[] = [
  { path: '/results', label: '考证结果', icon: FileDoneOutlined, access: STAFF, group: '成绩与发证', load: async () => (await import('./ResultsPage')).ResultsPage },
];
