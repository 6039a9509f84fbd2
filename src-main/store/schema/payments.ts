import { col, table, type RowOf } from './columns';

const BASES = ['certificate', 'subject'] as const;
const LEVELS = ['初级', '中级', '高级'] as const;

/** 缴费管理: fees, payment orders, their lines and the enrollments each line pays for (migration 0010). */
export const paymentTables = {
  fees: table({
    id: col.int().primaryKey().generated(),
    basis: col.text(...BASES),
    certificate_code: col.text().nullable(),
    level: col.text(...LEVELS).nullable(),
    subject_code: col.text().nullable(),
    fee_fen: col.int(),
    updated_at: col.text(),
  }),
  payment_orders: table({
    id: col.int().primaryKey().generated(),
    order_no: col.text(),
    plan_code: col.text(),
    basis: col.text(...BASES),
    source: col.text('selection', 'import'),
    status: col.text('pending', 'sent', 'confirmed').generated(),
    line_count: col.int(),
    amount_fen: col.int(),
    created_at: col.text(),
    sent_at: col.text().nullable(),
    confirmed_at: col.text().nullable(),
  }),
  payment_order_lines: table({
    id: col.int().primaryKey().generated(),
    order_id: col.int(),
    candidate_id: col.int(),
    certificate_code: col.text(),
    level: col.text(...LEVELS),
    subject_code: col.text().nullable(),
    fee_fen: col.int(),
  }),
  payment_order_enrollments: table({
    enrollment_id: col.int().primaryKey(),
    line_id: col.int(),
  }),
};

export type FeeTable = RowOf<typeof paymentTables.fees>;
export type PaymentOrderTable = RowOf<typeof paymentTables.payment_orders>;
export type PaymentOrderLineTable = RowOf<typeof paymentTables.payment_order_lines>;
