import type { PaymentBasis, PaymentStatus } from '../../../src-shared/domain/payment';
import type { Store } from '../../store/store';
import { markPaid } from '../enrollments/enrollment-store';

/**
 * The one place payment_orders, payment_order_lines and payment_order_enrollments are written;
 * confirming an order marks its enrollments paid through the enrollment store.
 * Migration 0010's triggers hold the same rules: an order's content is written once, and a
 * confirmed order is final.
 */
export interface OrderRecord {
  id: number;
  orderNo: string;
  planCode: string;
  basis: PaymentBasis;
  source: 'selection' | 'import';
  status: PaymentStatus;
  lineCount: number;
  amountFen: number;
  createdAt: string;
  sentAt: string | null;
  confirmedAt: string | null;
}

/** An enrollment as an order needs it: who, which subject of which certificate. */
export interface OpenEnrollment {
  id: number;
  candidateId: number;
  idNumber: string;
  name: string;
  subjectCode: string;
  subjectName: string;
  certificateCode: string;
  level: string;
}

/** One line to write: its fee and the enrollments it pays for. */
export interface LineDraft {
  candidateId: number;
  idNumber: string;
  name: string;
  certificateCode: string;
  level: string;
  subjectCode: string | null;
  feeFen: number;
  enrollmentIds: number[];
}

export interface StoredLine {
  lineId: number;
  candidateId: number;
  idNumber: string;
  name: string;
  certificateCode: string;
  level: string;
  subjectCode: string | null;
  subjectName: string | null;
  feeFen: number;
  paid: boolean;
}

const ORDER_COLUMNS = `id, order_no AS orderNo, plan_code AS planCode, basis, source, status, line_count AS lineCount, amount_fen AS amountFen,
  created_at AS createdAt, sent_at AS sentAt, confirmed_at AS confirmedAt`;

export function loadOrders(store: Store, where: { statuses?: readonly PaymentStatus[]; planCode?: string } = {}): OrderRecord[] {
  const all = store.prepare(`SELECT ${ORDER_COLUMNS} FROM payment_orders ORDER BY id`).all() as OrderRecord[];
  return all.filter((o) => (!where.statuses || where.statuses.includes(o.status)) && (!where.planCode || o.planCode === where.planCode));
}

export function loadOrder(store: Store, id: number): OrderRecord | null {
  return (store.prepare(`SELECT ${ORDER_COLUMNS} FROM payment_orders WHERE id = ?`).get(id) as OrderRecord | undefined) ?? null;
}

export function loadOrderByNumber(store: Store, orderNo: string): OrderRecord | null {
  return (store.prepare(`SELECT ${ORDER_COLUMNS} FROM payment_orders WHERE order_no = ?`).get(orderNo) as OrderRecord | undefined) ?? null;
}

/** An order's lines in the order they were written (grouped by certificate and subject), each with whether it is paid. */
export function loadOrderLines(store: Store, orderId: number): StoredLine[] {
  const rows = store
    .prepare(
      `SELECT l.id AS lineId, l.candidate_id AS candidateId, c.id_number AS idNumber, c.name, l.certificate_code AS certificateCode, l.level,
         l.subject_code AS subjectCode, s.name AS subjectName, l.fee_fen AS feeFen,
         (SELECT min(e.paid) FROM payment_order_enrollments pe JOIN enrollments e ON e.id = pe.enrollment_id WHERE pe.line_id = l.id) AS paid
       FROM payment_order_lines l JOIN candidates c ON c.id = l.candidate_id LEFT JOIN exam_subjects s ON s.code = l.subject_code
       WHERE l.order_id = ? ORDER BY l.id`,
    )
    .all(orderId) as (Omit<StoredLine, 'paid'> & { paid: number | null })[];
  return rows.map((r) => ({ ...r, paid: r.paid === 1 }));
}

/** The enrollments an order pays for. */
export function orderEnrollmentIds(store: Store, orderId: number): number[] {
  return store
    .prepare('SELECT pe.enrollment_id FROM payment_order_enrollments pe JOIN payment_order_lines l ON l.id = pe.line_id WHERE l.order_id = ? ORDER BY pe.enrollment_id')
    .pluck()
    .all(orderId) as number[];
}

/**
 * The orders that hold any of these enrollments, for a refusal that names them: an enrollment in
 * an order cannot be deleted (the database refuses), the order must go first, and one in a
 * confirmed order never can.
 */
export function ordersHoldingEnrollments(store: Store, enrollmentIds: readonly number[]): { orderNo: string; status: PaymentStatus; enrollmentId: number }[] {
  const stmt = store.prepare(
    `SELECT o.order_no AS orderNo, o.status, pe.enrollment_id AS enrollmentId FROM payment_order_enrollments pe
       JOIN payment_order_lines l ON l.id = pe.line_id JOIN payment_orders o ON o.id = l.order_id WHERE pe.enrollment_id = ?`,
  );
  return enrollmentIds.flatMap((id) => (stmt.get(id) as { orderNo: string; status: PaymentStatus; enrollmentId: number } | undefined) ?? []);
}

/** A plan's unpaid enrollments that no order holds yet, in the order they were made. */
export function openEnrollments(store: Store, planCode: string): OpenEnrollment[] {
  return store
    .prepare(
      `SELECT e.id, e.candidate_id AS candidateId, c.id_number AS idNumber, c.name, e.subject_code AS subjectCode, s.name AS subjectName,
         s.certificate_code AS certificateCode, s.level
       FROM enrollments e JOIN candidates c ON c.id = e.candidate_id JOIN exam_subjects s ON s.code = e.subject_code
       WHERE e.plan_code = ? AND e.paid = 0 AND NOT EXISTS (SELECT 1 FROM payment_order_enrollments pe WHERE pe.enrollment_id = e.id)
       ORDER BY e.id`,
    )
    .all(planCode) as OpenEnrollment[];
}

