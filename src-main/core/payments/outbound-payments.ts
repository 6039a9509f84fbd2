import type { CertLevel } from '../../../src-shared/domain/catalog';
import { institutionDateTime } from '../../../src-shared/domain/institution-time';
import { formatYuan, PAYMENT_BASIS_LABELS } from '../../../src-shared/domain/payment';
import type { PaymentOrdersPayload } from '../../../src-shared/domain/payment-kinds';
import { AppError } from '../../../src-shared/errors';
import type { OutboundModules, OutboundPart } from '../packages/kind-module';
import { catalogNames } from './order-lines';
import { loadOrderByNumber, loadOrderLines, loadOrders, markOrdersSent } from './payment-store';
import { loadPaymentPlan } from './payments-service';

/**
 * 缴费申请单 for the evaluation organisations: every order not yet confirmed, with its lines
 * (ID numbers whole: the organisation matches them to the enrollments it holds). The orders
 * are marked sent with the package's history row, so a confirmation can only answer what was
 * really sent.
 */
export const paymentOutbound: OutboundModules<'payment-orders'> = {
  'payment-orders': {
    build(store, ctx): OutboundPart<'payment-orders'> {
      const waiting = loadOrders(store, { statuses: ['pending', 'sent'] });
      if (!waiting.length) throw new AppError('STATE', '没有待确认缴费的缴费单：请先在“缴费管理”中生成缴费单。');
      const names = catalogNames(store);
      const orders: PaymentOrdersPayload['orders'] = waiting.map((o, i) => {
        ctx.progress('缴费申请单', i, waiting.length);
        const plan = loadPaymentPlan(store, o.planCode);
        return {
          orderNo: o.orderNo,
          planCode: o.planCode,
          planName: plan.name,
          orgCode: plan.orgCode,
          basis: o.basis,
          lineCount: o.lineCount,
          amountFen: o.amountFen,
          createdAt: o.createdAt,
          lines: loadOrderLines(store, o.id).map((l) => ({
            idNumber: l.idNumber,
            name: l.name,
            certificateCode: l.certificateCode,
            certificateName: names.certificates.get(l.certificateCode) ?? l.certificateCode,
            level: l.level as CertLevel,
            subjectCode: l.subjectCode,
            subjectName: l.subjectName,
            feeFen: l.feeFen,
          })),
        };
      });
      return {
        payload: { orders },
        count: orders.length,
        sheet: {
          title: '缴费申请单',
          columns: ['缴费单号', '考试计划', '生成方式', '条数', '应缴金额（元）', '生成时间'],
          rows: orders.map((o) => [
            o.orderNo,
            `${o.planName}（${o.planCode}）`,
            PAYMENT_BASIS_LABELS[o.basis],
            o.lineCount,
            formatYuan(o.amountFen),
            institutionDateTime(new Date(o.createdAt)),
          ]),
        },
      };
    },
    onSent(store, part, now) {
      const ids = part.payload.orders.map((o) => loadOrderByNumber(store, o.orderNo)?.id).filter((id): id is number => id !== undefined);
      markOrdersSent(store, ids, now.toISOString());
    },
  },
};
