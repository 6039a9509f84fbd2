import { CalendarOutlined, SolutionOutlined } from '@ant-design/icons';
import { STAFF } from '../../../src-shared/roles';
import type { PageEntry } from '../../app/page-types';

/**
 * 排考查看 and 监考安排 (the manual's 2.2.9): the schedule as the platform sent it (or the site's
 * own draft before it), and who invigilates and patrols each sitting. An invigilator account
 * opens 排考查看 too and sees only its own rooms and sittings.
 */
export const schedulePages: PageEntry[] = [
  { path: '/schedule', label: '排考查看', icon: CalendarOutlined, access: 'user', group: '考务管理', load: async () => (await import('./SchedulePage')).SchedulePage },
  { path: '/invigilation', label: '监考安排', icon: SolutionOutlined, access: STAFF, group: '考务管理', load: async () => (await import('./InvigilationPage')).InvigilationPage },
];
