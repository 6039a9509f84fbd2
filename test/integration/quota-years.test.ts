import { describe, expect, it } from 'vitest';
import type { QuotaReport } from '../../src-shared/api/declarations';
import type { YearBoard } from '../../src-shared/api/yearboard';
import { quotaReport, yearQuota } from '../../src-main/core/declarations/declarations-service';
import type { Store } from '../../src-main/store/store';
import { call } from '../helpers/app';
import { paymentApp } from '../fixtures/payment-fixtures';
import { candidateIds, enroll, planSubjects } from '../fixtures/seeded-enrollments';
import { resultPlans } from '../fixtures/results-store';
import { TODAY } from '../fixtures/site-fixtures';

function approve(store: Store, year: number, level: string, count: number): void {
  // A declaration plan of its own for each: one declaration per plan, certificate and level.
  const plan = `D-${year}-${level}`;
  store.db.prepare("INSERT INTO declaration_plans VALUES (?, '山东省', '第一次', ?, ?, 0, 0, '已结束')").run(plan, `${year}-01-01`, `${year}-01-20`);
  store.db
    .prepare(
      "INSERT INTO declarations (plan_code, year, certificate_code, level, proposed_count, status, approved_count, created_at, updated_at) VALUES (?, ?, 'ZS2019003', ?, ?, 'approved', ?, 'now', 'now')",
    )
    .run(plan, year, level, count, count);
}

const usedOf = (rows: QuotaReport['rows']) => rows.map((r) => [r.level, r.approved, r.used, r.left]);

describe('指标 by year', () => {
  it('counts a year’s enrollments against that year’s quota only, and each earlier year’s against its own', async () => {
    // Four candidates in 物流管理 初级 of a 2019 plan (the first two also 中级), as paymentApp enrolls them.
    const { app, principal } = await paymentApp(4);
    const thisYear = resultPlans(TODAY).logistics;
    enroll(app.store, thisYear, candidateIds(app.store).slice(0, 3), planSubjects(app.store, thisYear, 'ZS2019003', '初级'));
    approve(app.store, 2019, '初级', 10);
    approve(app.store, 2019, '中级', 5);
    approve(app.store, 2026, '初级', 50);

    const year = yearQuota(app.store, 2026);
    expect(year).toMatchObject({ year: 2026, pilot: true });
    expect(usedOf(year.rows)).toEqual([['初级', 50, 3, 47]]);
    const report = await call<QuotaReport>(app, 'quota.get', {}, principal);
    expect(report).toEqual({ ...year, past: [{ year: 2019, rows: expect.any(Array) }] });
    expect(usedOf(report.past[0]!.rows)).toEqual([
      ['初级', 10, 4, 6],
      ['中级', 5, 2, 3],
    ]);
    expect(quotaReport(app.store, 2025)).toEqual({ year: 2025, pilot: false, rows: [], past: [{ year: 2019, rows: report.past[0]!.rows }] });
    // The home page reads this year's quota alone: a pilot this year.
    const board = await call<YearBoard>(app, 'yearboard.get', {}, principal);
    expect(board.pilot).toBe(true);
  });
});
