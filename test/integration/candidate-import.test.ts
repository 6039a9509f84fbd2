import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CandidateImportPreview, CandidatePage } from '../../src-shared/api/candidates';
import type { JobInfo } from '../../src-shared/api/jobs';
import type { AppCore } from '../../src-main/core/app-core';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { personRow, SCHOOL_HEADERS, writeCleanSchoolSheet, writeCsv, writeHugeXlsx, writeOleFile, writeXlsx } from '../fixtures/candidate-sheets';
import { zeros } from '../fixtures/package-fixtures';
import { writeZip } from '../fixtures/package-fixtures';
import { call, callError, setUpApp } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };

function register(app: AppCore, path: string) {
  return app.files.register(path, path.split('/').pop()!, ACTOR).fileId;
}

async function runJob<T>(app: AppCore, job: JobInfo): Promise<{ job: JobInfo; result: T }> {
  const done = await app.jobs.wait(job.id);
  return { job: done, result: done.result as T };
}

async function preview(app: AppCore, session: string, path: string, kind: 'school' | 'social' = 'school', mode: 'create' | 'update' = 'create') {
  const fileId = register(app, path);
  const { job, result } = await runJob<CandidateImportPreview>(app, await call<JobInfo>(app, 'candidates.importPreview', { fileId, kind, mode }, session));
  return { job, preview: result, fileId };
}

async function commit(app: AppCore, session: string, fileId: string, fileHash: string, kind: 'school' | 'social' = 'school', mode: 'create' | 'update' = 'create') {
  return runJob<{ counts: Record<string, number>; written: number }>(app, await call<JobInfo>(app, 'candidates.importCommit', { fileId, kind, mode, fileHash }, session));
}

const count = (app: AppCore) => (app.store.db.prepare('SELECT count(*) AS n FROM candidates').get() as { n: number }).n;

