import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileRef } from '../../src-shared/api/files';
import type { JobInfo } from '../../src-shared/api/jobs';
import type { PaymentOrderDetail, PaymentPdfResult } from '../../src-shared/api/payments';
import { paymentApp, setStandardFees } from '../fixtures/payment-fixtures';
import { call } from '../helpers/app';

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots');
const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };

describe('打印缴费单', { timeout: 180_000 }, () => {
  it('writes an A4 PDF in Chinese with the order number, the lines grouped with counts and subtotals, the total in figures and capitals, and a place for the seal', async () => {
    const { app, principal, plans, basic, middle } = await paymentApp(4);
    await setStandardFees(app, principal, { basic, middle });
    const order = await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plans.logistics, basis: 'subject' }, principal);
    const job = await call<JobInfo<PaymentPdfResult>>(app, 'payments.print', { id: order.id }, principal);
    const done = await app.jobs.wait(job.id);
    expect(done.state, done.error?.message).toBe('done');
    expect(done.result).toEqual({ orderNo: order.orderNo, fileName: `缴费申请单-${order.orderNo}.pdf`, pdfFile: 'pdf' });
    const ref = await call<FileRef>(app, 'jobs.file', { id: job.id, key: 'pdf' }, principal);
    expect(ref.name).toBe(`缴费申请单-${order.orderNo}.pdf`);
    const pdf = app.files.resolve(ref.fileId, ACTOR).path;
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
    // The font comes from the npm package, embedded as a subset: every PC prints the same.
    expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/NotoSansHans-Regular.*yes\s+yes/);

    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    for (const expected of [
      '缴费申请单',
      `缴费单号：${order.orderNo}`,
      '烟台职业学院（4137014320）',
      '北京中物联物流采购培训中心',
      '物流管理2019年12月第2次考核',
      '按报考科目',
      '1物流管理职业技能等级证书（初级）·基础考核（098694）4科次100.00400.00',
      '4物流管理职业技能等级证书（中级）·基础考核（043194）2科次120.00240.00',
      '人民币¥1,920.00元（大写：壹仟玖佰贰拾元整）',
      '试点院校（盖章）',
      '培训评价组织确认（盖章）',
      '日期：年月日',
      '缴费明细',
    ])
      expect(flat, expected).toContain(expected);
    // Read across as printed: the total row, a detail group's heading with its count and subtotal.
    const across = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(across).toContain('合计18科次1,920.00');
    expect(across).toContain('物流管理职业技能等级证书（初级）·基础考核（098694）4科次，小计400.00元');
    // ID numbers are masked on the printed order.
    for (const l of order.lines) {
      expect(text).not.toContain(l.idNumber);
      expect(flat).toContain(`${l.idNumber.slice(0, 6)}*****${l.idNumber.slice(14)}`);
    }

    // Page 1 as an image, to look at.
    mkdirSync(SCREENSHOTS, { recursive: true });
    const png = join(SCREENSHOTS, 'payment-order-page1');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    expect(existsSync(`${png}.png`)).toBe(true);
  });
});
