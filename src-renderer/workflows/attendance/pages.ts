import { ScanOutlined } from '@ant-design/icons';
import type { PageEntry } from '../../app/page-types';

/** 考试当天 (exam-day mode): the invigilator's landing page, open to coordinators too. */
export const attendancePages: PageEntry[] = [
  { path: '/exam-day', label: '考试当天', icon: ScanOutlined, access: 'user', group: '考务管理', load: async () => (await import('./ExamDayPage')).ExamDayPage },
  {
    path: '/exam-day/check-in',
    label: '考场签到',
    icon: ScanOutlined,
    access: 'user',
    group: '考务管理',
    parent: '/exam-day',
    load: async () => (await import('./CheckInPage')).CheckInPage,
  },
];
