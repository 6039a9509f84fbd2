import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollImportPreview, EnrollImportResult, EnrollmentPage } from '../../src-shared/api/enrollments';
import type { FileRef } from '../../src-shared/api/files';
import type { ExportResult } from '../../src-shared/api/packages';
import type { EnrollmentDeletionsPayload, EnrollmentsPayload } from '../../src-shared/domain/enrollment-kinds';
import { checkDigit } from '../../src-shared/domain/id-number';
import { readOutbound } from '../tools/platform/answer-package';
import { auditCount, call, callJob, callJobError } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';
import { writeXlsx } from '../fixtures/candidate-sheets';
import { buildWorldTemplate, idsOf, openWorld, type EnrollmentWorld, type WorldTemplate } from '../fixtures/enrollment-fixtures';
import { zipEntries } from '../fixtures/package-fixtures';

const NOW = new Date('2026-05-10T02:00:00Z');
const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };
let template: WorldTemplate;

beforeAll(async () => {
  template = await buildWorldTemplate({ now: NOW, quota: { wl: 5, py: 10 }, school: 10 });
}, 300_000);
afterAll(() => template.remove());

async function sheet(w: EnrollmentWorld, rows: unknown[][], title?: string): Promise<string> {
  const path = join(tempDir(), 'sheet.xlsx');
  await writeXlsx(path, rows, title ? { title } : {});
  return w.app.files.register(path, '报考.xlsx', ACTOR).fileId;
}

const check = (w: EnrollmentWorld, fileId: string, kind: 'certificate' | 'subject' | 'delete') =>
  callJob<EnrollImportPreview>(w.app, 'enrollments.importPreview', { fileId, sheet: kind }, w.principal);
const commit = (w: EnrollmentWorld, fileId: string, kind: 'certificate' | 'subject' | 'delete', fileHash: string) =>
  callJob<EnrollImportResult>(w.app, 'enrollments.importCommit', { fileId, sheet: kind, fileHash }, w.principal);
const count = (w: EnrollmentWorld, where = '1') => (w.app.store.db.prepare(`SELECT count(*) AS n FROM enrollments WHERE ${where}`).get() as { n: number }).n;
const issue = (p: EnrollImportPreview, row: number) => p.errors.filter((e) => e.row === row).map((e) => [e.column, e.message]);

/** A valid number no candidate has. */
function strangerId(): string {
  const first = '37060219900101123';
  return first + checkDigit(first);
}

