import type { PaymentConfirmation, PaymentOrdersPayload } from '../../../src-shared/domain/payment-kinds';
import type { Answerer } from './answerers';

/**
 * The evaluation organisation checks the transfers against the orders, by order number: every
 * order is confirmed as paid except the last one (the highest number) whenever two or more come
 * in — its money has not arrived yet, so it stays 待确认缴费 until a later package sends it again
 * (on its own it is then confirmed). Each confirmation carries the order's own amount. The same
 * package gets the same answer.
 */
export const answerPayments: Answerer = (payload, ctx) => {
  const { orders } = payload as PaymentOrdersPayload;
  const sorted = [...orders].sort((a, b) => a.orderNo.localeCompare(b.orderNo));
  const paid = sorted.length >= 2 ? sorted.slice(0, -1) : sorted;
  const confirmedAt = ctx.now.toISOString();
  const confirmations: PaymentConfirmation[] = paid.map((o) => ({ orderNo: o.orderNo, amountFen: o.amountFen, confirmedAt }));
  return { 'payment-confirmations': { confirmations } };
};
