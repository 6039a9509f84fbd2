import type { AttendanceStatus } from '../../../src-shared/domain/attendance';

export const STATUS_COLORS: Record<AttendanceStatus, string> = { pending: 'default', present: 'success', absent: 'error', irregular: 'warning' };
