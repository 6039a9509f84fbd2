import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTITUTION_TIME_ZONE, institutionDate, institutionDateTime, institutionDayStart, institutionStamp } from '../../src-shared/domain/institution-time';
import { formatTime } from '../../src-renderer/ui/format';

// The PC is in New York; every date shown or named must still be Beijing's.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = zone;
});

// 01:30 on 11 March in Beijing; 13:30 on 10 March in New York (daylight time began 8 March).
const INSTANT = '2026-03-10T17:30:00.000Z';

describe('dates in the institution zone', () => {
  it('runs in New York here (else the test proves nothing)', () => {
    expect(new Date(INSTANT).getHours()).toBe(13);
    expect(INSTITUTION_TIME_ZONE).toBe('Asia/Shanghai');
  });

  it('shows an instant in Beijing time, not the PC’s', () => {
    expect(formatTime(INSTANT)).toBe('2026-03-11 01:30:00');
    expect(formatTime(null)).toBe('—');
    expect(institutionDateTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00:00');
  });

  it('names the day and the stamp by Beijing time', () => {
    expect(institutionDate(new Date(INSTANT))).toBe('2026-03-11');
    expect(institutionDate(new Date('2019-12-07T15:59:59Z'))).toBe('2019-12-07');
    expect(institutionStamp(new Date(INSTANT))).toBe('20260311T013000');
  });

  it('shows each of many instants as itself, however often one comes again (the formatter keeps the last ones seen)', () => {
    // Beijing has kept UTC+8 all year since 1991: the oracle here, never a rule of the app.
    const beijing = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    const start = Date.parse('2026-12-31T15:55:00Z');
    for (let round = 0; round < 3; round++) for (let i = 0; i < 1000; i += round + 1) expect(institutionDateTime(new Date(start + i * 1000))).toBe(beijing(start + i * 1000));
    expect(institutionDate(new Date(start))).toBe('2026-12-31');
    expect(institutionDate(new Date(start + 600_000))).toBe('2027-01-01');
  });

  it('starts a Beijing day at 16:00 UTC the day before', () => {
    expect(institutionDayStart('2026-03-11').toISOString()).toBe('2026-03-10T16:00:00.000Z');
    expect(institutionDayStart('2026-03-11', 1).toISOString()).toBe('2026-03-11T16:00:00.000Z');
    expect(institutionDayStart('2026-12-31', 1).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
