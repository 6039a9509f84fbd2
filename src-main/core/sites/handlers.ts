import { siteOps } from '../../../src-shared/api/sites';
import { handlersFor } from '../handler-kit';
import { capacityReport, setExpected } from './capacity-service';
import { copyRooms, createRoom, deleteRoom, editRoom, listRoomPlans, listRooms, previewRoomCopy } from './rooms-service';
import { checkSiteFile, createSite, deleteSite, getSite, listSites, siteFile, submitSite, updateSite } from './sites-service';

export const siteHandlers = handlersFor(siteOps)({
  'sites.list': listSites,
  'sites.get': (call, input) => getSite(call, input.id),
  'sites.create': createSite,
  'sites.update': updateSite,
  'sites.delete': (call, input) => deleteSite(call, input.id),
  'sites.submit': (call, input) => submitSite(call, input.id),
  'sites.checkFile': (call, input) => checkSiteFile(call, input.fileId),
  'sites.file': (call, input) => siteFile(call, input.id),
  'rooms.plans': listRoomPlans,
  'rooms.list': (call, input) => listRooms(call, input.planCode),
  'rooms.create': createRoom,
  'rooms.update': editRoom,
  'rooms.delete': (call, input) => deleteRoom(call, input.id),
  'rooms.copyPreview': previewRoomCopy,
  'rooms.copy': copyRooms,
  'capacity.get': (call, input) => capacityReport(call.app.store, input.planCode),
  'capacity.setExpected': setExpected,
});