describe('批量导入报考 (按科目)', () => {
  it('names every bad row by row, column and reason, and writes only the good ones', async () => {
    const w = await openWorld(template, () => NOW);
    const [a, b, c, d, e, f] = w.school;
    const fileId = await sheet(
      w,
      [
        ['考生姓名', '身份证号码', '考试计划编号', '科目编号'],
        [a!.name, a!.idNumber, 'OPEN', '512801'],
        [b!.name, b!.idNumber, 'OPEN 物流与Python本月考核', '512801 理论知识（Python程序开发 初级）'],
        ['', strangerId(), 'OPEN', '512801'],
        ['', `${a!.idNumber.slice(0, 17)}${a!.idNumber[17] === '1' ? '2' : '1'}`, 'OPEN', '512801'],
        ['', c!.idNumber, 'NOPE', '512801'],
        ['', c!.idNumber, 'OPEN', '999999'],
        ['', c!.idNumber, 'OPEN', '338994'],
        [a!.name, a!.idNumber, 'OPEN', '512801'],
        ['', w.social[0]!.idNumber, 'OPEN', '512802'],
        ['', d!.idNumber, 'OVER', '098694'],
        ['', d!.idNumber, 'LATER', '098694'],
        ['王小二', e!.idNumber, 'OPEN', '512801'],
        ['', w.incomplete[0]!.idNumber, 'OPEN', '512801'],
        ['', f!.idNumber, 'OPEN', 98694],
      ],
      '2026年5月报考名单',
    );
    const p = await check(w, fileId, 'subject');
    expect(p).toMatchObject({ headerRow: 2, counts: { accepted: 3, refused: 11, enrollments: 3 }, refusedFile: 'refused' });
    expect(issue(p, 5)).toEqual([['身份证号', `没有身份证号为 ${strangerId()} 的考生，请先在“考生名单”中导入该考生`]]);
    expect(issue(p, 6)[0]![0]).toBe('身份证号');
    expect(issue(p, 7)).toEqual([['考试计划', '没有“NOPE”这个考试计划（请先导入平台的考试计划）']]);
    expect(issue(p, 8)).toEqual([['考试科目', '没有“999999”这个考试科目']]);
    expect(issue(p, 9)).toEqual([['考试科目', '科目“综合应用考核”（338994）不在考试计划“物流与Python本月考核”中']]);
    expect(issue(p, 10)).toEqual([['考试科目', '与第 3 行重复（同一考生、同一考试计划、同一科目“理论知识”）']]);
    expect(issue(p, 11)).toEqual([['考试科目', '科目“院校实操”（512802）的参考对象为院校考生，该考生是社会考生']]);
    expect(issue(p, 12)).toEqual([['考试计划', '考试计划“物流管理上月考核”的报名已经结束（报名时间 2026-04-20 00:00 ~ 2026-05-09 23:59），不能报考']]);
    expect(issue(p, 13)).toEqual([['考试计划', '考试计划“物流管理下月考核”尚未开始报名（报名时间 2026-05-25 00:00 ~ 2026-06-04 23:59），不能报考']]);
    expect(issue(p, 14)).toEqual([['姓名', `姓名“王小二”与身份证号对应的考生“${e!.name}”不一致，请核对身份证号`]]);
    expect(issue(p, 15)).toEqual([['身份证号', `考生“${w.incomplete[0]!.name}”的信息不完整（照片、未实名认证），补齐后才能报考`]]);
    // 098694 read as the number 98694 by Excel: found again, with a note.
    expect(p.warnings).toEqual([{ row: 16, column: '考试科目', code: 'SUBJECT_AS_NUMBER', message: expect.stringContaining('已按 098694 处理') }]);

    // Nothing written by the check; the commit writes the three good rows in one audited transaction.
    expect(count(w)).toBe(0);
    const before = auditCount(w.app);
    const done = await commit(w, fileId, 'subject', p.fileHash);
    expect(done).toEqual({ counts: { accepted: 3, refused: 11, enrollments: 3 }, written: 3 });
    expect(count(w)).toBe(3);
    expect(count(w, "mode = 'subject'")).toBe(3);
    expect(auditCount(w.app)).toBe(before + 1);
    expect(w.app.store.db.prepare('SELECT operation, entity_type FROM audit_log ORDER BY id DESC LIMIT 1').get()).toEqual({
      operation: 'enrollments.import',
      entity_type: 'enrollment-import',
    });
  });

  it('offers the refused rows as a sheet with the reasons, the ID numbers still text', async () => {
    const w = await openWorld(template, () => NOW);
    const fileId = await sheet(w, [
      ['姓名', '身份证号', '考试计划', '考试科目'],
      ['', w.school[0]!.idNumber, 'OVER', '098694'],
    ]);
    const job = await call<{ id: string }>(w.app, 'enrollments.importPreview', { fileId, sheet: 'subject' }, w.principal);
    await w.app.jobs.wait(job.id);
    const ref = await call<FileRef>(w.app, 'jobs.file', { id: job.id, key: 'refused' }, w.principal);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(w.app.files.resolve(ref.fileId, ACTOR).path);
    const ws = book.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['原行号', '姓名', '身份证号', '考试计划', '考试科目', '错误原因']);
    expect(ws.getRow(2).getCell(3).value).toBe(w.school[0]!.idNumber);
    expect(ws.getRow(2).getCell(3).numFmt).toBe('@');
    expect(String(ws.getRow(2).getCell(6).value)).toContain('【考试计划】考试计划“物流管理上月考核”的报名已经结束');
  });

  it('refuses a sheet without the template’s columns, and one changed between check and commit', async () => {
    const w = await openWorld(template, () => NOW);
    const bad = await sheet(w, [
      ['姓名', '手机号'],
      ['张三', '13800000000'],
    ]);
    expect((await callJobError(w.app, 'enrollments.importPreview', { fileId: bad, sheet: 'subject' }, w.principal)).message).toContain('找不到表头');
    const path = join(tempDir(), 'x.xlsx');
    await writeXlsx(path, [
      ['身份证号', '考试计划', '考试科目'],
      [w.school[0]!.idNumber, 'OPEN', '512801'],
    ]);
    const fileId = w.app.files.register(path, 'x.xlsx', ACTOR).fileId;
    const p = await check(w, fileId, 'subject');
    await writeXlsx(path, [
      ['身份证号', '考试计划', '考试科目'],
      [w.school[1]!.idNumber, 'OPEN', '512801'],
    ]);
    expect((await callJobError(w.app, 'enrollments.importCommit', { fileId, sheet: 'subject', fileHash: p.fileHash }, w.principal)).code).toBe('CONFLICT');
    expect(count(w)).toBe(0);
  });
});

