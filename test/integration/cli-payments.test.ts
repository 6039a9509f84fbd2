import { describe, expect, it } from 'vitest';
import { paymentApp, setStandardFees } from '../fixtures/payment-fixtures';
import { cli } from '../helpers/cli';

// A catalog import and four CLI processes: slow on a loaded 2-core machine.
describe('CLI: payments create and list', { timeout: 300_000 }, () => {
  it('creates an order of the plan’s open enrollments, reports it and the list in the documented shapes, and refuses what it cannot make', async () => {
    const { app, principal, plans, basic, middle } = await paymentApp(4);
    const data = app.dataDir;
    // No fees yet: refused, naming what lacks one.
    const noFees = cli(['payments', 'create', '--plan', plans.logistics, '--by', 'certificate', '--data-dir', data, '--json']);
    expect(noFees.code).toBe(1);
    expect(noFees.json()).toEqual({
      refused: {
        code: 'STATE',
        message: '以下项目还没有设置收费标准：物流管理职业技能等级证书（初级）、物流管理职业技能等级证书（中级）。请先在“收费标准”中设置后再生成缴费单。',
        file: null,
      },
    });
    await setStandardFees(app, principal, { basic, middle });

    const created = cli(['payments', 'create', '--plan', plans.logistics, '--by', 'certificate', '--data-dir', data, '--json']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.json()).toEqual({ order: expect.stringMatching(/^JF4137014320\d{8}0001$/), lines: 6, amount: 1800 });
    const { order } = created.json<{ order: string }>();
    expect(order).toMatch(/^JF4137014320\d{8}0001$/);
    expect(created.stderr).toContain(`已生成缴费单 ${order}（按报考证书，6 条，应缴 1,800.00 元）。`);
    const audit = app.store.db.prepare("SELECT actor FROM audit_log WHERE operation = 'payments.create'").all();
    expect(audit).toEqual([{ actor: 'cli' }]);

    const list = cli(['payments', 'list', '--data-dir', data, '--json']);
    expect(list.json()).toEqual({
      orders: [{ order, plan: plans.logistics, by: 'certificate', lines: 6, amount: 1800, status: '待报送', createdAt: expect.any(String), sentAt: null, confirmedAt: null }],
    });
    expect(cli(['payments', 'list', '--data-dir', data]).stdout).toContain(`${order}  ${plans.logistics}  按报考证书  6 条  1,800.00 元  待报送`);

    const again = cli(['payments', 'create', '--plan', plans.logistics, '--by', 'certificate', '--data-dir', data, '--json']);
    expect(again.code).toBe(1);
    expect(again.json<{ refused: { message: string } }>().refused.message).toBe('考试计划“物流管理2019年12月第2次考核”没有未缴费、且不在其他缴费单中的报考记录，无法生成缴费单。');
    expect(cli(['payments', 'create', '--plan', plans.logistics, '--by', 'both', '--data-dir', data]).code).toBe(2);
    expect(cli(['payments', 'create', '--by', 'subject', '--data-dir', data]).code).toBe(2);
  });
});
