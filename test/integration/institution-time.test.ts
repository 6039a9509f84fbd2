import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src-shared/api/audit';
import type { Page } from '../../src-shared/api/contract';
import { createBackup } from '../../src-main/store/backup';
import { call, setUpApp } from '../helpers/app';

// A lab PC set to another zone: the server's days and names must still be the institution's.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = zone;
});

// 01:30 on 11 March in Beijing is still 10 March in New York.
const EARLY_MORNING = new Date('2026-03-10T17:30:00Z');

describe('the institution zone on the server', () => {
  it('runs in New York here (else the test proves nothing)', () => {
    expect(EARLY_MORNING.getDate()).toBe(10);
  });

  it('filters the audit log by the institution’s days', async () => {
    const { app, principal } = await setUpApp({ now: () => EARLY_MORNING });
    const on = (day: string) => call<Page<AuditEntry>>(app, 'audit.list', { from: day, to: day, page: 1, pageSize: 50 }, principal).then((p) => p.total);
    expect(await on('2026-03-11')).toBeGreaterThan(0);
    expect(await on('2026-03-10')).toBe(0);
  });

  it('names a backup by the institution’s time', async () => {
    const { app } = await setUpApp();
    const info = await createBackup(app.store.db, app.dataDir, 'manual', undefined, EARLY_MORNING);
    expect(info.name).toBe('examsite-20260311T013000-manual.db');
  });
});
