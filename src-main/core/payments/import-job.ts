import type { ImportCounts, ImportIssue } from '../../../src-shared/api/candidates';
import type { PaymentImportPreview, PaymentImportResult } from '../../../src-shared/api/payments';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import type { PaymentBasis } from '../../../src-shared/domain/payment';
import { PAYMENT_COLUMNS } from '../../../src-shared/domain/payment-template';
import { AppError } from '../../../src-shared/errors';
import { defineJob } from '../../jobs/define-job';
import type { JobContext } from '../../jobs/job-context';
import { writeRowsWorkbook } from '../../pipelines/xlsx/rows-workbook';
import type { Sheet } from '../../pipelines/xlsx/sheet-reader';
import type { Store } from '../../store/store';
import { insertAudit } from '../audit/audit-log';
import { loadFees } from './fee-store';
import { buildLines, catalogNames, groupsOf, type BuiltLines } from './order-lines';
import { findPaymentHeader, judgePaymentRows, type PaymentImportContext, type PaymentRowOutcome } from './payment-rows';
import { chargedCertificates, planEnrollments } from './payment-store';
import { auditView, basisRefusal, loadPaymentPlan, MAX_ORDER_LINES, orderRow, writeOrder, type PlanInfo } from './payments-service';
import { readUploadedSheet, refusedRowsPath } from '../files/uploaded-sheet';

export interface PaymentImportInput {
  path: string;
  fileName: string;
  planCode: string;
  basis: PaymentBasis;
}

export interface PaymentCommitInput extends PaymentImportInput {
  /** The hash the check saw: the commit refuses a file changed since. */
  commitHash: string;
}

interface Judged {
  fileHash: string;
  sheet: Sheet;
  headerRow: number;
  plan: PlanInfo;
  outcomes: PaymentRowOutcome[];
  built: BuiltLines;
  counts: ImportCounts;
}

function importContext(store: Store, plan: PlanInfo, basis: PaymentBasis, today: string): PaymentImportContext {
  return {
    basis,
    plan,
    today,
    candidates: new Map(
      (store.prepare('SELECT id_number AS idNumber, id, name FROM candidates').all() as { idNumber: string; id: number; name: string }[]).map((c) => [c.idNumber, c]),
    ),
    certificates: store
      .all(store.q.selectFrom('certificates').select(['code', 'name', 'short_name', 'levels_json']))
      .map((c) => ({ code: c.code, name: c.name, shortName: c.short_name, levels: JSON.parse(c.levels_json) as string[] })),
    subjects: new Map(
      store
        .all(store.q.selectFrom('exam_subjects').select(['code', 'name', 'certificate_code', 'level']))
        .map((s) => [s.code, { name: s.name, certificateCode: s.certificate_code, level: s.level }]),
    ),
    enrollments: planEnrollments(store, plan.code),
    fees: loadFees(store),
    names: catalogNames(store),
    charged: chargedCertificates(store, plan.code),
  };
}

/** Reads the sheet and judges every row against the store: what a check shows and a commit writes. */
async function judgeFile(ctx: JobContext, input: PaymentImportInput, commitHash: string | null): Promise<Judged> {
  const { label, fileHash, sheet } = await readUploadedSheet(ctx, input, commitHash);
  const header = findPaymentHeader(sheet, input.basis, label);
  const store = ctx.store();
  const plan = loadPaymentPlan(store, input.planCode);
  const refusal = basisRefusal(store, plan, input.basis);
  if (refusal) throw new AppError('STATE', refusal);
  ctx.progress('校验', 0, sheet.rows.length);
  const context = importContext(store, plan, input.basis, institutionDate(ctx.now()));
  const outcomes = judgePaymentRows(sheet, header, context);
  const built = buildLines(
    input.basis,
    outcomes.flatMap((o) => o.enrollments),
    { fees: context.fees, names: context.names, charged: context.charged },
  );
  if (built.lines.length > MAX_ORDER_LINES)
    throw new AppError(
      'TOO_LARGE',
      `一张缴费单最多 ${MAX_ORDER_LINES.toLocaleString('en-US')} 条，这个表格有 ${built.lines.length.toLocaleString('en-US')} 条：请分成几个表格导入。`,
    );
  ctx.progress('校验', sheet.rows.length, sheet.rows.length);
  const accepted = outcomes.filter((o) => o.status === 'new').length;
  return { fileHash, sheet, headerRow: header.headerRow, plan, outcomes, built, counts: { new: accepted, updated: 0, unchanged: 0, refused: outcomes.length - accepted } };
}

