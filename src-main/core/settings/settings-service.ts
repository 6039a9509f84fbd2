import { randomBytes } from 'node:crypto';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../src-shared/api/settings';
import { AppError } from '../../../src-shared/errors';
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

/**
 * A store's own secret (the admission tickets' check codes are made with it): 32 random bytes,
 * made the first time one is asked for and kept in `settings` under a key outside
 * `settingsSchema`, so `settings.get` never shows it and `settings.update` cannot set it. Made
 * and read in one transaction, so two connections asking at once get the same one.
 */
export function storeSecret(store: Store, key: StoreSecretKey): Buffer {
  return store.tx(() => {
    store.run(
      store.q
        .insertInto('settings')
        .values({ key, value: JSON.stringify(randomBytes(32).toString('base64')) })
        .onConflict((oc) => oc.column('key').doNothing()),
    );
    const row = store.get(store.q.selectFrom('settings').select('value').where('key', '=', key));
    const value: unknown = row ? JSON.parse(row.value) : null;
    const secret = typeof value === 'string' ? Buffer.from(value, 'base64') : Buffer.alloc(0);
    if (secret.length < 32) throw new AppError('STATE', '本机的准考证校验密钥已损坏，无法生成或核对准考证二维码。请从备份恢复数据。');
    return secret;
  });
}

/** The secrets a store keeps; none of them is a setting anyone sees or edits. */
export type StoreSecretKey = 'secret.ticketCheckCode';
