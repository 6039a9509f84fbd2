import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeeRow, PaymentOrderDetail, PaymentOrderList, PaymentPlanRow, PaymentPreview } from '../../src-shared/api/payments';
import { paymentOrderNumber } from '../../src-shared/domain/payment';
import { issuePackage } from '../tools/platform/issue-package';
import { auditCount, call, callError, callJobError } from '../helpers/app';
import { openTemplate, storeTemplate } from '../helpers/store-template';
import { tempDir } from '../helpers/temp-dir';
import { enrollForPayment, paymentApp, paymentRoundTrip, setStandardFees, TODAY } from '../fixtures/payment-fixtures';
import { importCatalog, importFile } from '../fixtures/site-fixtures';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };
const INSTITUTION = '4137014320';
const number = (seq: number) => paymentOrderNumber(INSTITUTION, '2026-06-15', seq);
const paidCount = (app: Awaited<ReturnType<typeof paymentApp>>['app']) => app.store.db.prepare('SELECT count(*) FROM enrollments WHERE paid = 1').pluck().get() as number;

// The package round trips run export, answer and import jobs in worker threads: slow on a loaded 2-core machine.
describe('缴费管理', { timeout: 180_000 }, () => {
  it('keeps the organisation’s fees per certificate level and per subject, refusing amounts out of range and items the catalog lacks', async () => {
    const { app, principal, basic, middle } = await paymentApp();
    const before = await call<FeeRow[]>(app, 'fees.list', {}, principal);
    expect(before.filter((f) => f.basis === 'certificate').map((f) => `${f.certificateName} ${f.level}`)).toContain('物流管理职业技能等级证书 中级');
    expect(before.every((f) => f.feeFen === null)).toBe(true);

    const audits = auditCount(app);
    await setStandardFees(app, principal, { basic, middle });
    expect(auditCount(app)).toBe(audits + 1);
    const after = await call<FeeRow[]>(app, 'fees.list', {}, principal);
    expect(after.find((f) => f.basis === 'subject' && f.subjectCode === basic[0])?.feeFen).toBe(10_000);
    expect(after.find((f) => f.basis === 'certificate' && f.certificateCode === 'ZS2019003' && f.level === '初级')?.feeFen).toBe(28_000);

    const bad = async (fee: unknown) => (await callError(app, 'fees.update', { fees: [{ key: { basis: 'subject', subjectCode: basic[0] }, feeFen: fee }] }, principal)).message;
    expect(await bad(0)).toContain('收费标准应在 0.01 元到 10,000 元之间');
    expect(await bad(1_000_001)).toContain('收费标准应在 0.01 元到 10,000 元之间');
    expect(await bad(12.5)).toContain('最多保留两位小数');
    expect((await callError(app, 'fees.update', { fees: [{ key: { basis: 'subject', subjectCode: '999999' }, feeFen: 100 }] }, principal)).message).toBe(
      '证书目录中没有编码为 999999 的考试科目，不能设置收费标准。',
    );
    expect((await callError(app, 'fees.update', { fees: [{ key: { basis: 'certificate', certificateCode: 'ZS2019005', level: '高级' }, feeFen: 100 }] }, principal)).message).toBe(
      '证书目录中没有“ZS2019005”的高级证书，不能设置收费标准。',
    );
    // Cleared: the item has no fee again.
    await call(app, 'fees.update', { fees: [{ key: { basis: 'subject', subjectCode: basic[0] }, feeFen: null }] }, principal);
    expect((await call<FeeRow[]>(app, 'fees.list', {}, principal)).find((f) => f.subjectCode === basic[0])?.feeFen).toBeNull();
  });

  it('builds an order by subject from the plan’s open enrollments: one line per enrolled subject, grouped with counts and subtotals', async () => {
    const { app, principal, plans, basic, middle } = await paymentApp(4);
    await setStandardFees(app, principal, { basic, middle });
    const plan = (await call<PaymentPlanRow[]>(app, 'payments.plans', {}, principal)).find((p) => p.code === plans.logistics)!;
    // 4 candidates × 3 初级 subjects + 2 × 3 中级 subjects.
    expect(plan).toMatchObject({ enrolled: 18, open: 18, paid: 0, basis: null });

    const preview = await call<PaymentPreview>(app, 'payments.preview', { planCode: plans.logistics, basis: 'subject' }, principal);
    expect(preview).toMatchObject({ lineCount: 18, amountFen: 12 * 10_000 + 6 * 12_000, missingFees: [], refusal: null });
    expect(preview.groups.map((g) => [g.subjectCode, g.count, g.subtotalFen])).toEqual([...basic.sort().map((s) => [s, 4, 40_000]), ...middle.sort().map((s) => [s, 2, 24_000])]);

    const order = await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plans.logistics, basis: 'subject' }, principal);
    expect(order).toMatchObject({ orderNo: number(1), status: 'pending', statusLabel: '待报送', lineCount: 18, amountFen: 192_000, basisLabel: '按报考科目', canDelete: true });
    expect(order.orderNo).toBe('JF4137014320202606150001');
    expect(order.lines.every((l) => !l.paid && l.subjectCode)).toBe(true);
    expect(order.groups).toEqual(preview.groups);

    // Its enrollments are taken: nothing is open any more, so a second order has nothing to hold.
    expect((await call<PaymentPreview>(app, 'payments.preview', { planCode: plans.logistics, basis: 'subject' }, principal)).refusal).toBe(
      '考试计划“物流管理2019年12月第2次考核”没有未缴费、且不在其他缴费单中的报考记录，无法生成缴费单。',
    );
    expect((await callError(app, 'payments.create', { planCode: plans.logistics, basis: 'subject' }, principal)).code).toBe('STATE');
    // And the database itself keeps an enrollment in one order at most.
    const enrollment = app.store.db.prepare('SELECT enrollment_id FROM payment_order_enrollments LIMIT 1').pluck().get() as number;
    const line = app.store.db.prepare('SELECT id FROM payment_order_lines LIMIT 1').pluck().get() as number;
    expect(() => app.store.db.prepare('INSERT INTO payment_order_enrollments (enrollment_id, line_id) VALUES (?, ?)').run(enrollment, line)).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('builds an order by certificate: one line per candidate and certificate level, paying for each of its subjects', async () => {
    const { app, principal, plans, basic, middle } = await paymentApp(4);
    await setStandardFees(app, principal, { basic, middle });
    const order = await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plans.logistics, basis: 'certificate' }, principal);
    expect(order).toMatchObject({ lineCount: 6, amountFen: 4 * 28_000 + 2 * 34_000, basisLabel: '按报考证书' });
    expect(order.groups.map((g) => [`${g.certificateName}${g.level}`, g.count, g.feeFen, g.subtotalFen])).toEqual([
      ['物流管理职业技能等级证书初级', 4, 28_000, 112_000],
      ['物流管理职业技能等级证书中级', 2, 34_000, 68_000],
    ]);
    expect(app.store.db.prepare('SELECT count(*) FROM payment_order_enrollments').pluck().get()).toBe(18);
    // One way per plan: the plan's next order is by certificate too.
    const refusal = (await call<PaymentPreview>(app, 'payments.preview', { planCode: plans.logistics, basis: 'subject' }, principal)).refusal;
    expect(refusal).toBe(`考试计划“物流管理2019年12月第2次考核”已按报考证书生成过缴费单（${order.orderNo}）：同一考试计划的缴费单要用同一种方式生成，请按报考证书生成。`);
  });

  it('builds an order of one certificate level or one subject, refuses a subject filter by certificate, and a selection with fees missing, naming them', async () => {
    const { app, principal, plans, basic, middle } = await paymentApp(4);
    const before = auditCount(app);
    const error = await callError(app, 'payments.create', { planCode: plans.logistics, basis: 'subject' }, principal);
    expect(error.message).toBe(
      '以下项目还没有设置收费标准：物流管理职业技能等级证书（初级） · 基础考核（098694）、物流管理职业技能等级证书（初级） · 实操考核（609371）、物流管理职业技能等级证书（初级） · 综合应用考核（794690）、物流管理职业技能等级证书（中级） · 基础考核（043194）、物流管理职业技能等级证书（中级） · 综合应用考核（338994）、物流管理职业技能等级证书（中级） · 实操考核（577875）。请先在“收费标准”中设置后再生成缴费单。',
    );
    expect(auditCount(app)).toBe(before);
    expect(app.store.db.prepare('SELECT count(*) FROM payment_orders').pluck().get()).toBe(0);

    await setStandardFees(app, principal, { basic, middle });
    const middleOnly = await call<PaymentOrderDetail>(
      app,
      'payments.create',
      { planCode: plans.logistics, basis: 'certificate', certificateCode: 'ZS2019003', level: '中级' },
      principal,
    );
    expect(middleOnly.lineCount).toBe(2);
    const subjectError = await callError(app, 'payments.preview', { planCode: plans.logistics, basis: 'certificate', subjectCode: basic[0] }, principal);
    expect(subjectError.message).toBe('按报考证书生成缴费单时只能按证书筛选，不能按科目筛选。');
    expect((await callError(app, 'payments.preview', { planCode: 'K000', basis: 'certificate' }, principal)).message).toBe('找不到考试计划 K000。');
    expect((await callError(app, 'payments.preview', { planCode: plans.logistics, basis: 'both' }, principal)).message).toContain('请选择按报考证书还是按报考科目生成');
  });

  it('numbers orders JF + institution code + date + a sequence never used twice, even after a delete', async () => {
    const { app, principal, plans, basic, middle } = await paymentApp(2);
    await setStandardFees(app, principal, { basic, middle });
    const first = await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plans.logistics, basis: 'subject', subjectCode: basic[0] }, principal);
    const second = await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plans.logistics, basis: 'subject', subjectCode: basic[1] }, principal);
    await call(app, 'payments.delete', { id: second.id }, principal);
    const third = await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plans.logistics, basis: 'subject', subjectCode: basic[1] }, principal);
    expect([first.orderNo, second.orderNo, third.orderNo]).toEqual([number(1), number(2), number(3)]);
    // The deleted order's enrollments were free again for the third.
    expect(third.lineCount).toBe(2);
    const list = await call<PaymentOrderList>(app, 'payments.list', {}, principal);
    expect(list.rows.map((r) => r.orderNo)).toEqual([number(3), number(1)]);
    expect(list.counts).toEqual({ all: 2, pending: 2, sent: 0, confirmed: 0 });
  });

  it('sends the orders not yet confirmed; the organisation confirms all but the last, whose enrollments stay unpaid; the same answer twice changes nothing', async () => {
    const { app, principal, platform, plans, basic, middle } = await paymentApp(4);
    await setStandardFees(app, principal, { basic, middle });
    const first = await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plans.logistics, basis: 'subject', certificateCode: 'ZS2019003', level: '初级' }, principal);
    const last = await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plans.logistics, basis: 'subject', certificateCode: 'ZS2019003', level: '中级' }, principal);
    const { exported, reply } = await paymentRoundTrip(app, principal, platform);
    expect(exported.counts).toEqual({ 'payment-orders': 2 });

    const confirmed = await call<PaymentOrderDetail>(app, 'payments.get', { id: first.id }, principal);
    expect(confirmed).toMatchObject({ status: 'confirmed', statusLabel: '已确认缴费', canDelete: false, confirmedAt: TODAY.toISOString() });
    expect(confirmed.lines.every((l) => l.paid)).toBe(true);
    const pending = await call<PaymentOrderDetail>(app, 'payments.get', { id: last.id }, principal);
    expect(pending).toMatchObject({ status: 'sent', statusLabel: '待确认缴费', canDelete: true });
    expect(pending.lines.some((l) => l.paid)).toBe(false);
    expect(paidCount(app)).toBe(12);
    expect((await call<PaymentPlanRow[]>(app, 'payments.plans', {}, principal))[0]).toMatchObject({ enrolled: 18, paid: 12, open: 0 });

    const again = await importFile(app, principal, reply);
    expect(again).toMatchObject({ applied: false });
    expect(paidCount(app)).toBe(12);

    // Sent again on its own, the last order is confirmed in turn.
    await paymentRoundTrip(app, principal, platform);
    expect((await call<PaymentOrderDetail>(app, 'payments.get', { id: last.id }, principal)).status).toBe('confirmed');
    expect(paidCount(app)).toBe(18);
    expect((await callJobError(app, 'packages.export', { kinds: ['payment-orders'] }, principal)).message).toBe('没有待确认缴费的缴费单：请先在“缴费管理”中生成缴费单。');
  });
});

