import { describe, expect, it } from 'vitest';
import { DECLARATION_STATUSES, declarationWindowOpen, nextStatus, quotaYear, type DeclarationEvent, type DeclarationStatus } from '../../src-shared/domain/declaration';

const EVENTS: DeclarationEvent[] = ['edit', 'delete', 'submit', 'cityApprove', 'approve', 'reject'];

/** The manual's rules as a table: anything not listed is refused. */
const ALLOWED: Record<string, DeclarationStatus | 'deleted'> = {
  'draft/edit': 'draft',
  'draft/delete': 'deleted',
  'draft/submit': 'submitted',
  'submitted/cityApprove': 'city_approved',
  'submitted/approve': 'approved',
  'submitted/reject': 'rejected',
  'city_approved/approve': 'approved',
  'city_approved/reject': 'rejected',
  'rejected/edit': 'rejected',
  'rejected/submit': 'submitted',
};

describe('the declaration state machine', () => {
  it('allows exactly the moves of the table, and refuses every other', () => {
    for (const status of DECLARATION_STATUSES)
      for (const event of EVENTS) expect([status, event, nextStatus(status, event)]).toEqual([status, event, ALLOWED[`${status}/${event}`] ?? null]);
  });

  it('dates a quota by the calendar year its window opens in, and the window by Beijing dates, both ends included', () => {
    expect(quotaYear('2026-11-22')).toBe(2026);
    const plan = { windowStart: '2026-04-01', windowEnd: '2026-04-04' };
    expect(['2026-03-31', '2026-04-01', '2026-04-04', '2026-04-05'].map((d) => declarationWindowOpen(plan, d))).toEqual([false, true, true, false]);
  });
});
