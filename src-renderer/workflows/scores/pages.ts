import { FileDoneOutlined } from '@ant-design/icons';
import { STAFF } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/** 科目成绩 (the manual's 2.2.10): the platform's scores of each plan, 有异议 flags, and the lock after 公示. */
export const scorePages: PageEntry[] = [
  { path: '/scores', label: '科目成绩', icon: FileDoneOutlined, access: STAFF, group: '成绩与发证', load: async () => (await import('./ScoresPage')).ScoresPage },
];
