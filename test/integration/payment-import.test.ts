import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FileRef } from '../../src-shared/api/files';
import type { PaymentImportPreview, PaymentImportResult, PaymentOrderDetail } from '../../src-shared/api/payments';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { writeXlsx } from '../fixtures/candidate-sheets';
import { paymentApp, setStandardFees } from '../fixtures/payment-fixtures';
import { upload } from '../fixtures/site-fixtures';
import { call, callJob, callJobError } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

type Fixture = Awaited<ReturnType<typeof paymentApp>>;

function people(f: Fixture) {
  return f.app.store.db.prepare('SELECT id_number AS idNumber, name FROM candidates ORDER BY id').all() as { idNumber: string; name: string }[];
}

async function sheet(rows: unknown[][], name = '缴费单.xlsx'): Promise<string> {
  const path = join(tempDir(), name);
  await writeXlsx(path, rows, { title: '缴费申请单导入（按模板）', sheetName: '缴费' });
  return path;
}

async function check(f: Fixture, path: string, basis: 'certificate' | 'subject') {
  const fileId = upload(f.app, path, '缴费单.xlsx');
  const preview = await callJob<PaymentImportPreview>(f.app, 'payments.importPreview', { fileId, planCode: f.plans.logistics, basis }, f.principal);
  return { fileId, preview };
}

const SUBJECT_HEADER = ['身份证号', '姓名', '报考证书', '证书等级', '科目编码', '报考科目'];

