import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { dropDownValues } from '../helpers/xlsx-lists';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../src-main/core/app-core';
import type { InstitutionProfile, MajorImportPreview, MajorImportResult } from '../../src-shared/api/institution';
import type { JobInfo } from '../../src-shared/api/jobs';
import { writeXlsx } from '../fixtures/candidate-sheets';
import { writeZip } from '../fixtures/package-fixtures';
import { addUser, auditCount, call, callError, callJob, callJobError, setUpApp } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };
const HEADERS = ['专业代码', '专业名称', '专业层次'];

function register(app: AppCore, path: string) {
  return app.files.register(path, path.split('/').pop()!, ACTOR).fileId;
}

async function check(app: AppCore, session: string, path: string) {
  const fileId = register(app, path);
  const job = await call<JobInfo>(app, 'majors.importPreview', { fileId }, session);
  const done = await app.jobs.wait(job.id);
  if (done.state !== 'done') throw new Error(done.error?.message ?? done.state);
  return { fileId, jobId: job.id, preview: done.result as MajorImportPreview };
}

const majorsOf = async (app: AppCore, session: string) => (await call<InstitutionProfile>(app, 'institution.profile', {}, session)).majors;

async function withTwoMajors() {
  const { app, principal } = await setUpApp();
  await call(app, 'majors.save', { code: '530802', name: '物流管理', level: '高职专科' }, principal);
  await call(app, 'majors.save', { code: '510201', name: '计算机应用技术', level: '高职专科' }, principal);
  return { app, principal };
}