/** Every enrollment of a plan by candidate and subject, with whether it is paid and the order holding it, if any. */
export function planEnrollments(store: Store, planCode: string): Map<string, { id: number; paid: boolean; orderNo: string | null }> {
  const rows = store
    .prepare(
      `SELECT e.id, e.candidate_id AS candidateId, e.subject_code AS subjectCode, e.paid, o.order_no AS orderNo
       FROM enrollments e LEFT JOIN payment_order_enrollments pe ON pe.enrollment_id = e.id
         LEFT JOIN payment_order_lines l ON l.id = pe.line_id LEFT JOIN payment_orders o ON o.id = l.order_id
       WHERE e.plan_code = ?`,
    )
    .all(planCode) as { id: number; candidateId: number; subjectCode: string; paid: number; orderNo: string | null }[];
  return new Map(rows.map((r) => [enrollmentKey(r.candidateId, r.subjectCode), { id: r.id, paid: r.paid === 1, orderNo: r.orderNo }]));
}

export const enrollmentKey = (candidateId: number, subjectCode: string) => `${candidateId}/${subjectCode}`;

/** By certificate: candidate × certificate × level already charged by an order of this plan, with that order's number. */
export function chargedCertificates(store: Store, planCode: string): Map<string, string> {
  const rows = store
    .prepare(
      `SELECT l.candidate_id AS candidateId, l.certificate_code AS certificateCode, l.level, o.order_no AS orderNo
       FROM payment_order_lines l JOIN payment_orders o ON o.id = l.order_id WHERE o.plan_code = ? AND l.subject_code IS NULL`,
    )
    .all(planCode) as { candidateId: number; certificateCode: string; level: string; orderNo: string }[];
  return new Map(rows.map((r) => [chargeKey(r.candidateId, r.certificateCode, r.level), r.orderNo]));
}

export const chargeKey = (candidateId: number, certificateCode: string, level: string) => `${candidateId}/${certificateCode}/${level}`;

/** Enrollment counts of each plan that has any: all, paid, and open (unpaid, in no order). */
export function enrollmentCounts(store: Store): { planCode: string; enrolled: number; paid: number; open: number }[] {
  return store
    .prepare(
      `SELECT e.plan_code AS planCode, count(*) AS enrolled, sum(e.paid) AS paid,
         sum(e.paid = 0 AND NOT EXISTS (SELECT 1 FROM payment_order_enrollments pe WHERE pe.enrollment_id = e.id)) AS open
       FROM enrollments e GROUP BY e.plan_code ORDER BY e.plan_code`,
    )
    .all() as { planCode: string; enrolled: number; paid: number; open: number }[];
}

/**
 * The next order's id, which is its number's sequence: AUTOINCREMENT's counter, so a deleted
 * order's number is never handed out again. Read inside the writing transaction.
 */
export function nextOrderId(store: Store): number {
  const seq = (store.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'payment_orders'").pluck().get() as number | undefined) ?? 0;
  const max = (store.prepare('SELECT max(id) FROM payment_orders').pluck().get() as number | null) ?? 0;
  return Math.max(seq, max) + 1;
}

/** Writes an order, its lines and their enrollments. Call inside a transaction. */
export function insertOrder(
  store: Store,
  order: { id: number; orderNo: string; planCode: string; basis: PaymentBasis; source: 'selection' | 'import'; createdAt: string },
  lines: readonly LineDraft[],
): void {
  const amount = lines.reduce((sum, l) => sum + l.feeFen, 0);
  store
    .prepare('INSERT INTO payment_orders (id, order_no, plan_code, basis, source, line_count, amount_fen, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(order.id, order.orderNo, order.planCode, order.basis, order.source, lines.length, amount, order.createdAt);
  const line = store.prepare('INSERT INTO payment_order_lines (order_id, candidate_id, certificate_code, level, subject_code, fee_fen) VALUES (?, ?, ?, ?, ?, ?)');
  const link = store.prepare('INSERT INTO payment_order_enrollments (enrollment_id, line_id) VALUES (?, ?)');
  for (const l of lines) {
    const lineId = Number(line.run(order.id, l.candidateId, l.certificateCode, l.level, l.subjectCode, l.feeFen).lastInsertRowid);
    for (const e of l.enrollmentIds) link.run(e, lineId);
  }
}

/** Its lines and their enrollment links go with it (ON DELETE CASCADE); a confirmed order is refused by the database. */
export function deleteOrderRow(store: Store, id: number): void {
  store.prepare('DELETE FROM payment_orders WHERE id = ?').run(id);
}

/** Sent with a package: a pending order becomes sent, a sent one records the latest sending. */
export function markOrdersSent(store: Store, ids: readonly number[], at: string): void {
  const stmt = store.prepare("UPDATE payment_orders SET status = 'sent', sent_at = ? WHERE id = ? AND status IN ('pending', 'sent')");
  for (const id of ids) stmt.run(at, id);
}

/** 确认缴费: the order is final from here on, and every enrollment it pays for is 已缴费. */
export function confirmOrder(store: Store, id: number, at: string): void {
  store.prepare("UPDATE payment_orders SET status = 'confirmed', confirmed_at = ? WHERE id = ?").run(at, id);
  markPaid(store, orderEnrollmentIds(store, id));
}