describe('批量导入报考 (按证书)', () => {
  it('enrolls every subject of the certificate, and over the quota refuses all its rows with the numbers', async () => {
    const w = await openWorld(template, () => NOW);
    const rows = (people: typeof w.school) => [
      ['姓名', '身份证号', '考试计划', '证书', '证书等级'],
      ...people.map((p) => [p.name, p.idNumber, 'OPEN', '物流管理职业技能等级证书', '初级']),
    ];
    const six = await sheet(w, rows(w.school.slice(0, 6)));
    const over = await check(w, six, 'certificate');
    expect(over.counts).toEqual({ accepted: 0, refused: 6, enrollments: 0 });
    expect(new Set(over.errors.map((e) => `${e.column}：${e.message}`))).toEqual(new Set(['证书：物流管理 初级：本年度指标 5，已用 0，本次 6 人，超出 1 人']));
    expect((await commit(w, six, 'certificate', over.fileHash)).written).toBe(0);
    expect(count(w)).toBe(0);

    const five = await sheet(w, rows(w.school.slice(0, 5)));
    const ok = await check(w, five, 'certificate');
    expect(ok.counts).toEqual({ accepted: 5, refused: 0, enrollments: 10 });
    expect((await commit(w, five, 'certificate', ok.fileHash)).written).toBe(10);
    expect(count(w, "mode = 'certificate'")).toBe(10);
    // The year's quota is used up now: one more is over it.
    const more = await check(w, await sheet(w, rows(w.school.slice(5, 6))), 'certificate');
    expect(more.errors[0]!.message).toBe('物流管理 初级：本年度指标 5，已用 5，本次 1 人，超出 1 人');
  });
});