describe('a confirmed order is final', { timeout: 180_000 }, () => {
  /** `paymentApp(2)` with an order by subject, confirmed through the simulator: built once per run (three jobs), copied. */
  async function confirmedOrder() {
    const template = await storeTemplate('payments: a confirmed order', TODAY, async ({ app, principal, platform, workDir }) => {
      await importCatalog(app, principal, platform, workDir);
      const enrolled = enrollForPayment(app.store, 2);
      await setStandardFees(app, principal, enrolled);
      const order = await call<PaymentOrderDetail>(app, 'payments.create', { planCode: enrolled.plans.logistics, basis: 'subject' }, principal);
      await paymentRoundTrip(app, principal, platform);
      return { ...enrolled, order };
    });
    const { app, principal, platform, meta } = await openTemplate(template, { now: () => TODAY });
    return { app, principal, platform, ...meta };
  }

  it('through every operation: it cannot be deleted, a fee change leaves it as it was, and its enrollments cannot be ordered again', async () => {
    const { app, principal, plans, basic, order } = await confirmedOrder();
    const error = await callError(app, 'payments.delete', { id: order.id }, principal);
    expect(error).toMatchObject({ code: 'STATE', message: `缴费单 ${order.orderNo} 已确认缴费，不能删除或修改。` });
    await call(app, 'fees.update', { fees: [{ key: { basis: 'subject', subjectCode: basic[0] }, feeFen: 99_900 }] }, principal);
    const after = await call<PaymentOrderDetail>(app, 'payments.get', { id: order.id }, principal);
    expect({ amount: after.amountFen, lines: after.lines.map((l) => l.feeFen), status: after.status }).toEqual({
      amount: order.amountFen,
      lines: order.lines.map((l) => l.feeFen),
      status: 'confirmed',
    });
    expect((await call<PaymentPreview>(app, 'payments.preview', { planCode: plans.logistics, basis: 'subject' }, principal)).refusal).toContain(
      '没有未缴费、且不在其他缴费单中的报考记录',
    );
  });

  it('by raw SQL: no statement changes or deletes the order, its lines, their enrollment links, or the enrollments it paid for', async () => {
    const { app, order } = await confirmedOrder();
    const db = app.store.db;
    const line = db.prepare('SELECT id FROM payment_order_lines WHERE order_id = ? LIMIT 1').pluck().get(order.id) as number;
    const enrollment = db.prepare('SELECT enrollment_id FROM payment_order_enrollments WHERE line_id = ?').pluck().get(line) as number;
    const refused: [string, unknown[], RegExp][] = [
      ['UPDATE payment_orders SET amount_fen = 1 WHERE id = ?', [order.id], /confirmed and read-only/],
      ["UPDATE payment_orders SET status = 'sent' WHERE id = ?", [order.id], /confirmed and read-only/],
      ['UPDATE payment_orders SET sent_at = NULL, confirmed_at = confirmed_at WHERE id = ?', [order.id], /confirmed and read-only/],
      ['DELETE FROM payment_orders WHERE id = ?', [order.id], /confirmed and cannot be deleted/],
      ['UPDATE payment_order_lines SET fee_fen = 1 WHERE id = ?', [line], /lines cannot change/],
      ['DELETE FROM payment_order_lines WHERE id = ?', [line], /confirmed and read-only/],
      [
        'INSERT INTO payment_order_lines (order_id, candidate_id, certificate_code, level, subject_code, fee_fen) SELECT order_id, candidate_id, certificate_code, level, subject_code, 1 FROM payment_order_lines WHERE id = ?',
        [line],
        /only to a payment order not yet sent/,
      ],
      ['UPDATE payment_order_enrollments SET line_id = line_id WHERE enrollment_id = ?', [enrollment], /lines cannot change/],
      ['DELETE FROM payment_order_enrollments WHERE enrollment_id = ?', [enrollment], /confirmed and read-only/],
      ['UPDATE enrollments SET paid = 0 WHERE id = ?', [enrollment], /paid by a confirmed payment order/],
      ['UPDATE enrollments SET subject_code = (SELECT code FROM exam_subjects WHERE code <> subject_code LIMIT 1) WHERE id = ?', [enrollment], /enrollment is in a payment order/],
      ['DELETE FROM enrollments WHERE id = ?', [enrollment], /enrollment is in a confirmed payment order/],
    ];
    for (const [sql, args, message] of refused) expect(() => db.prepare(sql).run(...args), sql).toThrow(message);
    // With foreign keys off, the triggers still hold.
    db.pragma('foreign_keys = OFF');
    expect(() => db.prepare('DELETE FROM enrollments WHERE id = ?').run(enrollment)).toThrow(/enrollment is in a confirmed payment order/);
    db.pragma('foreign_keys = ON');
    expect(db.prepare('SELECT status, amount_fen FROM payment_orders WHERE id = ?').get(order.id)).toEqual({ status: 'confirmed', amount_fen: order.amountFen });
  });

  it('an enrollment in an order not yet confirmed cannot be deleted either (the order goes first); the order’s status only moves forward', async () => {
    const { app, principal, plans, basic, middle } = await paymentApp(2);
    await setStandardFees(app, principal, { basic, middle });
    const order = await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plans.logistics, basis: 'subject' }, principal);
    const db = app.store.db;
    const enrollment = db.prepare('SELECT enrollment_id FROM payment_order_enrollments LIMIT 1').pluck().get() as number;
    expect(() => db.prepare('DELETE FROM enrollments WHERE id = ?').run(enrollment)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare("UPDATE payment_orders SET status = 'confirmed', confirmed_at = 'x' WHERE id = ?").run(order.id)).toThrow(/status cannot move this way/);
    expect(() => db.prepare('UPDATE payment_orders SET amount_fen = 1 WHERE id = ?').run(order.id)).toThrow(/content cannot change/);
    await call(app, 'payments.delete', { id: order.id }, principal);
    db.prepare('DELETE FROM enrollments WHERE id = ?').run(enrollment);
    expect(db.prepare('SELECT count(*) FROM payment_order_lines').pluck().get()).toBe(0);
  });
});

