import { join } from 'node:path';
import type { z } from 'zod';
import type { FileRef } from '../../../src-shared/api/files';
import type { JobInfo } from '../../../src-shared/api/jobs';
import type { PaymentImportPreview, PaymentImportResult, paymentImportInput, PaymentPdfResult } from '../../../src-shared/api/payments';
import { PAYMENT_BASIS_LABELS, type PaymentBasis } from '../../../src-shared/domain/payment';
import { PAYMENT_COLUMNS } from '../../../src-shared/domain/payment-template';
import { AppError } from '../../../src-shared/errors';
import { makePrivateDir } from '../../files/private-fs';
import { writeRowsWorkbook } from '../../pipelines/xlsx/rows-workbook';
import type { CallContext } from '../call-context';
import { exportsDir } from '../paths';
import { paymentCheckJob, paymentCommitJob, type PaymentImportInput } from './import-job';
import { buildLines, catalogNames } from './order-lines';
import { paymentPdfJob } from './order-pdf';
import { chargedCertificates, loadOrder, openEnrollments } from './payment-store';
import { loadPaymentPlan } from './payments-service';

/**
 * The platform's template (按报考证书 / 按报考科目), filled in with the plan's enrollments that no
 * order holds yet: the school deletes the rows it does not pay for now and imports the rest.
 */
export async function templateFile(call: CallContext, input: { planCode: string; basis: PaymentBasis }): Promise<FileRef> {
  const { store } = call.app;
  const plan = loadPaymentPlan(store, input.planCode);
  const names = catalogNames(store);
  const { lines } = buildLines(input.basis, openEnrollments(store, plan.code), { fees: new Map(), names, charged: chargedCertificates(store, plan.code) });
  const columns = PAYMENT_COLUMNS[input.basis];
  const valueOf: Record<string, (l: (typeof lines)[number]) => string> = {
    idNumber: (l) => l.idNumber,
    name: (l) => l.name,
    certificate: (l) => names.certificates.get(l.certificateCode) ?? l.certificateCode,
    level: (l) => l.level,
    subjectCode: (l) => l.subjectCode ?? '',
    subjectName: (l) => (l.subjectCode ? (names.subjects.get(l.subjectCode) ?? '') : ''),
  };
  const dir = exportsDir(call.app.dataDir);
  makePrivateDir(dir);
  const name = `缴费单导入模板（${PAYMENT_BASIS_LABELS[input.basis]}）-${plan.code}.xlsx`;
  const path = join(dir, `${Date.now()}-${name}`);
  await writeRowsWorkbook(path, [
    {
      name: PAYMENT_BASIS_LABELS[input.basis],
      columns: columns.map((c) => ({ header: c.required ? `*${c.header}` : c.header, width: c.text ? 22 : 26, text: c.text ?? false })),
      rows: lines.map((l) => columns.map((c) => valueOf[c.field]!(l))),
    },
    {
      name: '填写说明',
      columns: [
        { header: '列', width: 14 },
        { header: '是否必填', width: 10 },
        { header: '填写要求', width: 80 },
      ],
      rows: [
        ...columns.map((c) => [c.header, c.required ? '必填' : '选填', c.rule]),
        [],
        ['说明', '', `考试计划：${plan.name}（${plan.code}）。表中已列出本计划尚未缴费、也不在其他缴费单中的报考记录；删去这次不缴费的行，其余导入即生成一张缴费单。`],
        ['说明', '', input.basis === 'certificate' ? '按报考证书：每位考生报考的每个证书（等级）一行，按证书收费。' : '按报考科目：每位考生报考的每个科目一行，按科目收费。'],
      ],
    },
  ]);
  return call.app.files.register(path, name, call.actor);
}

function importInputOf(call: CallContext, input: z.output<typeof paymentImportInput>): PaymentImportInput {
  const file = call.app.files.resolve(input.fileId, call.actor);
  return { path: file.path, fileName: file.name, planCode: input.planCode, basis: input.basis };
}

export function startCheck(call: CallContext, input: z.output<typeof paymentImportInput>): JobInfo<PaymentImportPreview> {
  return call.app.jobs.start(paymentCheckJob, importInputOf(call, input), { title: '检查缴费单表格', actor: call.actor, owner: call.sessionToken });
}

export function startCommit(call: CallContext, input: z.output<typeof paymentImportInput> & { fileHash: string }): JobInfo<PaymentImportResult> {
  return call.app.jobs.start(
    paymentCommitJob,
    { ...importInputOf(call, input), commitHash: input.fileHash },
    { title: '导入生成缴费单', actor: call.actor, owner: call.sessionToken },
  );
}

export function startPrint(call: CallContext, id: number): JobInfo<PaymentPdfResult> {
  const order = loadOrder(call.app.store, id);
  if (!order) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的缴费单，可能已被删除。`);
  return call.app.jobs.start(paymentPdfJob, { orderId: id }, { title: `打印缴费单 ${order.orderNo}`, actor: call.actor, owner: call.sessionToken });
}