describe('candidate import: a messy school spreadsheet', () => {
  it('finds the header under a title, tolerates header spelling, normalises values, and reports every problem by row and column', async () => {
    const { app, principal } = await setUpApp();
    const people = fakePeople(6, 11);
    const [a, b, c, d, e, f] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const dir = tempDir();
    const path = join(dir, '2026级考生名单.xlsx');
    await writeXlsx(
      path,
      [
        // Reordered, spaced, full-width and annotated headers.
        ['手机号码', ' 姓  名 ', '身份证号码（必填）', '入学年份', '专业', '专业层次', 'ＰＩＮＹＩＮ'],
        [a.phone, a.name, a.idNumber.replace(/X$/, 'x'), a.entryYear, a.major, a.majorLevel, ''],
        [b.phone, b.name, Number(b.idNumber.slice(0, 15)) * 1000 + 0, b.entryYear, b.major, b.majorLevel, ''],
        [c.phone, c.name, `３${c.idNumber.slice(1)}`, c.entryYear, c.major, c.majorLevel, ''],
        ['12345', d.name, d.idNumber, 1999, d.major, d.majorLevel, ''],
        [e.phone, e.name, a.idNumber, e.entryYear, e.major, e.majorLevel, ''],
        [f.phone, f.name, f.idNumber, f.entryYear, '网红直播', '研究生', ''],
      ],
      { title: '烟台职业学院 2026 级 1+X 证书考生名单' },
    );
    const { preview: p } = await preview(app, principal, path);
    expect(p.headerRow).toBe(2);
    expect(p.counts).toEqual({ new: 3, updated: 0, unchanged: 0, refused: 3 });
    const byRow = (row: number) => p.errors.filter((x) => x.row === row).map((x) => [x.column, x.code]);
    expect(byRow(3)).toEqual([]);
    expect(byRow(4)).toEqual([['身份证号', 'ID_EXCEL_NUMBER']]);
    expect(byRow(5)).toEqual([]);
    expect(byRow(6)).toEqual([
      ['手机号', 'PHONE_FORMAT'],
      ['入学年份', 'YEAR_RANGE'],
    ]);
    expect(byRow(7)).toEqual([['身份证号', 'DUPLICATE_IN_FILE']]);
    expect(p.errors.find((x) => x.row === 7)!.message).toBe('身份证号与第 3 行重复');
    expect(p.warnings.filter((w) => w.row === 8).map((w) => w.code)).toEqual(['LEVEL_UNKNOWN']);
    expect(p.refusedFile).toBe('refused');
    expect(count(app)).toBe(0);
  });

  it('commits only the accepted rows in one go, fills pinyin, and offers the refused rows as a workbook with reasons', async () => {
    const { app, principal } = await setUpApp();
    const people = fakePeople(4, 12);
    const path = join(tempDir(), 'list.xlsx');
    await writeXlsx(path, [SCHOOL_HEADERS, ...people.map(personRow), ['张三', '', '370681200403156811', '13805351234', '物流管理', '高职专科', 2025]]);
    const { preview: p, job, fileId } = await preview(app, principal, path);
    expect(p.counts).toEqual({ new: 4, updated: 0, unchanged: 0, refused: 1 });

    const refused = await call<{ fileId: string; name: string }>(app, 'jobs.file', { id: job.id, key: 'refused' }, principal);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(app.files.resolve(refused.fileId, ACTOR).path);
    const ws = wb.getWorksheet('退回的行')!;
    expect(ws.getRow(1).values).toEqual([undefined, '原行号', ...SCHOOL_HEADERS, '错误原因']);
    expect(ws.getRow(2).getCell(1).value).toBe(6);
    expect(ws.getRow(2).getCell(4).value).toBe('370681200403156811');
    expect(String(ws.getRow(2).getCell(9).value)).toContain('【身份证号】身份证号校验位不正确');

    const { result } = await commit(app, principal, fileId, p.fileHash);
    expect(result).toEqual({ counts: { new: 4, updated: 0, unchanged: 0, refused: 1 }, written: 4 });
    const list = await call<CandidatePage>(app, 'candidates.list', { kind: 'school', search: people[0]!.name, limit: 10 }, principal);
    expect(list.rows[0]).toMatchObject({ idNumber: people[0]!.idNumber, realnameStatus: 'unverified', hasPhoto: false });
    expect(list.rows[0]!.namePinyin).toMatch(/^[a-z]+( [a-z]+)+$/);
    expect(list.rows[0]!.missing).toEqual(['照片', '未实名认证']);
  });

  it('on a second import offers updates of the same person, refuses another name under a known ID, and leaves identical rows alone', async () => {
    const { app, principal } = await setUpApp();
    const dir = tempDir();
    const people = await writeCleanSchoolSheet(join(dir, 'first.xlsx'), 3, 13);
    const first = await preview(app, principal, join(dir, 'first.xlsx'));
    await commit(app, principal, first.fileId, first.preview.fileHash);

    const [a, b, c] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    await writeXlsx(join(dir, 'second.xlsx'), [
      SCHOOL_HEADERS,
      personRow(a),
      [b.name, '', b.idNumber, '13900000000', b.major, b.majorLevel, b.entryYear],
      ['李四', '', c.idNumber, c.phone, c.major, c.majorLevel, c.entryYear],
    ]);
    const second = await preview(app, principal, join(dir, 'second.xlsx'));
    expect(second.preview.counts).toEqual({ new: 0, updated: 1, unchanged: 1, refused: 1 });
    expect(second.preview.updates).toEqual([{ row: 3, idNumber: b.idNumber, name: b.name, changes: [{ field: '手机号', old: b.phone, new: '13900000000' }] }]);
    expect(second.preview.errors).toEqual([{ row: 4, column: '身份证号', code: 'ID_CONFLICT', message: `身份证号已属于考生“${c.name}”，与本行姓名“李四”不一致，请核对` }]);
    await commit(app, principal, second.fileId, second.preview.fileHash);
    // One entry for the import, the updated row inside it with its field changes.
    const audits = app.store.db.prepare("SELECT operation, after_json FROM audit_log WHERE operation LIKE 'candidates.%' ORDER BY id").all() as {
      operation: string;
      after_json: string;
    }[];
    expect(audits.map((a) => a.operation)).toEqual(['candidates.import', 'candidates.import']);
    expect(JSON.parse(audits[1]!.after_json)).toMatchObject({
      counts: { new: 0, updated: 1, unchanged: 1, refused: 1 },
      changes: [{ entity: '考生', key: b.idNumber, title: b.name, status: 'changed', changes: [{ field: '手机号', old: b.phone, new: '13900000000' }] }],
    });
  });

  it('batch modify (批量修改): export, edit in Excel, import as update; only changed fields are written', async () => {
    const { app, principal } = await setUpApp();
    const dir = tempDir();
    const people = await writeCleanSchoolSheet(join(dir, 'first.xlsx'), 5, 14);
    const first = await preview(app, principal, join(dir, 'first.xlsx'));
    await commit(app, principal, first.fileId, first.preview.fileHash);

    const exported = await runJob<{ count: number }>(app, await call<JobInfo>(app, 'candidates.export', { kind: 'school' }, principal));
    expect(exported.result.count).toBe(5);
    const file = await call<{ fileId: string }>(app, 'jobs.file', { id: exported.job.id, key: 'export' }, principal);
    const path = app.files.resolve(file.fileId, ACTOR).path;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    const row = [2, 3, 4, 5, 6].find((r) => ws.getRow(r).getCell(3).value === people[2]!.idNumber)!;
    ws.getRow(row).getCell(5).value = '大数据技术';
    const edited = join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);

    const upd = await preview(app, principal, edited, 'school', 'update');
    expect(upd.preview.counts).toEqual({ new: 0, updated: people[2]!.major === '大数据技术' ? 0 : 1, unchanged: people[2]!.major === '大数据技术' ? 5 : 4, refused: 0 });
    await commit(app, principal, upd.fileId, upd.preview.fileHash, 'school', 'update');
    const after = await call<CandidatePage>(app, 'candidates.list', { kind: 'school', search: people[2]!.idNumber }, principal);
    expect(after.rows[0]!.major).toBe('大数据技术');

    const stranger = fakePeople(1, 99)[0]!;
    await writeXlsx(join(dir, 'stranger.xlsx'), [SCHOOL_HEADERS, personRow(stranger)]);
    const refused = await preview(app, principal, join(dir, 'stranger.xlsx'), 'school', 'update');
    expect(refused.preview.errors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('reads CSV in UTF-8 (with or without BOM) and in GBK', async () => {
    const { app, principal } = await setUpApp();
    const dir = tempDir();
    const people = fakePeople(3, 15);
    for (const [i, enc] of (['utf8', 'utf8-bom', 'gbk'] as const).entries()) {
      const path = join(dir, `list-${enc}.csv`);
      writeCsv(path, [SCHOOL_HEADERS, personRow(people[i]!)], enc);
      const { preview: p } = await preview(app, principal, path);
      expect(p.counts, enc).toEqual({ new: 1, updated: 0, unchanged: 0, refused: 0 });
    }
  });

  it('social candidates use their own columns', async () => {
    const { app, principal } = await setUpApp();
    const p = fakePeople(1, 16)[0]!;
    const path = join(tempDir(), 'social.xlsx');
    await writeXlsx(path, [
      ['姓名', '身份证号', '手机号', '最高学历', '工作单位'],
      [p.name, p.idNumber, p.phone, '大专', '烟台港集团'],
    ]);
    const { preview: pv, fileId } = await preview(app, principal, path, 'social');
    expect(pv.counts.new).toBe(1);
    await commit(app, principal, fileId, pv.fileHash, 'social');
    const list = await call<CandidatePage>(app, 'candidates.list', { kind: 'social' }, principal);
    expect(list.rows[0]).toMatchObject({ employer: '烟台港集团', education: '大专', major: null });
    expect((await call<CandidatePage>(app, 'candidates.list', { kind: 'school' }, principal)).total).toBe(0);
  });
});

describe('candidate import: files that are not what they claim, each refused with the store unchanged', () => {
  async function refusedFile(build: (path: string) => Promise<void> | void, name: string) {
    const { app, principal } = await setUpApp();
    const path = join(tempDir(), name);
    await build(path);
    const { job } = await preview(app, principal, path);
    expect(job.state).toBe('failed');
    expect(count(app)).toBe(0);
    return job.error!.message;
  }

  it('a password-protected workbook, an old .xls, an HTML page renamed, a corrupt xlsx', async () => {
    expect(await refusedFile((p) => writeOleFile(p, true), 'secret.xlsx')).toContain('设置了打开密码');
    expect(await refusedFile((p) => writeOleFile(p, false), 'old.xlsx')).toContain('旧版 Excel 97-2003（.xls）');
    expect(await refusedFile((p) => writeFileSync(p, '<html><body><table><tr><td>姓名</td></tr></table></body></html>'), 'web.xls')).toContain('网页（HTML）');
    expect(
      await refusedFile(async (p) => {
        await writeCleanSchoolSheet(p, 3);
        const bytes = (await import('node:fs')).readFileSync(p);
        writeFileSync(p, bytes.subarray(0, bytes.length - 200));
      }, 'cut.xlsx'),
    ).toMatch(/已损坏|不是有效的 ZIP/);
  });

  it('a sheet of 1,048,576 rows is refused without reading it all', async () => {
    const message = await refusedFile((p) => writeHugeXlsx(p, 1_048_576), 'huge.xlsx');
    expect(message).toContain('超过 100,001 行');
  });

  it('merged header cells, and formula cells (with a result: used; without: refused)', async () => {
    expect(await refusedFile((p) => writeXlsx(p, [SCHOOL_HEADERS, personRow(fakePeople(1, 3)[0]!)], { merge: 'A1:B1' }), 'merged.xlsx')).toContain('有合并单元格 A1:B1');

    const { app, principal } = await setUpApp();
    const [a, b] = fakePeople(2, 4) as [ReturnType<typeof fakePeople>[0], ReturnType<typeof fakePeople>[0]];
    const path = join(tempDir(), 'formulas.xlsx');
    await writeXlsx(path, [
      SCHOOL_HEADERS,
      [a.name, '', a.idNumber, { formula: `"${a.phone.slice(0, 3)}"&"${a.phone.slice(3)}"`, result: a.phone }, a.major, a.majorLevel, a.entryYear],
      [b.name, '', b.idNumber, { formula: 'VLOOKUP(A3,通讯录!A:B,2,0)' }, b.major, b.majorLevel, b.entryYear],
    ]);
    const { preview: p } = await preview(app, principal, path);
    expect(p.counts).toEqual({ new: 1, updated: 0, unchanged: 0, refused: 1 });
    expect(p.errors).toEqual([
      { row: 3, column: '手机号', code: 'CELL_UNREADABLE', message: '单元格是公式（=VLOOKUP(A3,通讯录!A:B,2,0)）且没有计算结果，请复制后“选择性粘贴 → 数值”' },
    ]);
  });

  it('a spreadsheet that is a ZIP bomb is stopped at the bound', async () => {
    const message = await refusedFile((p) => writeZip(p, [{ name: 'xl/workbook.xml', data: zeros(300 * 1024 * 1024) }]), 'bomb.xlsx');
    expect(message).toMatch(/上限|压缩炸弹/);
  });

  it('a header that is missing a required column names it', async () => {
    const message = await refusedFile(
      (p) =>
        writeXlsx(p, [
          ['姓名', '身份证号', '手机号'],
          ['张伟', '370681200403156810', '13805351234'],
        ]),
      'short.xlsx',
    );
    expect(message).toContain('缺少必填列：“就读专业”、“专业层次”、“入学年份”');
  });

  it('a file changed between the check and the commit is refused', async () => {
    const { app, principal } = await setUpApp();
    const path = join(tempDir(), 'list.xlsx');
    await writeCleanSchoolSheet(path, 2, 21);
    const { preview: p, fileId } = await preview(app, principal, path);
    await writeCleanSchoolSheet(path, 3, 22);
    const { job } = await commit(app, principal, fileId, p.fileHash);
    expect(job.error?.message).toContain('在检查之后被改动过');
    expect(count(app)).toBe(0);
  });

  it('the form refuses what the import refuses, naming the field', async () => {
    const { app, principal } = await setUpApp();
    const e = await callError(
      app,
      'candidates.create',
      { kind: 'school', name: '张伟', idNumber: '370681200403156811', phone: '13805351234', major: '物流管理', majorLevel: '高职专科', entryYear: 2025 },
      principal,
    );
    expect(e).toMatchObject({ code: 'VALIDATION', message: '身份证号校验位不正确（最后一位应为 0），请核对是否有数字输错', details: { issues: [{ path: 'idNumber' }] } });
  });

  it('refuses the example number of GB 11643 (born 1880-01-01) for its age, not as a date that does not exist', async () => {
    const { app, principal } = await setUpApp();
    const path = join(tempDir(), 'old.xlsx');
    await writeXlsx(path, [SCHOOL_HEADERS, ['张伟', '', '440524188001010014', '13805351234', '物流管理', '高职专科', 2025]]);
    const { preview: p } = await preview(app, principal, path);
    expect(p.errors).toEqual([{ row: 2, column: '身份证号', code: 'ID_BIRTH_RANGE', message: '身份证号中的出生日期 1880-01-01 不在合理范围内（考生年龄应为 10–100 周岁）' }]);
    const e = await callError(
      app,
      'candidates.create',
      { kind: 'school', name: '张伟', idNumber: '440524188001010014', phone: '13805351234', major: '物流管理', majorLevel: '高职专科', entryYear: 2025 },
      principal,
    );
    expect(e).toMatchObject({ code: 'VALIDATION', message: '身份证号中的出生日期 1880-01-01 不在合理范围内（考生年龄应为 10–100 周岁）' });
  });
});
