import { BarChartOutlined } from '@ant-design/icons';
import { STAFF } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/** 统计分析: a plan's pass rates by each dimension and its subjects' score distributions, exportable as xlsx and a PDF report. */
export const statsPages: PageEntry[] = [
  { path: '/stats', label: '统计分析', icon: BarChartOutlined, access: STAFF, group: '成绩与发证', load: async () => (await import('./StatsPage')).StatsPage },
];
