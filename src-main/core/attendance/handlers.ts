import { attendanceOps } from '../../../src-shared/api/attendance';
import { handlersFor } from '../handler-kit';
import { examDay, roster } from './attendance-rooms';
import { identify, rosterPhoto } from './identify';
import { confirmPresent, flagMismatch, markAbsent, markIrregular } from './record-service';

export const attendanceHandlers = handlersFor(attendanceOps)({
  'attendance.today': examDay,
  'attendance.roster': (call, input) => roster(call, input.scheduleRoomId),
  'attendance.photo': rosterPhoto,
  'attendance.identify': identify,
  'attendance.confirm': confirmPresent,
  'attendance.flagMismatch': flagMismatch,
  'attendance.markAbsent': markAbsent,
  'attendance.markIrregular': markIrregular,
});
