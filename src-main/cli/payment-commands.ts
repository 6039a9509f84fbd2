import type { PaymentOrderDetail, PaymentOrderList } from '../../src-shared/api/payments';
import { CLI_ACTOR } from '../../src-shared/actor';
import { fenToYuan, formatYuan, PAYMENT_BASES, PAYMENT_BASIS_LABELS, type PaymentBasis } from '../../src-shared/domain/payment';
import { invokeAs } from '../core/dispatch';
import { requireString, UsageError, withApp, type CliCommand } from './cli-kit';

/** `payments create --json`: the order number (the one for the transfer), its line count, and the amount due in yuan. */
export interface PaymentCreateJson {
  order: string;
  lines: number;
  amount: number;
}

export const paymentsCreateCommand: CliCommand = {
  name: 'payments create',
  usage: 'payments create --plan 考试计划 --by certificate|subject [--data-dir 目录] [--json]（生成缴费单：本计划所有未缴费、且不在其他缴费单中的报考记录）',
  options: { plan: { type: 'string' }, by: { type: 'string' } },
  async run({ values, io }): Promise<PaymentCreateJson> {
    const planCode = requireString(values, 'plan');
    const by = requireString(values, 'by');
    if (!(PAYMENT_BASES as readonly string[]).includes(by)) throw new UsageError('--by 应为 certificate（按报考证书）或 subject（按报考科目）');
    const order = await withApp(values, (app): Promise<PaymentOrderDetail> => invokeAs(app, CLI_ACTOR, 'payments.create', { planCode, basis: by as PaymentBasis }));
    io.say(`已生成缴费单 ${order.orderNo}（${order.basisLabel}，${order.lineCount} 条，应缴 ${formatYuan(order.amountFen)} 元）。`);
    return { order: order.orderNo, lines: order.lineCount, amount: fenToYuan(order.amountFen) };
  },
  render: (r: PaymentCreateJson) => `${r.order}  ${r.lines} 条  ${formatYuan(Math.round(r.amount * 100))} 元`,
};

/** `payments list --json`: every order, newest first; `amount` in yuan, times as ISO instants. */
export interface PaymentListJson {
  orders: { order: string; plan: string; by: PaymentBasis; lines: number; amount: number; status: string; createdAt: string; sentAt: string | null; confirmedAt: string | null }[];
}

export const paymentsListCommand: CliCommand = {
  name: 'payments list',
  usage: 'payments list [--data-dir 目录] [--json]（缴费单：单号、考试计划、方式、条数、金额、状态）',
  options: {},
  async run({ values }): Promise<PaymentListJson> {
    const list = await withApp(values, (app): Promise<PaymentOrderList> => invokeAs(app, CLI_ACTOR, 'payments.list', {}));
    return {
      orders: list.rows.map((o) => ({
        order: o.orderNo,
        plan: o.planCode,
        by: o.basis,
        lines: o.lineCount,
        amount: fenToYuan(o.amountFen),
        status: o.statusLabel,
        createdAt: o.createdAt,
        sentAt: o.sentAt,
        confirmedAt: o.confirmedAt,
      })),
    };
  },
  render: (r: PaymentListJson) =>
    r.orders.length
      ? r.orders.map((o) => `${o.order}  ${o.plan}  ${PAYMENT_BASIS_LABELS[o.by]}  ${o.lines} 条  ${formatYuan(Math.round(o.amount * 100))} 元  ${o.status}`).join('\n')
      : '还没有缴费单。',
};