describe('批量删除报考', () => {
  it('deletes by certificate or subject inside the window; refuses what is not enrolled, outside the window, twice, or held by a payment order', async () => {
    const w = await openWorld(template, () => NOW);
    const ids = idsOf(w.app.store, w.school);
    await call(
      w.app,
      'enrollments.enroll',
      { candidates: { ids: ids.slice(0, 3) }, planCode: 'OPEN', mode: 'certificate', certificateCode: 'CERT-WL', level: '初级' },
      w.principal,
    );
    await call(w.app, 'enrollments.enroll', { candidates: { ids: ids.slice(3, 6) }, planCode: 'OPEN', mode: 'subject', subjectCodes: ['512801'] }, w.principal);
    expect(count(w)).toBe(9);
    // What the payment workflow's tables will do: a confirmed order's trigger refuses, an order line restricts.
    w.app.store.db.exec(`
      CREATE TABLE test_confirmed (enrollment_id INTEGER PRIMARY KEY);
      CREATE TRIGGER test_confirmed_keep BEFORE DELETE ON enrollments WHEN OLD.id IN (SELECT enrollment_id FROM test_confirmed)
        BEGIN SELECT RAISE(ABORT, 'enrollment is in a confirmed payment order'); END;
      CREATE TABLE test_lines (enrollment_id INTEGER NOT NULL REFERENCES enrollments(id) ON DELETE RESTRICT);
    `);
    const enrollmentOf = (i: number) => (w.app.store.db.prepare("SELECT id FROM enrollments WHERE candidate_id = ? AND subject_code = '512801'").get(ids[i]) as { id: number }).id;
    w.app.store.db.prepare('INSERT INTO test_confirmed VALUES (?)').run(enrollmentOf(3));
    w.app.store.db.prepare('INSERT INTO test_lines VALUES (?)').run(enrollmentOf(4));
    const [a, b, c, d, e, f] = w.school;
    const fileId = await sheet(w, [
      ['姓名', '身份证号', '考试计划', '证书', '证书等级', '考试科目'],
      ['', a!.idNumber, 'OPEN', 'CERT-WL', '初级', ''],
      ['', b!.idNumber, 'OPEN', '', '', '098694'],
      ['', c!.idNumber, 'OPEN', 'CERT-PY', '初级', ''],
      ['', a!.idNumber, 'OVER', 'CERT-WL', '初级', ''],
      ['', c!.idNumber, 'OPEN', '', '', ''],
      ['', b!.idNumber, 'OPEN', '', '', '098694 基础考核'],
      ['', d!.idNumber, 'OPEN', '', '', '512801'],
      ['', e!.idNumber, 'OPEN', '', '', '512801'],
      ['', f!.idNumber, 'OPEN', 'CERT-PY', '初级', ''],
    ]);
    const p = await check(w, fileId, 'delete');
    expect(p.counts).toEqual({ accepted: 3, refused: 6, enrollments: 4 });
    expect(issue(p, 4)).toEqual([['证书', '该考生没有报考本计划的“Python程序开发职业技能等级证书”初级的科目']]);
    expect(issue(p, 5)).toEqual([['考试计划', '考试计划“物流管理上月考核”的报名已经结束（报名时间 2026-04-20 00:00 ~ 2026-05-09 23:59），不能删除报考']]);
    expect(issue(p, 6)).toEqual([['证书', '请填写要删除的证书和证书等级，或者要删除的考试科目']]);
    expect(issue(p, 7)).toEqual([['考试科目', '与第 3 行重复（同一考生、同一考试计划、同一科目“基础考核”）']]);
    expect(issue(p, 8)).toEqual([['考试科目', '该报考已在已确认的缴费单中，不能删除']]);
    expect(issue(p, 9)).toEqual([['考试科目', '该报考已在缴费单中，不能删除（请先删除该缴费单）']]);
    // The check tried the deletions and rolled them back.
    expect(count(w)).toBe(9);

    const done = await commit(w, fileId, 'delete', p.fileHash);
    expect(done).toEqual({ counts: { accepted: 3, refused: 6, enrollments: 4 }, written: 4 });
    expect(count(w)).toBe(5);
    expect(count(w, `id IN (${enrollmentOf(3)}, ${enrollmentOf(4)})`)).toBe(2);
    // None was sent yet: there is no deletion to tell the platform of.
    expect(w.app.store.db.prepare('SELECT count(*) AS n FROM enrollment_deletions').get()).toEqual({ n: 0 });
  });
});

