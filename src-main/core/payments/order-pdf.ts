import { join } from 'node:path';
import type { PaymentOrderDetail, PaymentPdfResult } from '../../../src-shared/api/payments';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { institutionDate, institutionDateTime } from '../../../src-shared/domain/institution-time';
import { chineseAmount, formatYuan, groupLabel, PAYMENT_BASIS_LABELS } from '../../../src-shared/domain/payment';
import { AppError } from '../../../src-shared/errors';
import { defineJob } from '../../jobs/define-job';
import { a4Document, cell, fieldGrid, gridTable, mm, signatureBlock, type PdfContent, type PdfDocument } from '../../pipelines/pdf/document-kit';
import { renderPdf } from '../../pipelines/pdf/render-pdf';
import { exportsDir } from '../paths';
import { readInstitution } from '../institution/institution-service';
import { orderDetail } from './payments-service';

const right = { alignment: 'right' };
const centre = { alignment: 'center' };

/** 人 for a certificate line (one candidate's certificate), 科次 for a subject line. */
const unitOf = (o: PaymentOrderDetail) => (o.basis === 'certificate' ? '人' : '科次');

/**
 * 缴费申请单 as the school prints it for its finance office and the bank: the order number to
 * write on the transfer, the lines grouped by certificate (or subject) with counts and
 * subtotals, the total in figures and in capitals, a place for the seal and the date, then the
 * lines themselves (ID numbers masked, as on every printed sheet).
 */
export function paymentOrderDocument(o: PaymentOrderDetail, institution: { code: string; name: string }): PdfDocument {
  const unit = unitOf(o);
  const summary: PdfContent[][] = o.groups.map((g, i) => [
    cell(i + 1, centre),
    cell(groupLabel(g)),
    cell(`${g.count.toLocaleString('en-US')} ${unit}`, right),
    cell(formatYuan(g.feeFen), right),
    cell(formatYuan(g.subtotalFen), right),
  ]);
  const total: PdfContent[] = [
    { text: '合计', bold: true, colSpan: 2, alignment: 'center' },
    '',
    cell(`${o.lineCount.toLocaleString('en-US')} ${unit}`, { ...right, bold: true }),
    '',
    cell(formatYuan(o.amountFen), { ...right, bold: true }),
  ];
  const details: PdfContent[] = o.groups.flatMap((g) => {
    const lines = o.lines.filter((l) => l.certificateCode === g.certificateCode && l.level === g.level && l.subjectCode === g.subjectCode && l.feeFen === g.feeFen);
    return [
      { text: `${groupLabel(g)}　${g.count.toLocaleString('en-US')} ${unit}，小计 ${formatYuan(g.subtotalFen)} 元`, bold: true, margin: [0, 6, 0, 4] },
      gridTable({
        headers: ['序号', '姓名', '身份证号', o.basis === 'certificate' ? '报考证书' : '报考科目', '金额（元）'],
        widths: [mm(12), mm(28), mm(40), '*', mm(24)],
        rows: lines.map((l, i) => [
          cell(i + 1, centre),
          cell(l.name),
          cell(maskIdNumber(l.idNumber)),
          cell(l.subjectCode ? `${l.subjectName ?? ''}（${l.subjectCode}）` : `${l.certificateName}（${l.level}）`),
          cell(formatYuan(l.feeFen), right),
        ]),
      }),
    ];
  });
  return a4Document({
    title: `缴费申请单 ${o.orderNo}`,
    author: institution.name,
    subject: `${o.planName} ${o.basisLabel}`,
    runningHead: `缴费申请单 ${o.orderNo}`,
    content: [
      { text: '缴费申请单', style: 'title' },
      { text: `职业技能等级证书考核费用 · ${PAYMENT_BASIS_LABELS[o.basis]}`, style: 'subtitle' },
      {
        table: {
          widths: ['*'],
          body: [
            [
              {
                text: [
                  { text: '缴费单号：', bold: true },
                  { text: o.orderNo, bold: true, fontSize: 14 },
                ],
                alignment: 'center',
                margin: [0, 4, 0, 4],
              },
            ],
          ],
        },
        layout: { hLineWidth: () => 1, vLineWidth: () => 1 },
        margin: [0, 0, 0, 4],
      },
      { text: '线下支付时请在汇款附言（备注）中注明以上缴费单号，培训评价组织据此核对缴费。', style: 'small', alignment: 'center', margin: [0, 0, 0, 10] },
      fieldGrid([
        ['试点院校', `${institution.name}（${institution.code}）`],
        ['生成日期', institutionDate(new Date(o.createdAt))],
        ['培训评价组织', o.orgName],
        ['生成方式', o.basisLabel],
        ['考试计划', `${o.planName}（${o.planCode}）`],
        ['缴费状态', o.confirmedAt ? `${o.statusLabel}（${institutionDateTime(new Date(o.confirmedAt))}）` : o.statusLabel],
      ]),
      { text: '缴费汇总', style: 'heading' },
      gridTable({
        headers: ['序号', o.basis === 'certificate' ? '报考证书（等级）' : '报考科目', o.basis === 'certificate' ? '报考证书数' : '报考科目科次', '收费标准（元）', '小计（元）'],
        widths: [mm(12), '*', mm(28), mm(28), mm(28)],
        rows: summary,
        footerRows: [total],
      }),
      {
        text: [{ text: '应缴金额合计：', bold: true }, { text: `人民币 ¥${formatYuan(o.amountFen)} 元`, bold: true, fontSize: 12 }, `（大写：${chineseAmount(o.amountFen)}）`],
        margin: [0, 4, 0, 0],
      },
      signatureBlock([
        { title: '试点院校（盖章）', lines: ['经办人：', '联系电话：', '日期：        年    月    日'] },
        { title: '培训评价组织确认（盖章）', lines: ['确认人：', '确认金额：', '日期：        年    月    日'] },
      ]),
      { text: '缴费明细', style: 'heading', pageBreak: 'before' },
      ...details,
    ],
  });
}

/** 打印缴费单: the order as a PDF, written by a job (a large order's details take a few seconds). */
export const paymentPdfJob = defineJob<{ orderId: number }, PaymentPdfResult>('payment-order-pdf', async (ctx, input) => {
  const store = ctx.store();
  ctx.progress('读取缴费单', 0, 1);
  const order = orderDetail(store, input.orderId);
  const institution = readInstitution(store);
  if (!institution) throw new AppError('STATE', '尚未完成首次设置。');
  ctx.progress('生成 PDF', 0, 1);
  const fileName = `缴费申请单-${order.orderNo}.pdf`;
  const path = join(exportsDir(ctx.dataDir), `${Date.now()}-${fileName}`);
  await renderPdf(paymentOrderDocument(order, institution), path);
  ctx.outputFile('pdf', path);
  ctx.progress('生成 PDF', 1, 1);
  return { orderNo: order.orderNo, fileName, pdfFile: 'pdf' };
});
