import { settingsOps } from '../../../src-shared/api/settings';
import { handlersFor } from '../handler-kit';
import { readSettings, updateSettings } from './settings-service';

export const settingsHandlers = handlersFor(settingsOps)({
  'settings.get': (call) => readSettings(call.app.store),
  'settings.update': updateSettings,
});