describe('the 报考信息 and 删除报考 packages', () => {
  it('sends what is not yet sent, in both platform templates, then the deletions of sent enrollments', async () => {
    const w = await openWorld(template, () => NOW);
    const ids = idsOf(w.app.store, w.school);
    const [social] = idsOf(w.app.store, w.social);
    await call(
      w.app,
      'enrollments.enroll',
      { candidates: { ids: ids.slice(0, 2) }, planCode: 'OPEN', mode: 'certificate', certificateCode: 'CERT-WL', level: '初级' },
      w.principal,
    );
    await call(w.app, 'enrollments.enroll', { candidates: { ids: [ids[2]!] }, planCode: 'OPEN', mode: 'subject', subjectCodes: ['512801', '512802'] }, w.principal);
    await call(w.app, 'enrollments.enroll', { candidates: { ids: [social!] }, planCode: 'OPEN', mode: 'subject', subjectCodes: ['512803'] }, w.principal);

    const exported = await callJob<ExportResult>(w.app, 'packages.export', { kinds: ['enrollments'] }, w.principal);
    expect(exported.counts).toEqual({ enrollments: 7 });
    const pkg = await readOutbound(exported.path, 'out.zip');
    const payload = pkg.payloads.enrollments as EnrollmentsPayload;
    expect(payload.enrollments.map((e) => [e.idNumber, e.subjectCode, e.mode]).sort()).toEqual(
      [
        [w.school[0]!.idNumber, '098694', 'certificate'],
        [w.school[0]!.idNumber, '609371', 'certificate'],
        [w.school[1]!.idNumber, '098694', 'certificate'],
        [w.school[1]!.idNumber, '609371', 'certificate'],
        [w.school[2]!.idNumber, '512801', 'subject'],
        [w.school[2]!.idNumber, '512802', 'subject'],
        [w.social[0]!.idNumber, '512803', 'subject'],
      ].sort(),
    );
    expect(payload.enrollments[0]).toMatchObject({ planName: '物流与Python本月考核', certificateName: expect.any(String), enrolledAt: NOW.toISOString() });
    const sheets = async (name: string) => {
      const entry = (await zipEntries(exported.path)).find((x) => x.name === `enrollments/${name}.xlsx`)!;
      const path = join(tempDir(), `${name}.xlsx`);
      writeFileSync(path, entry.data);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      const ws = book.worksheets[0]!;
      return Array.from({ length: ws.rowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1).map(String));
    };
    // 按证书: a row per candidate and certificate; 按科目: a row per subject. Both read back by the import.
    expect(await sheets('按证书报考')).toEqual([
      ['姓名', '身份证号', '考试计划', '证书', '证书等级'],
      ...[w.school[0]!, w.school[1]!]
        .sort((x, y) => x.idNumber.localeCompare(y.idNumber))
        .map((p) => [p.name, p.idNumber, 'OPEN 物流与Python本月考核', 'CERT-WL 物流管理职业技能等级证书', '初级']),
    ]);
    expect((await sheets('按科目报考')).length).toBe(4);

    // Sent: the next package has nothing new to carry.
    const list = await call<EnrollmentPage>(w.app, 'enrollments.list', {}, w.principal);
    expect(list.rows.every((r) => r.sentAt !== null && Math.abs(Date.parse(r.sentAt) - NOW.getTime()) < 60_000)).toBe(true);
    expect((await callJobError(w.app, 'packages.export', { kinds: ['enrollments'] }, w.principal)).message).toContain('没有尚未报送的报考');
    expect((await callJobError(w.app, 'packages.export', { kinds: ['enrollment-deletions'] }, w.principal)).message).toContain('没有需要报送的删除报考');

    // A sent enrollment deleted is a deletion to send; enrolled again before that, there is none.
    const path = join(tempDir(), 'del.xlsx');
    await writeXlsx(path, [
      ['身份证号', '考试计划', '证书', '证书等级', '考试科目'],
      [w.school[0]!.idNumber, 'OPEN', 'CERT-WL', '初级', ''],
      [w.school[2]!.idNumber, 'OPEN', '', '', '512802'],
    ]);
    const del = w.app.files.register(path, 'del.xlsx', ACTOR).fileId;
    await commit(w, del, 'delete', (await check(w, del, 'delete')).fileHash);
    await call(w.app, 'enrollments.enroll', { candidates: { ids: [ids[2]!] }, planCode: 'OPEN', mode: 'subject', subjectCodes: ['512802'] }, w.principal);
    const deletions = await callJob<ExportResult>(w.app, 'packages.export', { kinds: ['enrollment-deletions', 'enrollments'] }, w.principal);
    expect(deletions.counts).toEqual({ 'enrollment-deletions': 2, enrollments: 1 });
    const sent = (await readOutbound(deletions.path, 'del.zip')).payloads['enrollment-deletions'] as EnrollmentDeletionsPayload;
    expect(sent.deletions.map((x) => [x.idNumber, x.subjectCode, x.certificateCode, x.level]).sort()).toEqual([
      [w.school[0]!.idNumber, '098694', 'CERT-WL', '初级'],
      [w.school[0]!.idNumber, '609371', 'CERT-WL', '初级'],
    ]);
    expect(w.app.store.db.prepare('SELECT count(*) AS n FROM enrollment_deletions WHERE sent_at IS NULL').get()).toEqual({ n: 0 });
  });
});