/** 导入生成缴费单, the check: read → judge every row → what the order would hold. Nothing is written. */
export const paymentCheckJob = defineJob<PaymentImportInput, PaymentImportPreview>('payment-import-check', async (ctx, input) => {
  const { fileHash, sheet, headerRow, plan, outcomes, built, counts } = await judgeFile(ctx, input, null);
  const refused = outcomes.filter((o) => o.status === 'refused');
  if (refused.length) {
    ctx.progress('生成退回行表格', 0, 1);
    const path = refusedRowsPath(ctx.dataDir, input.fileName);
    const headerCells = sheet.rows.find((r) => r.rowNumber === headerRow)!.cells.map((c) => (typeof c === 'string' ? c : ''));
    await writeRefused(path, input.basis, headerCells, refused);
    ctx.outputFile('refused', path);
  }
  return {
    fileName: input.fileName,
    fileHash,
    planCode: input.planCode,
    planName: plan.name,
    basis: input.basis,
    headerRow,
    counts,
    errors: outcomes.flatMap((o) => o.errors),
    warnings: outcomes.flatMap((o) => o.warnings),
    lineCount: built.lines.length,
    amountFen: built.lines.reduce((n, l) => n + l.feeFen, 0),
    groups: groupsOf(built.lines, catalogNames(ctx.store())),
    refusedFile: refused.length ? 'refused' : null,
  };
});

/** The commit: the same judgement, then one order of the accepted rows, in one transaction. Refused rows never land. */
export const paymentCommitJob = defineJob<PaymentCommitInput, PaymentImportResult>('payment-import-commit', async (ctx, input) => {
  const { plan, built, counts } = await judgeFile(ctx, input, input.commitHash);
  if (!built.lines.length) throw new AppError('STATE', '表格中没有可以生成缴费单的行：请先改正退回的行。');
  const store = ctx.store();
  const now = ctx.now();
  ctx.progress('写入', 0, built.lines.length);
  const order = store.tx(() => {
    const written = writeOrder(store, { plan, basis: input.basis, source: 'import', lines: built.lines }, now);
    insertAudit(
      store,
      ctx.actor,
      { operation: 'payments.import', entityType: 'payment-order', entityId: written.orderNo, after: { file: input.fileName, counts, ...auditView(written) } },
      now,
    );
    return written;
  });
  ctx.progress('写入', built.lines.length, built.lines.length);
  return { counts, order: orderRow(order, plan.name) };
});

async function writeRefused(path: string, basis: PaymentBasis, headerCells: string[], refused: PaymentRowOutcome[]): Promise<void> {
  const width = Math.max(headerCells.length, ...refused.map((r) => r.raw.length));
  const headers = Array.from({ length: width }, (_, i) => headerCells[i] || `第${i + 1}列`);
  const textHeaders = PAYMENT_COLUMNS[basis].filter((c) => c.text).flatMap((c) => [c.header, ...c.aliases]);
  await writeRowsWorkbook(path, [
    {
      name: '退回的行',
      highlightLast: true,
      columns: [
        { header: '原行号', width: 8 },
        ...headers.map((header, i) => ({ header, width: 20, text: textHeaders.some((t) => headers[i]!.includes(t)) })),
        { header: '错误原因', width: 60 },
      ],
      rows: refused.map((r) => [r.row, ...Array.from({ length: width }, (_, i) => r.raw[i] ?? ''), reasons(r.errors)]),
    },
  ]);
}

function reasons(errors: ImportIssue[]): string {
  return errors.map((e) => `【${e.column}】${e.message}`).join('；');
}
