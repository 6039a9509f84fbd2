import { describe, expect, it } from 'vitest';
import type { PaymentOrderDetail } from '../../src-shared/api/payments';
import type { YearBoard } from '../../src-shared/api/yearboard';
import { call } from '../helpers/app';
import { addCandidates } from '../fixtures/candidates';
import { paymentRoundTrip, setStandardFees } from '../fixtures/payment-fixtures';
import { candidateIds, enroll, planSubjects } from '../fixtures/seeded-enrollments';
import { siteApp } from '../fixtures/site-fixtures';

describe('the year board’s 缴费 step', { timeout: 180_000 }, () => {
  it('counts this year’s enrolled subjects by where their payment stands, and says what to do next', async () => {
    const { app, principal, platform } = await siteApp();
    const step = async () => (await call<YearBoard>(app, 'yearboard.get', {}, principal)).steps.find((s) => s.key === 'payment')!;
    expect(await step()).toMatchObject({ state: 'idle', summary: '尚无报考', link: null });

    addCandidates(app.store, 3);
    const plan = app.store.db.prepare("SELECT code FROM exam_plans WHERE name = '物流管理2026年6月第1次考核'").pluck().get() as string;
    const basic = planSubjects(app.store, plan, 'ZS2019003', '初级');
    enroll(app.store, plan, candidateIds(app.store), basic);
    // A past year's enrollment is not this year's work.
    const old = app.store.db.prepare("SELECT code FROM exam_plans WHERE name = '物流管理2019年12月第2次考核'").pluck().get() as string;
    enroll(app.store, old, candidateIds(app.store).slice(0, 1), planSubjects(app.store, old, 'ZS2019003', '初级'));
    const total = 3 * basic.length;
    expect(await step()).toMatchObject({
      state: 'todo',
      summary: `已缴费 0 / ${total} 个报考科目，未生成缴费单 ${total}`,
      hint: '为未缴费的报考生成缴费申请单',
      link: '/payments',
    });

    await setStandardFees(app, principal, { basic, middle: [] });
    await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plan, basis: 'subject', subjectCode: basic[0] }, principal);
    await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plan, basis: 'subject' }, principal);
    expect(await step()).toMatchObject({ state: 'todo', summary: `已缴费 0 / ${total} 个报考科目，缴费单未报送 ${total}`, hint: '导出“缴费申请单”数据包报送培训评价组织' });

    // The organisation confirms the first order and leaves the last pending.
    await paymentRoundTrip(app, principal, platform);
    expect(await step()).toMatchObject({ state: 'waiting', summary: `已缴费 3 / ${total} 个报考科目，待确认 ${total - 3}`, hint: '等待培训评价组织确认缴费，再导入确认结果' });

    await paymentRoundTrip(app, principal, platform);
    expect(await step()).toMatchObject({ state: 'done', summary: `已缴费 ${total} / ${total} 个报考科目`, hint: null });
  });
});
