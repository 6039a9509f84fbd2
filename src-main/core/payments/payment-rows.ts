import type { ImportIssue } from '../../../src-shared/api/candidates';
import { CERT_LEVELS } from '../../../src-shared/domain/catalog';
import { checkIdNumber } from '../../../src-shared/domain/id-number';
import { groupLabel, type PaymentBasis } from '../../../src-shared/domain/payment';
import { PAYMENT_COLUMNS, type PaymentColumn, type PaymentField } from '../../../src-shared/domain/payment-template';
import { excerpt } from '../../../src-shared/excerpt';
import { cellText, findHeaderRow, type HeaderMap } from '../../pipelines/xlsx/sheet-header';
import type { Sheet, SheetRow } from '../../pipelines/xlsx/sheet-reader';
import { feeKeyOf, type FeeBook } from './fee-store';
import type { CatalogNames } from './order-lines';
import { chargeKey, enrollmentKey, type OpenEnrollment } from './payment-store';
import type { PlanInfo } from './payments-service';

/**
 * The rules of a 缴费单 sheet, row by row, with no I/O: the check and the commit judge every row
 * the same way. A row is accepted when it names enrollments of the plan that are unpaid, in no
 * order yet, and have a fee; each problem names the Excel row and the template's column.
 */
export interface PaymentImportContext {
  basis: PaymentBasis;
  plan: PlanInfo;
  today: string;
  candidates: ReadonlyMap<string, { id: number; name: string }>;
  certificates: readonly { code: string; name: string; shortName: string; levels: string[] }[];
  subjects: ReadonlyMap<string, { name: string; certificateCode: string; level: string }>;
  /** The plan's enrollments by `enrollmentKey`. */
  enrollments: ReadonlyMap<string, { id: number; paid: boolean; orderNo: string | null }>;
  fees: FeeBook;
  names: CatalogNames;
  /** By certificate: candidate × certificate already charged by an order of the plan. */
  charged: ReadonlyMap<string, string>;
}