// Each test imports a catalog and runs check and commit jobs in worker threads.
describe('导入生成缴费单', { timeout: 180_000 }, () => {
  it('by subject: every row judged with a reason naming row and column; the accepted rows become one order, the refused ones a sheet to fix', async () => {
    const f = await paymentApp(4);
    const { app, principal, plans, basic, middle } = f;
    // Only the 初级 subjects have fees; one of them is already in an order.
    await setStandardFees(app, principal, { basic, middle: [] });
    await call(app, 'fees.update', { fees: [{ key: { basis: 'certificate', certificateCode: 'ZS2019003', level: '中级' }, feeFen: null }] }, principal);
    const earlier = await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plans.logistics, basis: 'subject', subjectCode: basic[2] }, principal);
    const [a, b, , d] = people(f);
    const stranger = fakePeople(1, 99)[0]!;
    const path = await sheet([
      SUBJECT_HEADER,
      [a!.idNumber, a!.name, '', '', basic[0], ''], // 3
      [a!.idNumber, a!.name, '物流管理', '初级', '', '综合应用考核'], // 4: by name within the certificate
      [stranger.idNumber, stranger.name, '', '', basic[0], ''], // 5
      ['12345', a!.name, '', '', basic[0], ''], // 6
      [b!.idNumber, '王小明', '', '', basic[0], ''], // 7
      [b!.idNumber, b!.name, '', '', '999999', ''], // 8
      [b!.idNumber, b!.name, '', '', '512801', ''], // 9: a Python subject
      [d!.idNumber, d!.name, '', '', middle[0], ''], // 10: the second half is not in 中级
      [a!.idNumber, a!.name, '', '', basic[0], ''], // 11
      [b!.idNumber, b!.name, '物流管理', '中级', basic[0], ''], // 12: a 初级 subject
      [b!.idNumber, b!.name, '', '', basic[2], ''], // 13: in the earlier order
      [a!.idNumber, a!.name, '', '', middle[0], ''], // 14: no fee
      [b!.idNumber, b!.name, '物流管理', '初级', '', ''], // 15
    ]);
    const { fileId, preview } = await check(f, path, 'subject');
    expect(preview).toMatchObject({ headerRow: 2, counts: { new: 2, refused: 11 }, lineCount: 2, amountFen: 20_000, refusedFile: 'refused' });
    expect(preview.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [5, '身份证号', 'NO_CANDIDATE'],
      [6, '身份证号', 'ID_LENGTH'],
      [7, '姓名', 'NAME_MISMATCH'],
      [8, '科目编码', 'UNKNOWN_SUBJECT'],
      [9, '科目编码', 'SUBJECT_NOT_IN_PLAN'],
      [10, '科目编码', 'NOT_ENROLLED'],
      [11, '科目编码', 'DUPLICATE_IN_FILE'],
      [12, '科目编码', 'SUBJECT_MISMATCH'],
      [13, '科目编码', 'IN_ORDER'],
      [14, '科目编码', 'NO_FEE'],
      [15, '科目编码', 'REQUIRED'],
    ]);
    const message = (row: number) => preview.errors.find((e) => e.row === row)!.message;
    expect(message(5)).toBe(`没有身份证号为 ${stranger.idNumber} 的考生`);
    expect(message(7)).toBe(`身份证号属于考生“${b!.name}”，与本行姓名“王小明”不一致，请核对`);
    expect(message(9)).toBe('科目 512801（理论知识）不在考试计划“物流管理2019年12月第2次考核”中');
    expect(message(11)).toBe('与第 3 行重复');
    expect(message(13)).toBe(`该考生的科目“实操考核”（${basic[2]}）已在缴费单 ${earlier.orderNo} 中`);
    expect(message(14)).toBe(`“物流管理职业技能等级证书（中级） · 基础考核（${middle[0]}）”还没有设置收费标准，请先在“收费标准”中设置`);

    // The refused rows, as they were, with their reasons.
    const refused = await call<FileRef>(app, 'jobs.file', { id: (await lastJob(f, 'payment-import-check')).id, key: 'refused' }, principal);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(app.files.resolve(refused.fileId, { name: 'principal', id: 1, role: 'principal' }).path);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(12);
    expect(ws.getRow(1).getCell(8).value).toBe('错误原因');
    expect(ws.getRow(2).getCell(8).value).toBe(`【身份证号】没有身份证号为 ${stranger.idNumber} 的考生`);

    const result = await callJob<PaymentImportResult>(app, 'payments.importCommit', { fileId, planCode: plans.logistics, basis: 'subject', fileHash: preview.fileHash }, principal);
    expect(result.order).toMatchObject({ source: 'import', lineCount: 2, amountFen: 20_000, status: 'pending' });
    const order = await call<PaymentOrderDetail>(app, 'payments.get', { id: result.order.id }, principal);
    expect(order.lines.map((l) => [l.idNumber, l.subjectCode])).toEqual([
      [a!.idNumber, basic[0]],
      [a!.idNumber, basic.find((s) => s !== basic[0] && s !== basic[2])],
    ]);
    // Imported again: those rows are in an order now.
    const again = await check(f, path, 'subject');
    expect(again.preview.counts.new).toBe(0);
  });

  it('by certificate: one row per enrolled certificate level pays for all its subjects; wrong certificates, levels and plans are refused', async () => {
    const f = await paymentApp(4);
    const { app, principal, plans, basic, middle } = f;
    await setStandardFees(app, principal, { basic, middle });
    const [a, , , d] = people(f);
    const path = await sheet([
      ['身份证号', '姓名', '证书名称', '等级'],
      [a!.idNumber, a!.name, '物流管理职业技能等级证书', '初级'],
      [a!.idNumber, a!.name, 'ZS2019003', '中级'],
      [d!.idNumber, d!.name, '物流管理', '中级'],
      [d!.idNumber, d!.name, '物流管理', '特级'],
      [d!.idNumber, d!.name, '汽车运用与维修', '中级'],
      [d!.idNumber, d!.name, '物流管理', '高级'],
      [d!.idNumber, d!.name, '烹饪', '初级'],
      [d!.idNumber, d!.name, '', '初级'],
    ]);
    const { fileId, preview } = await check(f, path, 'certificate');
    expect(preview.errors.map((e) => [e.row, e.column, e.code, e.message])).toEqual([
      [5, '报考证书', 'NOT_ENROLLED', '该考生没有报考本考试计划的“物流管理职业技能等级证书（中级）”'],
      [6, '证书等级', 'INVALID_LEVEL', '证书等级应为初级、中级或高级，这里是“特级”'],
      [7, '报考证书', 'NOT_IN_PLAN', '考试计划“物流管理2019年12月第2次考核”没有“汽车运用与维修职业技能等级证书（中级）”'],
      [8, '报考证书', 'NOT_IN_PLAN', '考试计划“物流管理2019年12月第2次考核”没有“物流管理职业技能等级证书（高级）”'],
      [9, '报考证书', 'UNKNOWN_CERTIFICATE', '证书目录中没有“烹饪”'],
      [10, '报考证书', 'REQUIRED', '报考证书不能为空'],
    ]);
    expect(preview).toMatchObject({ lineCount: 2, amountFen: 28_000 + 34_000 });
    const result = await callJob<PaymentImportResult>(
      app,
      'payments.importCommit',
      { fileId, planCode: plans.logistics, basis: 'certificate', fileHash: preview.fileHash },
      principal,
    );
    expect(result.order.lineCount).toBe(2);
    expect(app.store.db.prepare('SELECT count(*) FROM payment_order_enrollments').pluck().get()).toBe(6);
  });

  it('gives the template filled with the open enrollments, which imports whole; refuses a sheet without the columns, or of the plan’s other way', async () => {
    const f = await paymentApp(3);
    const { app, principal, plans, basic, middle } = f;
    await setStandardFees(app, principal, { basic, middle });
    const template = await call<FileRef>(app, 'payments.template', { planCode: plans.logistics, basis: 'subject' }, principal);
    expect(template.name).toBe(`缴费单导入模板（按报考科目）-${plans.logistics}.xlsx`);
    const path = app.files.resolve(template.fileId, { name: 'principal', id: 1, role: 'principal' }).path;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按报考科目', '填写说明']);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, '*身份证号', '*姓名', '报考证书', '证书等级', '科目编码', '报考科目']);
    // 3 × 3 初级 + 2 × 3 中级, ID numbers as text.
    expect(wb.worksheets[0]!.rowCount).toBe(16);
    expect(typeof wb.worksheets[0]!.getRow(2).getCell(1).value).toBe('string');

    const { fileId, preview } = await check(f, path, 'subject');
    expect(preview.counts).toMatchObject({ new: 15, refused: 0 });
    await callJob(app, 'payments.importCommit', { fileId, planCode: plans.logistics, basis: 'subject', fileHash: preview.fileHash }, principal);

    const noColumns = await sheet([
      ['姓名', '报考证书', '电话'],
      ['张三', '物流管理', '13800000000'],
    ]);
    expect(
      (await callJobError(app, 'payments.importPreview', { fileId: upload(app, noColumns, '名单.xlsx'), planCode: plans.logistics, basis: 'subject' }, principal)).message,
    ).toBe('表格“名单.xlsx”缺少必填列：“身份证号”、“科目编码”或“报考科目”（表头在第 2 行）。');
    const otherWay = await sheet([['身份证号', '姓名', '报考证书', '证书等级']]);
    expect(
      (await callJobError(app, 'payments.importPreview', { fileId: upload(app, otherWay, '按证书.xlsx'), planCode: plans.logistics, basis: 'certificate' }, principal)).message,
    ).toContain('已按报考科目生成过缴费单');
  });
});

async function lastJob(f: Fixture, kind: string) {
  const jobs = await call<{ id: string; kind: string }[]>(f.app, 'jobs.list', {}, f.principal);
  return jobs.find((j) => j.kind === kind)!;
}
