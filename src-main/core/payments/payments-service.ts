import type { PaymentOrderDetail, PaymentOrderList, PaymentOrderRow, PaymentPlanRow, PaymentPreview, PaymentSelection } from '../../../src-shared/api/payments';
import { CERT_LEVELS } from '../../../src-shared/domain/catalog';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import {
  canDeleteOrder,
  formatYuan,
  PAYMENT_BASIS_LABELS,
  PAYMENT_STATUS_LABELS,
  PAYMENT_STATUSES,
  paymentOrderNumber,
  type PaymentBasis,
  type PaymentStatus,
} from '../../../src-shared/domain/payment';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { readInstitution } from '../institution/institution-service';
import { loadFees } from './fee-store';
import { buildLines, catalogNames, groupsOf, type BuiltLines } from './order-lines';
import {
  chargedCertificates,
  deleteOrderRow,
  enrollmentCounts,
  insertOrder,
  loadOrder,
  loadOrderLines,
  loadOrders,
  nextOrderId,
  openEnrollments,
  type LineDraft,
  type OrderRecord,
} from './payment-store';

/** An order is one payment: at most this many lines (a package holds them whole). */
export const MAX_ORDER_LINES = 100_000;

export interface PlanInfo {
  code: string;
  name: string;
  orgCode: string;
  orgName: string;
  certificates: { certificateCode: string; level: string; subjects: string[] }[];
}

export function loadPaymentPlan(store: Store, code: string): PlanInfo {
  const plan = store.get(store.q.selectFrom('exam_plans').select(['code', 'name', 'org_code']).where('code', '=', code));
  if (!plan) throw new AppError('NOT_FOUND', `找不到考试计划 ${code}。`, { issues: [{ path: 'planCode', message: '考试计划不存在' }] });
  const org = store.get(store.q.selectFrom('organisations').select('name').where('code', '=', plan.org_code));
  const certificates = store
    .all(store.q.selectFrom('exam_plan_certificates').select(['certificate_code', 'level', 'subjects_json']).where('plan_code', '=', code))
    .map((c) => ({
      certificateCode: c.certificate_code,
      level: c.level,
      subjects: (JSON.parse(c.subjects_json) as { subjectCode: string }[]).map((s) => s.subjectCode),
    }))
    .sort((a, b) => a.certificateCode.localeCompare(b.certificateCode) || CERT_LEVELS.indexOf(a.level as never) - CERT_LEVELS.indexOf(b.level as never));
  return { code: plan.code, name: plan.name, orgCode: plan.org_code, orgName: org?.name ?? plan.org_code, certificates };
}

/**
 * One way per plan: the organisation charges a plan's enrollments either per certificate or per
 * subject, and mixing the two would charge a candidate's certificate twice.
 */
export function basisRefusal(store: Store, plan: PlanInfo, basis: PaymentBasis): string | null {
  const other = loadOrders(store, { planCode: plan.code }).find((o) => o.basis !== basis);
  if (!other) return null;
  return `考试计划“${plan.name}”已${PAYMENT_BASIS_LABELS[other.basis]}生成过缴费单（${other.orderNo}）：同一考试计划的缴费单要用同一种方式生成，请${PAYMENT_BASIS_LABELS[other.basis]}生成。`;
}

function planNames(store: Store): Map<string, string> {
  return new Map(store.all(store.q.selectFrom('exam_plans').select(['code', 'name'])).map((p) => [p.code, p.name]));
}

export function orderRow(o: OrderRecord, planName: string): PaymentOrderRow {
  return {
    id: o.id,
    orderNo: o.orderNo,
    planCode: o.planCode,
    planName,
    basis: o.basis,
    basisLabel: PAYMENT_BASIS_LABELS[o.basis],
    source: o.source,
    status: o.status,
    statusLabel: PAYMENT_STATUS_LABELS[o.status],
    lineCount: o.lineCount,
    amountFen: o.amountFen,
    createdAt: o.createdAt,
    sentAt: o.sentAt,
    confirmedAt: o.confirmedAt,
    canDelete: canDeleteOrder(o.status),
  };
}

