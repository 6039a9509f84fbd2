import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PaymentOrderList } from '../../src-shared/api/payments';
import { addDemoPayments } from '../../src-main/core/demo/demo-payments';
import { answerPackage, readOutbound } from '../tools/platform/answer-package';
import { addCandidates } from '../fixtures/candidates';
import { candidateIds, enroll, paymentPlans, planSubjects } from '../fixtures/seeded-enrollments';
import { paymentApp, TODAY } from '../fixtures/payment-fixtures';
import { siteApp } from '../fixtures/site-fixtures';
import { call } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

type Fixture = Awaited<ReturnType<typeof siteApp>>;

function answerer(platform: Fixture['platform']) {
  return async (outbound: string) => {
    const reply = join(tempDir(), 'reply.zip');
    await answerPackage(platform, await readOutbound(outbound, 'out.zip'), reply, TODAY);
    return reply;
  };
}

// The demo's step runs a package export and import (worker threads) on a loaded 2-core machine.
describe('the demo’s payment step', { timeout: 180_000 }, () => {
  it('orders whatever enrollments are open, one plan by certificate and one by subject: one order confirmed, one pending', async () => {
    const { app, principal, platform, plans, ids } = await paymentApp(4);
    enroll(app.store, plans.python, ids.slice(0, 2), planSubjects(app.store, plans.python, 'ZS2020062', '初级'));
    const said: string[] = [];
    expect(await addDemoPayments(app, answerer(platform), (m) => said.push(m))).toEqual({ confirmed: 1, pending: 1 });
    expect(said).toEqual(['设置收费标准，生成缴费单，向平台报送并取回缴费确认…']);
    const list = await call<PaymentOrderList>(app, 'payments.list', {}, principal);
    expect(list.rows.map((r) => [r.planCode, r.basis, r.status])).toEqual([
      [plans.python, 'subject', 'sent'],
      [plans.logistics, 'certificate', 'confirmed'],
    ]);
    expect(app.store.db.prepare('SELECT count(*) FROM enrollments WHERE paid = 1').pluck().get()).toBe(18);
  });

  it('with one plan, orders its first subject apart from the rest; with no enrollments, does nothing', async () => {
    const one = await siteApp();
    addCandidates(one.app.store, 2);
    const { logistics } = paymentPlans(one.app.store);
    enroll(one.app.store, logistics, candidateIds(one.app.store), planSubjects(one.app.store, logistics, 'ZS2019003', '初级'));
    expect(await addDemoPayments(one.app, answerer(one.platform), () => {})).toEqual({ confirmed: 1, pending: 1 });
    const orders = (await call<PaymentOrderList>(one.app, 'payments.list', {}, one.principal)).rows;
    expect(orders.map((o) => o.lineCount)).toEqual([4, 2]);

    const none = await siteApp();
    const said: string[] = [];
    expect(await addDemoPayments(none.app, answerer(none.platform), (m) => said.push(m))).toEqual({ confirmed: 0, pending: 0 });
    expect(said).toEqual([]);
    expect(none.app.store.db.prepare('SELECT count(*) FROM fees').pluck().get()).toBe(0);
  });
});
