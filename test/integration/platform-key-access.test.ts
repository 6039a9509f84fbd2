import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src-shared/api/settings';
import { generateSigningKey } from '../../src-main/pipelines/packages/signing';
import { addUser, call, callError, setUpApp } from '../helpers/app';

describe('platform keys and the roles', () => {
  it('lets a coordinator read which keys are trusted (the read-only 数据交换 tab) but never change them', async () => {
    const { app, principal } = await setUpApp();
    const coordinator = await addUser(app, principal, 'zhangwei', 'coordinator');
    const key = generateSigningKey();
    await call(app, 'settings.update', { platformPublicKeys: [key.publicPem] }, principal);

    expect((await call<Settings>(app, 'settings.get', {}, coordinator)).platformPublicKeys).toEqual([key.publicPem.trim()]);
    for (const patch of [{ platformPublicKeys: [] }, { platformPublicKeys: [generateSigningKey().publicPem] }, { allowUnsignedPackages: true }]) {
      expect((await callError(app, 'settings.update', patch, coordinator)).code).toBe('FORBIDDEN');
    }
    expect(await call<Settings>(app, 'settings.get', {}, principal)).toMatchObject({ platformPublicKeys: [key.publicPem.trim()], allowUnsignedPackages: false });
  });
});