describe('缴费确认结果 the site never asked for', { timeout: 180_000 }, () => {
  async function forged(
    app: Awaited<ReturnType<typeof paymentApp>>['app'],
    principal: string,
    platform: Awaited<ReturnType<typeof paymentApp>>['platform'],
    confirmations: unknown[],
  ) {
    const path = join(tempDir(), 'forged.zip');
    await issuePackage(platform, { 'payment-confirmations': { confirmations } }, { institutionCode: INSTITUTION, out: path, now: TODAY });
    return (await callJobError(app, 'packages.inspect', { fileId: app.files.register(path, 'forged.zip', ACTOR).fileId }, principal)).message;
  }

  it('refuses, naming the order, a confirmation for an order never sent, one unknown, one of another amount and one twice; nothing is written', async () => {
    const { app, principal, platform, plans, basic, middle } = await paymentApp(2);
    await setStandardFees(app, principal, { basic, middle });
    const order = await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plans.logistics, basis: 'subject' }, principal);
    const at = TODAY.toISOString();
    const file = 'payload/payment-confirmations.json 的内容不符合格式：';
    expect(await forged(app, principal, platform, [{ orderNo: order.orderNo, amountFen: order.amountFen, confirmedAt: at }])).toBe(
      `${file}confirmations[0].orderNo：缴费单 ${order.orderNo} 还没有报送给平台，不能确认缴费`,
    );
    expect(await forged(app, principal, platform, [{ orderNo: number(77), amountFen: 100, confirmedAt: at }])).toBe(
      `${file}confirmations[0].orderNo：缴费单 ${number(77)} 不是本院校生成的缴费单（可能已被删除）`,
    );
    expect(await forged(app, principal, platform, [{ orderNo: 'JF-1', amountFen: 100, confirmedAt: at }])).toContain('confirmations[0].orderNo');

    await call(app, 'packages.export', { kinds: ['payment-orders'] }, principal).then((job) => app.jobs.wait((job as { id: string }).id));
    expect(await forged(app, principal, platform, [{ orderNo: order.orderNo, amountFen: order.amountFen - 1, confirmedAt: at }])).toBe(
      `${file}confirmations[0].orderNo：缴费单 ${order.orderNo} 的确认金额 ${((order.amountFen - 1) / 100).toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ',')} 元与缴费单的应缴金额 ${(order.amountFen / 100).toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ',')} 元不一致`,
    );
    const twice = { orderNo: order.orderNo, amountFen: order.amountFen, confirmedAt: at };
    expect(await forged(app, principal, platform, [twice, twice])).toBe(`${file}confirmations[1].orderNo：缴费单 ${order.orderNo} 在同一个数据包中确认了两次`);
    expect((await call<PaymentOrderDetail>(app, 'payments.get', { id: order.id }, principal)).status).toBe('sent');
    expect(paidCount(app)).toBe(0);
  });
});