describe('the templates', () => {
  it('按科目 and 删除: drop-downs from the store, codes and ID numbers as text, the plans and subjects to look up', async () => {
    const w = await openWorld(template, () => NOW);
    const ref = await call<FileRef>(w.app, 'enrollments.template', { sheet: 'subject' }, w.principal);
    expect(ref.name).toBe('按科目报考导入模板.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(w.app.files.resolve(ref.fileId, ACTOR).path);
    expect(book.worksheets.map((s) => s.name)).toEqual(['按科目报考', '选项', '填写说明', '可报考的计划与科目']);
    const ws = book.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '*身份证号', '*考试计划', '*考试科目']);
    expect(ws.getCell('B2').numFmt).toBe('@');
    expect(ws.getCell('D2').numFmt).toBe('@');
    const validations = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    // Read back cell by cell: the plan and subject columns have their lists, the ID column none.
    expect(validations.C2?.formulae).toEqual(['选项!$A$1:$A$2']);
    expect(validations.D5000?.formulae[0]).toMatch(/^选项!\$B\$1:\$B\$\d+$/);
    expect(validations.B2).toBeUndefined();
    const options = book.getWorksheet('选项')!;
    const listed = (col: string) => Array.from({ length: options.rowCount }, (_, i) => options.getCell(`${col}${i + 1}`).value).filter((v): v is string => typeof v === 'string');
    // Past plans left out while current ones exist.
    expect(listed('A')).toEqual(['OPEN 物流与Python本月考核', 'LATER 物流管理下月考核']);
    expect(listed('B')).toContain('512803 社会实操（Python程序开发 初级）');
    const lookup = book.getWorksheet('可报考的计划与科目')!;
    expect((lookup.getRow(1).values as unknown[]).slice(1)).toContain('参考对象');
    expect(Array.from({ length: lookup.rowCount }, (_, i) => (lookup.getRow(i + 1).values as unknown[]).slice(1).join('|'))).toContain(
      'OPEN|物流与Python本月考核|2026-05-10 ~ 2026-05-20|Python程序开发职业技能等级证书|初级|512802|院校实操|机考|院校考生|10',
    );
    const del = await call<FileRef>(w.app, 'enrollments.template', { sheet: 'delete' }, w.principal);
    const delBook = new ExcelJS.Workbook();
    await delBook.xlsx.readFile(w.app.files.resolve(del.fileId, ACTOR).path);
    expect((delBook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '*身份证号', '*考试计划', '证书', '证书等级', '考试科目']);
  });
});
