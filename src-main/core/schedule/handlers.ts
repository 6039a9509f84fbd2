import { scheduleOps } from '../../../src-shared/api/schedule';
import { handlersFor } from '../handler-kit';
import { createDraft } from './draft-service';
import { assignPatrol, assignRoom, setMinimum } from './invigilation-service';
import { listSchedulePlans, overview, roomPlan, scheduleSummary, seatList } from './schedule-views';
import { createStaff, deleteStaff, editStaff, listStaff } from './staff-service';

export const scheduleHandlers = handlersFor(scheduleOps)({
  'schedule.plans': listSchedulePlans,
  'schedule.summary': (call, input) => scheduleSummary(call, input.planCode),
  'schedule.draft': (call, input) => createDraft(call, input.planCode),
  'schedule.overview': (call, input) => overview(call, input.planCode),
  'schedule.rooms': roomPlan,
  'schedule.seats': seatList,
  'staff.list': listStaff,
  'staff.create': createStaff,
  'staff.update': editStaff,
  'staff.delete': (call, input) => deleteStaff(call, input.id),
  'invigilation.setRoom': assignRoom,
  'invigilation.setPatrol': assignPatrol,
  'invigilation.setMinimum': setMinimum,
});