describe('开设专业 from a spreadsheet', () => {
  it('reads a good file under a title row with its own header words: new, changed and unchanged rows, then commits them in one go with one audit entry', async () => {
    const { app, principal } = await withTwoMajors();
    const path = join(tempDir(), '2026年开设专业.xlsx');
    await writeXlsx(
      path,
      [
        ['代码', '专业名称（全称）', '层次'],
        ['530802', '物流管理', '高职专科'],
        ['510201', '计算机应用技术', '职业本科'],
        ['080901', '计算机科学与技术', '本科'],
        [530701, '电子商务', '高职专科'],
      ],
      { title: '烟台职业学院 开设专业一览' },
    );
    const { fileId, preview } = await check(app, principal, path);
    expect(preview).toMatchObject({ headerRow: 2, counts: { new: 2, updated: 1, unchanged: 1, refused: 0 }, errors: [], refusedFile: null });
    expect(preview.updates).toEqual([{ row: 4, code: '510201', name: '计算机应用技术', changes: [{ field: '专业层次', old: '高职专科', new: '职业本科' }] }]);
    // Checked, nothing written yet.
    expect((await majorsOf(app, principal)).map((m) => m.code)).toEqual(['510201', '530802']);

    const before = auditCount(app);
    const result = await callJob<MajorImportResult>(app, 'majors.importCommit', { fileId, fileHash: preview.fileHash }, principal);
    expect(result).toEqual({ counts: { new: 2, updated: 1, unchanged: 1, refused: 0 }, written: 3 });
    expect(await majorsOf(app, principal)).toEqual([
      { code: '080901', name: '计算机科学与技术', level: '本科' },
      { code: '510201', name: '计算机应用技术', level: '职业本科' },
      { code: '530701', name: '电子商务', level: '高职专科' },
      { code: '530802', name: '物流管理', level: '高职专科' },
    ]);
    expect(auditCount(app)).toBe(before + 1);
    const entry = app.store.db.prepare("SELECT actor, entity_type, entity_id, before_json, after_json FROM audit_log WHERE operation = 'majors.import'").get() as Record<
      string,
      string
    >;
    expect(entry).toMatchObject({ actor: 'principal', entity_type: 'major-import', entity_id: '2026年开设专业.xlsx' });
    expect(JSON.parse(entry.before_json!)).toEqual({ majors: { '510201': { 专业层次: '高职专科' } } });
    expect(JSON.parse(entry.after_json!)).toEqual({
      file: '2026年开设专业.xlsx',
      counts: { new: 2, updated: 1, unchanged: 1, refused: 0 },
      added: [
        { code: '080901', name: '计算机科学与技术', level: '本科' },
        { code: '530701', name: '电子商务', level: '高职专科' },
      ],
      changed: { '510201': { 专业层次: '职业本科' } },
    });

    // The same file again changes nothing.
    const again = await check(app, principal, path);
    expect(again.preview.counts).toEqual({ new: 0, updated: 0, unchanged: 4, refused: 0 });
  });

  it('refuses bad levels, codes and duplicates by row and column in Chinese, offers them as a sheet, and writes only the rest', async () => {
    const { app, principal } = await withTwoMajors();
    const path = join(tempDir(), 'majors.xlsx');
    await writeXlsx(path, [
      HEADERS,
      ['530802', '物流管理', '研究生'],
      ['53-08', '会计', '高职专科'],
      [80901, '计算机科学与技术', '本科'],
      ['530701', '电子商务', '高职专科'],
      ['530701', '电子商务（重复）', '高职专科'],
      ['540101', '', '中职'],
      ['540102', '旅游管理', { formula: 'A1&B1' }],
      ['590101', '智能制造', '高职专科'],
    ]);
    const { fileId, jobId, preview } = await check(app, principal, path);
    expect(preview.counts).toEqual({ new: 2, updated: 0, unchanged: 0, refused: 6 });
    expect(preview.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '专业层次', 'FORMAT'],
      [3, '专业代码', 'FORMAT'],
      [4, '专业代码', 'CODE_EXCEL_NUMBER'],
      [6, '专业代码', 'DUPLICATE_IN_FILE'],
      [7, '专业名称', 'REQUIRED'],
      [8, '专业层次', 'CELL_UNREADABLE'],
    ]);
    const message = (row: number) => preview.errors.find((e) => e.row === row)!.message;
    expect(message(2)).toBe('专业层次应为 中职、高职专科、职业本科、本科 之一（填写的是“研究生”）');
    expect(message(3)).toBe('专业代码应为 4–12 位数字或字母（如 530802）（填写的是“53-08”）');
    expect(message(4)).toContain('专业代码“80901”是数字格式，开头的 0 可能已经丢失');
    expect(message(6)).toBe('专业代码 530701 与第 5 行重复');
    expect(message(7)).toBe('请填写专业名称');
    expect(message(8)).toContain('单元格是公式');

    expect(preview.refusedFile).toBe('refused');
    const refused = await call<{ fileId: string }>(app, 'jobs.file', { id: jobId, key: 'refused' }, principal);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(app.files.resolve(refused.fileId, ACTOR).path);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('退回的行');
    expect(sheet.getRow(1).values).toEqual([undefined, '原行号', ...HEADERS, '错误原因']);
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(2).values).toEqual([undefined, 2, '530802', '物流管理', '研究生', `【专业层次】${message(2)}`]);
    // The code column stays text, so a fixed 080901 keeps its zero.
    expect(sheet.getCell('B4').numFmt).toBe('@');

    await callJob(app, 'majors.importCommit', { fileId, fileHash: preview.fileHash }, principal);
    expect((await majorsOf(app, principal)).map((m) => m.code)).toEqual(['510201', '530701', '530802', '590101']);
    // The refused row for 530802 did not touch it.
    expect((await majorsOf(app, principal)).find((m) => m.code === '530802')!.level).toBe('高职专科');
  });

  it('refuses files that are not a majors sheet, naming the file, and writes nothing', async () => {
    const { app, principal } = await withTwoMajors();
    const dir = tempDir();
    const before = auditCount(app);
    const refusal = async (name: string) => (await callJobError(app, 'majors.importPreview', { fileId: register(app, join(dir, name)) }, principal)).message;

    writeFileSync(join(dir, '专业.xlsx'), '<html><body><table><tr><td>专业代码</td></tr></table></body></html>');
    expect(await refusal('专业.xlsx')).toBe('表格“专业.xlsx”其实是网页（HTML）文件，只是扩展名像表格。请用 Excel 打开后“另存为”.xlsx 再导入。');
    writeFileSync(join(dir, 'photo.xlsx'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]));
    expect(await refusal('photo.xlsx')).toBe('表格“photo.xlsx”不是 Excel 表格或 CSV 文本文件。');
    await writeZip(join(dir, 'package.xlsx'), [{ name: 'manifest.json', data: Buffer.from('{}') }]);
    expect(await refusal('package.xlsx')).toBe('表格“package.xlsx”不是 Excel 工作簿（缺少 xl/workbook.xml），文件可能已损坏。');
    await writeXlsx(join(dir, 'candidates.xlsx'), [
      ['姓名', '身份证号', '手机号'],
      ['张伟', '370681200403156810', '13805351234'],
    ]);
    expect(await refusal('candidates.xlsx')).toBe('在表格“candidates.xlsx”的前 20 行里找不到表头（应包含 “专业代码”、“专业名称”、“专业层次” 等列）。请使用导入模板。');
    await writeXlsx(join(dir, 'no-level.xlsx'), [
      ['专业代码', '专业名称'],
      ['530802', '物流管理'],
    ]);
    expect(await refusal('no-level.xlsx')).toBe('表格“no-level.xlsx”缺少必填列：“专业层次”（表头在第 1 行）。');
    await writeXlsx(join(dir, 'header-only.xlsx'), [HEADERS]);
    expect(await refusal('header-only.xlsx')).toBe('表格“header-only.xlsx”在表头（第 1 行）下面没有任何专业。');

    expect(auditCount(app)).toBe(before);
    expect((await majorsOf(app, principal)).length).toBe(2);
  });

  it('refuses a commit of a file changed since its check', async () => {
    const { app, principal } = await withTwoMajors();
    const path = join(tempDir(), 'majors.xlsx');
    await writeXlsx(path, [HEADERS, ['590101', '智能制造', '高职专科']]);
    const { fileId, preview } = await check(app, principal, path);
    await writeXlsx(path, [HEADERS, ['590101', '智能制造技术', '高职专科']]);
    expect(await callJobError(app, 'majors.importCommit', { fileId, fileHash: preview.fileHash }, principal)).toMatchObject({
      code: 'CONFLICT',
      message: '表格“majors.xlsx”在检查之后被改动过，请重新检查后再导入。',
    });
    expect((await majorsOf(app, principal)).length).toBe(2);
  });

  it('offers a template with the majors so far, the code column as text and a drop-down of levels; imported as it is, it changes nothing', async () => {
    const { app, principal } = await withTwoMajors();
    const ref = await call<{ fileId: string; name: string }>(app, 'majors.template', {}, principal);
    expect(ref.name).toBe('开设专业导入模板.xlsx');
    const path = app.files.resolve(ref.fileId, ACTOR).path;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('开设专业')!;
    expect(ws.getRow(1).values).toEqual([undefined, '*专业代码', '*专业名称', '*专业层次']);
    expect([ws.getRow(2).values, ws.getRow(3).values]).toEqual([
      [undefined, '510201', '计算机应用技术', '高职专科'],
      [undefined, '530802', '物流管理', '高职专科'],
    ]);
    expect(ws.getCell('A2').numFmt).toBe('@');
    expect(ws.getCell('A500').numFmt).toBe('@');
    expect(dropDownValues(wb, ws, 'C10')).toEqual(['中职', '高职专科', '职业本科', '本科']);
    expect(wb.getWorksheet('填写说明')).toBeDefined();

    const { preview } = await check(app, principal, path);
    expect(preview.counts).toEqual({ new: 0, updated: 0, unchanged: 2, refused: 0 });
  });

  it('is for the staff who edit majors: an invigilator may neither download the template nor import', async () => {
    const { app, principal } = await withTwoMajors();
    const invigilator = await addUser(app, principal, 'wangfang', 'invigilator');
    expect((await callError(app, 'majors.template', {}, invigilator)).code).toBe('FORBIDDEN');
    const path = join(tempDir(), 'majors.xlsx');
    await writeXlsx(path, [HEADERS, ['590101', '智能制造', '高职专科']]);
    expect((await callError(app, 'majors.importPreview', { fileId: register(app, path) }, invigilator)).code).toBe('FORBIDDEN');
  });
});
