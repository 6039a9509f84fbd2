import { Tag } from 'antd';
import type { OpName } from '../../../src-shared/api';
import { PAYMENT_STATUS_LABELS, type PaymentStatus } from '../../../src-shared/domain/payment';

const COLORS: Record<PaymentStatus, string> = { pending: 'default', sent: 'processing', confirmed: 'success' };

export function PaymentStatusTag({ status }: { status: PaymentStatus }) {
  return <Tag color={COLORS[status]}>{PAYMENT_STATUS_LABELS[status]}</Tag>;
}

/** What making, deleting or confirming an order can alter: refetched after each. */
export const PAYMENT_QUERIES: OpName[] = ['payments.list', 'payments.get', 'payments.plans', 'payments.preview'];
