import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../src-shared/api/settings';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';

export function readSettings(store: Store): Settings {
  const rows = store.all(store.q.selectFrom('settings').selectAll());
  const stored: Record<string, unknown> = {};
  for (const r of rows) stored[r.key] = JSON.parse(r.value);
  // A value written by a newer or broken version falls back to the default, field by field.
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const one = settingsSchema.shape[key].safeParse(stored[key]);
    if (one.success) merged[key] = one.data;
  }
  return merged as Settings;
}

export function updateSettings(call: CallContext, patch: Partial<Settings>): Settings {
  const { store } = call.app;
  return store.tx(() => {
    const before = readSettings(store);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      store.run(
        store.q
          .insertInto('settings')
          .values({ key, value: JSON.stringify(value) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) })),
      );
    }
    const after = readSettings(store);
    writeAudit(call, { operation: 'settings.update', entityType: 'settings', before, after });
    return after;
  });
}