export interface PaymentRowOutcome {
  row: number;
  status: 'new' | 'refused';
  /** The open enrollments the row pays for (empty when refused). */
  enrollments: OpenEnrollment[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  raw: string[];
}

export type PaymentHeader = HeaderMap<PaymentColumn>;

export function findPaymentHeader(sheet: Sheet, basis: PaymentBasis, label: string): PaymentHeader {
  return findHeaderRow(sheet, PAYMENT_COLUMNS[basis], label, (found) => {
    const has = (f: PaymentField) => found.columns.some((c) => c.column.field === f);
    return basis === 'subject' && !has('subjectCode') && !has('subjectName') ? ['“科目编码”或“报考科目”'] : [];
  });
}

const plain = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export function judgePaymentRows(sheet: Sheet, header: PaymentHeader, ctx: PaymentImportContext): PaymentRowOutcome[] {
  const seen = new Map<string, number>();
  const width = Math.max(...header.columns.map((c) => c.index)) + 1;
  const certByText = new Map<string, PaymentImportContext['certificates'][number]>();
  for (const c of ctx.certificates) for (const t of [c.code, c.name, c.shortName]) if (t) certByText.set(plain(t), c);
  const planItems = new Map(ctx.plan.certificates.map((c) => [`${c.certificateCode}/${c.level}`, c.subjects]));
  return sheet.rows.filter((r) => r.rowNumber > header.headerRow).map((row) => judgeRow(row, header, ctx, { seen, width, certByText, planItems }));
}

function judgeRow(
  row: SheetRow,
  header: PaymentHeader,
  ctx: PaymentImportContext,
  shared: { seen: Map<string, number>; width: number; certByText: Map<string, PaymentImportContext['certificates'][number]>; planItems: Map<string, string[]> },
): PaymentRowOutcome {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const headerOf = (f: PaymentField) => PAYMENT_COLUMNS[ctx.basis].find((c) => c.field === f)?.header ?? f;
  const raw = Array.from({ length: shared.width }, (_, i) => cellText(row.cells[i]).text);
  const refused = (): PaymentRowOutcome => ({ row: row.rowNumber, status: 'refused', enrollments: [], errors, warnings, raw });
  const fail = (field: PaymentField, code: string, message: string): PaymentRowOutcome => {
    errors.push({ row: row.rowNumber, column: headerOf(field), code, message });
    return refused();
  };
  const read = (field: PaymentField) => {
    const m = header.columns.find((c) => c.column.field === field);
    const c = m ? cellText(row.cells[m.index]) : { text: '' };
    if (c.problem) fail(field, 'CELL_UNREADABLE', c.problem);
    return c;
  };

  const idCell = read('idNumber');
  const nameCell = read('name');
  const certCell = read('certificate');
  const levelCell = read('level');
  const codeCell = ctx.basis === 'subject' ? read('subjectCode') : { text: '' };
  const subjectNameCell = ctx.basis === 'subject' ? read('subjectName') : { text: '' };
  if (errors.length) return refused();

  const id = checkIdNumber(idCell.number ?? idCell.text, ctx.today);
  if (!id.ok) return fail('idNumber', id.problem.code, id.problem.message);
  const candidate = ctx.candidates.get(id.value);
  if (!candidate) return fail('idNumber', 'NO_CANDIDATE', `没有身份证号为 ${id.value} 的考生`);
  if (!nameCell.text) return fail('name', 'REQUIRED', '姓名不能为空');
  if (plain(nameCell.text) !== plain(candidate.name))
    return fail('name', 'NAME_MISMATCH', `身份证号属于考生“${excerpt(candidate.name, 30)}”，与本行姓名“${excerpt(nameCell.text, 30)}”不一致，请核对`);

  // Which certificate and level, when the row names them (it must, by certificate).
  let certificate: PaymentImportContext['certificates'][number] | undefined;
  let level: string | undefined;
  if (certCell.text || ctx.basis === 'certificate') {
    if (!certCell.text) return fail('certificate', 'REQUIRED', '报考证书不能为空');
    certificate = shared.certByText.get(plain(certCell.text));
    if (!certificate) return fail('certificate', 'UNKNOWN_CERTIFICATE', `证书目录中没有“${excerpt(certCell.text, 40)}”`);
  }
  if (levelCell.text || ctx.basis === 'certificate') {
    if (!levelCell.text) return fail('level', 'REQUIRED', '证书等级不能为空');
    if (!(CERT_LEVELS as readonly string[]).includes(levelCell.text)) return fail('level', 'INVALID_LEVEL', `证书等级应为初级、中级或高级，这里是“${excerpt(levelCell.text)}”`);
    level = levelCell.text;
    if (certificate && !certificate.levels.includes(level)) return fail('level', 'UNKNOWN_LEVEL', `证书“${certificate.name}”没有“${level}”等级`);
  }
  if (certificate && level && !shared.planItems.has(`${certificate.code}/${level}`))
    return fail('certificate', 'NOT_IN_PLAN', `考试计划“${ctx.plan.name}”没有“${certificate.name}（${level}）”`);

  const open: OpenEnrollment[] = [];
  const enrollmentOf = (subjectCode: string) => ctx.enrollments.get(enrollmentKey(candidate.id, subjectCode));
  const openOf = (subjectCode: string, certificateCode: string, lvl: string): OpenEnrollment => ({
    id: enrollmentOf(subjectCode)!.id,
    candidateId: candidate.id,
    idNumber: id.value,
    name: candidate.name,
    subjectCode,
    subjectName: ctx.subjects.get(subjectCode)?.name ?? subjectCode,
    certificateCode,
    level: lvl,
  });
  let dedupeKey: string;
  let feeMissing: string | null = null;

  if (ctx.basis === 'subject') {
    let subjectCode = codeCell.text;
    if (subjectCode) {
      const subject = ctx.subjects.get(subjectCode);
      if (!subject) return fail('subjectCode', 'UNKNOWN_SUBJECT', `没有编码为 ${excerpt(subjectCode)} 的考试科目`);
      if ((certificate && subject.certificateCode !== certificate.code) || (level && subject.level !== level))
        return fail('subjectCode', 'SUBJECT_MISMATCH', `科目 ${subjectCode}（${subject.name}）不属于本行填写的证书和等级`);
    } else {
      if (!subjectNameCell.text) return fail('subjectCode', 'REQUIRED', '请填写科目编码，或科目名称');
      if (!certificate || !level) return fail('certificate', 'REQUIRED', '只填科目名称时，请同时填写报考证书和证书等级');
      const inPlan = shared.planItems.get(`${certificate.code}/${level}`) ?? [];
      const match = inPlan.find((code) => plain(ctx.subjects.get(code)?.name ?? '') === plain(subjectNameCell.text));
      if (!match) return fail('subjectName', 'UNKNOWN_SUBJECT', `“${certificate.name}（${level}）”在本考试计划中没有名为“${excerpt(subjectNameCell.text, 30)}”的科目`);
      subjectCode = match;
    }
    const subject = ctx.subjects.get(subjectCode)!;
    if (!(shared.planItems.get(`${subject.certificateCode}/${subject.level}`) ?? []).includes(subjectCode))
      return fail('subjectCode', 'SUBJECT_NOT_IN_PLAN', `科目 ${subjectCode}（${subject.name}）不在考试计划“${ctx.plan.name}”中`);
    const e = enrollmentOf(subjectCode);
    const label = `科目“${subject.name}”（${subjectCode}）`;
    if (!e) return fail('subjectCode', 'NOT_ENROLLED', `该考生没有报考本考试计划的${label}`);
    if (e.paid) return fail('subjectCode', 'ALREADY_PAID', `该考生的${label}已缴费`);
    if (e.orderNo) return fail('subjectCode', 'IN_ORDER', `该考生的${label}已在缴费单 ${e.orderNo} 中`);
    open.push(openOf(subjectCode, subject.certificateCode, subject.level));
    dedupeKey = enrollmentKey(candidate.id, subjectCode);
    if (!ctx.fees.has(feeKeyOf({ basis: 'subject', subjectCode })))
      feeMissing = groupLabel({
        certificateName: ctx.names.certificates.get(subject.certificateCode) ?? subject.certificateCode,
        level: subject.level,
        subjectCode,
        subjectName: subject.name,
      });
  } else {
    const cert = certificate!;
    const lvl = level!;
    const label = `“${cert.name}（${lvl}）”`;
    const subjects = (shared.planItems.get(`${cert.code}/${lvl}`) ?? []).filter((code) => enrollmentOf(code));
    if (!subjects.length) return fail('certificate', 'NOT_ENROLLED', `该考生没有报考本考试计划的${label}`);
    const charged = ctx.charged.get(chargeKey(candidate.id, cert.code, lvl));
    if (charged) return fail('certificate', 'IN_ORDER', `该考生的${label}已在缴费单 ${charged} 中`);
    for (const code of subjects) if (!enrollmentOf(code)!.paid && !enrollmentOf(code)!.orderNo) open.push(openOf(code, cert.code, lvl));
    if (!open.length) {
      const inOrder = subjects.map((code) => enrollmentOf(code)!.orderNo).find((n) => n);
      return inOrder ? fail('certificate', 'IN_ORDER', `该考生的${label}已在缴费单 ${inOrder} 中`) : fail('certificate', 'ALREADY_PAID', `该考生的${label}已缴费`);
    }
    dedupeKey = chargeKey(candidate.id, cert.code, lvl);
    if (!ctx.fees.has(feeKeyOf({ basis: 'certificate', certificateCode: cert.code, level: lvl })))
      feeMissing = groupLabel({ certificateName: cert.name, level: lvl, subjectCode: null, subjectName: null });
  }

  const first = shared.seen.get(dedupeKey);
  if (first !== undefined) return fail(ctx.basis === 'subject' ? 'subjectCode' : 'certificate', 'DUPLICATE_IN_FILE', `与第 ${first} 行重复`);
  shared.seen.set(dedupeKey, row.rowNumber);
  if (feeMissing) return fail(ctx.basis === 'subject' ? 'subjectCode' : 'certificate', 'NO_FEE', `“${feeMissing}”还没有设置收费标准，请先在“收费标准”中设置`);
  return { row: row.rowNumber, status: 'new', enrollments: open, errors, warnings, raw };
}
