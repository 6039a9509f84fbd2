import { institutionDateTime } from '../../../src-shared/domain/institution-time';
import { formatYuan, PAYMENT_STATUS_LABELS, type PaymentStatus } from '../../../src-shared/domain/payment';
import type { PaymentConfirmation } from '../../../src-shared/domain/payment-kinds';
import type { Store } from '../../store/store';
import { existingMap, refuseReference, type EntityRecord, type Fields, type InboundModules } from '../packages/kind-module';
import { confirmOrder, loadOrderByNumber, loadOrders, type OrderRecord } from './payment-store';

const fieldsOf = (o: { status: PaymentStatus; amountFen: number; confirmedAt: string | null }): Fields => ({
  状态: PAYMENT_STATUS_LABELS[o.status],
  应缴金额: `${formatYuan(o.amountFen)} 元`,
  确认时间: o.confirmedAt ? institutionDateTime(new Date(o.confirmedAt)) : null,
});

/** Why a confirmation cannot apply to what the store holds; null when it can (or already did). */
function confirmationRefusal(o: OrderRecord | null, c: PaymentConfirmation): string | null {
  if (!o) return `缴费单 ${c.orderNo} 不是本院校生成的缴费单（可能已被删除）`;
  if (!o.sentAt) return `缴费单 ${c.orderNo} 还没有报送给平台，不能确认缴费`;
  if (o.amountFen !== c.amountFen) return `缴费单 ${c.orderNo} 的确认金额 ${formatYuan(c.amountFen)} 元与缴费单的应缴金额 ${formatYuan(o.amountFen)} 元不一致`;
  return null;
}

/**
 * 缴费确认结果: the organisation confirms it received an order's amount. A confirmation for an
 * order this institution never sent (or deleted), for another amount, or twice in one package
 * refuses the whole package, naming the order. A confirmed order is final: confirming it again
 * changes nothing.
 */
export const paymentInbound: InboundModules<'payment-confirmations'> = {
  'payment-confirmations': {
    dependsOn: [],
    checkReferences(p, ctx) {
      const seen = new Set<string>();
      p.confirmations.forEach((c, i) => {
        const path = `confirmations[${i}].orderNo`;
        if (seen.has(c.orderNo)) refuseReference('payment-confirmations', path, `缴费单 ${c.orderNo} 在同一个数据包中确认了两次`);
        seen.add(c.orderNo);
        const refusal = confirmationRefusal(loadOrderByNumber(ctx.store, c.orderNo), c);
        if (refusal) refuseReference('payment-confirmations', path, refusal);
      });
    },
    records(p, store: Store): EntityRecord[] {
      return p.confirmations.flatMap((c) => {
        const o = loadOrderByNumber(store, c.orderNo);
        if (!o) return [];
        const base = { kind: 'payment-confirmations' as const, entity: '缴费单', key: `payment-order:${o.orderNo}`, title: `缴费单 ${o.orderNo}（${o.lineCount} 条）` };
        if (o.status === 'confirmed') return [{ ...base, fields: fieldsOf(o), write: () => {} }];
        return [
          { ...base, fields: fieldsOf({ status: 'confirmed', amountFen: o.amountFen, confirmedAt: c.confirmedAt }), write: (s: Store) => confirmOrder(s, o.id, c.confirmedAt) },
        ];
      });
    },
    existing: (store) => existingMap(loadOrders(store), (o) => `payment-order:${o.orderNo}`, fieldsOf),
  },
};