export function listOrders(store: Store, status?: PaymentStatus): PaymentOrderList {
  const all = loadOrders(store);
  const names = planNames(store);
  const counts = Object.fromEntries([['all', all.length], ...PAYMENT_STATUSES.map((s) => [s, all.filter((o) => o.status === s).length])]) as PaymentOrderList['counts'];
  return {
    rows: all
      .filter((o) => !status || o.status === status)
      .reverse()
      .map((o) => orderRow(o, names.get(o.planCode) ?? o.planCode)),
    counts,
  };
}

function mustLoad(store: Store, id: number): OrderRecord {
  const o = loadOrder(store, id);
  if (!o) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的缴费单，可能已被删除。`);
  return o;
}

export function orderDetail(store: Store, id: number): PaymentOrderDetail {
  const o = mustLoad(store, id);
  const plan = loadPaymentPlan(store, o.planCode);
  const names = catalogNames(store);
  const lines = loadOrderLines(store, id);
  return {
    ...orderRow(o, plan.name),
    orgName: plan.orgName,
    groups: groupsOf(lines, names),
    lines: lines.map((l) => ({
      idNumber: l.idNumber,
      name: l.name,
      certificateCode: l.certificateCode,
      certificateName: names.certificates.get(l.certificateCode) ?? l.certificateCode,
      level: l.level,
      subjectCode: l.subjectCode,
      subjectName: l.subjectName,
      feeFen: l.feeFen,
      paid: l.paid,
    })),
  };
}

export function listPaymentPlans(store: Store): PaymentPlanRow[] {
  const names = catalogNames(store);
  return enrollmentCounts(store).map((c) => {
    const plan = loadPaymentPlan(store, c.planCode);
    const order = loadOrders(store, { planCode: c.planCode })[0];
    return {
      code: plan.code,
      name: plan.name,
      orgName: plan.orgName,
      enrolled: c.enrolled,
      open: c.open,
      paid: c.paid,
      basis: order?.basis ?? null,
      certificates: plan.certificates.map((pc) => ({
        certificateCode: pc.certificateCode,
        certificateName: names.certificates.get(pc.certificateCode) ?? pc.certificateCode,
        level: pc.level,
      })),
      subjects: plan.certificates.flatMap((pc) =>
        pc.subjects.map((code) => ({
          code,
          name: names.subjects.get(code) ?? code,
          certificateName: names.certificates.get(pc.certificateCode) ?? pc.certificateCode,
          level: pc.level,
        })),
      ),
    };
  });
}

interface Selected {
  plan: PlanInfo;
  built: BuiltLines;
  refusal: string | null;
}

/** The open enrollments a selection takes, as lines; or why no order can be made of them. */
function selectLines(store: Store, s: PaymentSelection): Selected {
  const plan = loadPaymentPlan(store, s.planCode);
  if (s.basis === 'certificate' && s.subjectCode)
    throw new AppError('VALIDATION', '按报考证书生成缴费单时只能按证书筛选，不能按科目筛选。', { issues: [{ path: 'subjectCode', message: '按证书生成时不按科目筛选' }] });
  const names = catalogNames(store);
  const enrollments = openEnrollments(store, plan.code).filter(
    (e) => (!s.certificateCode || (e.certificateCode === s.certificateCode && e.level === s.level)) && (!s.subjectCode || e.subjectCode === s.subjectCode),
  );
  const built = buildLines(s.basis, enrollments, { fees: loadFees(store), names, charged: chargedCertificates(store, plan.code) });
  const what = s.subjectCode
    ? `科目“${names.subjects.get(s.subjectCode) ?? s.subjectCode}”`
    : s.certificateCode
      ? `“${names.certificates.get(s.certificateCode) ?? s.certificateCode}（${s.level}）”`
      : '';
  let refusal = basisRefusal(store, plan, s.basis);
  if (!refusal && !built.lines.length) refusal = `考试计划“${plan.name}”${what ? `的${what}` : ''}没有未缴费、且不在其他缴费单中的报考记录，无法生成缴费单。`;
  if (!refusal && built.lines.length > MAX_ORDER_LINES)
    refusal = `一张缴费单最多 ${MAX_ORDER_LINES.toLocaleString('en-US')} 条，这次有 ${built.lines.length.toLocaleString('en-US')} 条：请按证书或科目分开生成。`;
  return { plan, built, refusal };
}

export function previewOrder(store: Store, s: PaymentSelection): PaymentPreview {
  const { plan, built, refusal } = selectLines(store, s);
  return {
    planCode: plan.code,
    planName: plan.name,
    basis: s.basis,
    lineCount: built.lines.length,
    amountFen: built.lines.reduce((n, l) => n + l.feeFen, 0),
    groups: groupsOf(built.lines, catalogNames(store)),
    missingFees: built.missingFees,
    notes: built.notes,
    refusal,
  };
}

export function missingFeesRefusal(missing: readonly string[]): string {
  return `以下项目还没有设置收费标准：${missing.join('、')}。请先在“收费标准”中设置后再生成缴费单。`;
}

/**
 * Writes an order of these lines with its next number. Call inside the writing transaction:
 * the number's sequence is read there, and the enrollment links' primary key refuses any
 * enrollment another order took meanwhile.
 */
export function writeOrder(store: Store, order: { plan: PlanInfo; basis: PaymentBasis; source: 'selection' | 'import'; lines: LineDraft[] }, now: Date): OrderRecord {
  const refusal = basisRefusal(store, order.plan, order.basis);
  if (refusal) throw new AppError('STATE', refusal);
  if (!order.lines.length) throw new AppError('STATE', '没有可以生成缴费单的报考记录。');
  const inst = readInstitution(store);
  if (!inst) throw new AppError('STATE', '尚未完成首次设置。');
  const id = nextOrderId(store);
  const orderNo = paymentOrderNumber(inst.code, institutionDate(now), id);
  try {
    insertOrder(store, { id, orderNo, planCode: order.plan.code, basis: order.basis, source: order.source, createdAt: now.toISOString() }, order.lines);
  } catch (e) {
    if (/UNIQUE constraint failed: payment_order_enrollments|PRIMARY KEY/.test((e as Error).message))
      throw new AppError('CONFLICT', '有报考记录刚被另一张缴费单占用，请刷新后重新生成。');
    throw e;
  }
  return loadOrder(store, id)!;
}

export function auditView(o: OrderRecord) {
  return { orderNo: o.orderNo, planCode: o.planCode, basis: o.basis, lineCount: o.lineCount, amount: `${formatYuan(o.amountFen)} 元`, status: o.status };
}

export function createOrder(call: CallContext, s: PaymentSelection): PaymentOrderDetail {
  const { store } = call.app;
  return store.tx(() => {
    const { plan, built, refusal } = selectLines(store, s);
    if (refusal) throw new AppError('STATE', refusal);
    if (built.missingFees.length) throw new AppError('STATE', missingFeesRefusal(built.missingFees), { missingFees: built.missingFees });
    const order = writeOrder(store, { plan, basis: s.basis, source: 'selection', lines: built.lines }, call.app.now());
    writeAudit(call, { operation: 'payments.create', entityType: 'payment-order', entityId: order.orderNo, after: auditView(order) });
    return orderDetail(store, order.id);
  });
}

export function deleteOrder(call: CallContext, id: number): { ok: true } {
  const { store } = call.app;
  store.tx(() => {
    const before = mustLoad(store, id);
    if (!canDeleteOrder(before.status)) throw new AppError('STATE', `缴费单 ${before.orderNo} 已确认缴费，不能删除或修改。`);
    deleteOrderRow(store, id);
    writeAudit(call, { operation: 'payments.delete', entityType: 'payment-order', entityId: before.orderNo, before: auditView(before) });
  });
  return { ok: true };
}
