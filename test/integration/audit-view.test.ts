import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Compilable } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditExportResult, AuditRow } from '../../src-shared/api/audit';
import type { CandidateImportPreview, CandidateRow } from '../../src-shared/api/candidates';
import type { Page } from '../../src-shared/api/contract';
import type { JobInfo } from '../../src-shared/api/jobs';
import type { PhotoImportReport } from '../../src-shared/api/photos';
import type { UserRow } from '../../src-shared/domain/account';
import { maskIdNumber } from '../../src-shared/domain/id-number';
import { openAndMigrate, type AppCore } from '../../src-main/core/app-core';
import { countQuery, pageIdsQuery } from '../../src-main/core/audit/audit-log';
import { ownSubjectsQuery } from '../../src-main/core/audit/audit-names';
import { fakePeople, type FakePerson } from '../../src-main/core/demo/fake-people';
import { MIGRATIONS } from '../../src-main/store/migrations';
import { personRow, SCHOOL_HEADERS, writeXlsx } from '../fixtures/candidate-sheets';
import { addPeople } from '../fixtures/candidates';
import { writeZip } from '../fixtures/package-fixtures';
import { photo } from '../fixtures/photo-fixtures';
import { call, callJob, setUpApp } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

const ACTOR = { name: 'principal', id: 1, role: 'principal' as const };
/** An ID number in full anywhere in a text: what the audit view must never hand out. */
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

function register(app: AppCore, path: string): string {
  return app.files.register(path, path.split('/').pop()!, ACTOR).fileId;
}

async function importSheet(app: AppCore, session: string, path: string): Promise<void> {
  const fileId = register(app, path);
  const preview = await callJob<CandidateImportPreview>(app, 'candidates.importPreview', { fileId, kind: 'school', mode: 'create' }, session);
  await callJob(app, 'candidates.importCommit', { fileId, kind: 'school', mode: 'create', fileHash: preview.fileHash }, session);
}

async function importPhotos(app: AppCore, session: string, path: string): Promise<void> {
  const fileId = register(app, path);
  const report = await callJob<PhotoImportReport>(app, 'photos.importPreview', { fileId, fix: false }, session);
  await callJob(app, 'photos.importCommit', { fileId, fileHash: report.fileHash, fix: false, replaceExisting: true }, session);
}

async function allEntries(app: AppCore, session: string, filter: Record<string, unknown> = {}): Promise<AuditEntry[]> {
  const items: AuditEntry[] = [];
  for (let page = 1; ; page++) {
    const p = await call<Page<AuditEntry>>(app, 'audit.list', { ...filter, page, pageSize: 20 }, session);
    items.push(...p.items);
    if (items.length >= p.total) return items;
  }
}

const rowsOf = (app: AppCore, session: string, id: number, search?: string) =>
  call<Page<AuditRow>>(app, 'audit.rows', { id, ...(search ? { search } : {}), page: 1, pageSize: 500 }, session);

/** People whose names are unlike each other's, so a search by one name finds that one alone. */
function distinctPeople(n: number, seed: number): FakePerson[] {
  const out: FakePerson[] = [];
  for (const p of fakePeople(n * 4, seed)) if (!out.some((o) => o.name.includes(p.name) || p.name.includes(o.name))) out.push(p);
  return out.slice(0, n);
}

const form = (p: FakePerson, patch: Partial<FakePerson> = {}) => ({
  kind: 'school' as const,
  name: p.name,
  idNumber: p.idNumber,
  phone: p.phone,
  major: p.major,
  majorLevel: p.majorLevel,
  entryYear: p.entryYear,
  ...patch,
});

describe('the audit log as the principal reads it', () => {
  it('names each entity as a person knows it and shows each change field by field, with Chinese labels', async () => {
    const { app, principal } = await setUpApp();
    await call(app, 'users.create', { username: 'zhangwei', displayName: '张伟', role: 'coordinator', password: 'staff-pass-1', phone: '13805351234' }, principal);
    const zhang = (await call<UserRow[]>(app, 'users.list', {}, principal)).find((u) => u.username === 'zhangwei')!;
    await call(app, 'users.update', { id: zhang.id, displayName: '张伟民' }, principal);
    const [a, b] = distinctPeople(2, 41) as [FakePerson, FakePerson];
    const ca = await call<CandidateRow>(app, 'candidates.create', form(a), principal);
    await call(app, 'candidates.update', { ...form(a, { phone: '13900000000' }), id: ca.id }, principal);
    const cb = await call<CandidateRow>(app, 'candidates.create', form(b), principal);
    await call(app, 'candidates.delete', { id: cb.id }, principal);
    await call(app, 'settings.update', { idleLockMinutes: 30 }, principal);

    const entries = await allEntries(app, principal);
    const one = (operation: string, pick: (e: AuditEntry) => boolean = () => true) => entries.find((e) => e.operation === operation && pick(e))!;

    expect(one('setup.create')).toMatchObject({ operationLabel: '首次设置：创建院校和负责人', entityTypeLabel: '院校', entityLabel: '烟台职业学院（4137014320）' });
    // An account by its name and username as they are now; the actor likewise.
    const created = one('users.create', (e) => e.entityId === String(zhang.id));
    expect(created).toMatchObject({ operationLabel: '新建账号', entityLabel: '张伟民（zhangwei）', actorLabel: '赵校长（principal）' });
    expect(created.changes).toEqual(
      expect.arrayContaining([
        { field: 'username', label: '用户名', before: null, after: 'zhangwei' },
        { field: 'displayName', label: '姓名', before: null, after: '张伟' },
        { field: 'role', label: '角色', before: null, after: '业务管理员' },
        { field: 'disabled', label: '已停用', before: null, after: '否' },
      ]),
    );
    // An update shows only what changed.
    expect(one('users.update').changes).toEqual([{ field: 'displayName', label: '姓名', before: '张伟', after: '张伟民' }]);
    expect(one('candidates.update')).toMatchObject({
      entityLabel: `${a.name}（${maskIdNumber(a.idNumber)}）`,
      changes: [{ field: 'phone', label: '手机号', before: a.phone, after: '13900000000' }],
      summary: `手机号：${a.phone} → 13900000000`,
    });
    // A deleted candidate is still named, from what the log recorded, and said to be gone.
    const gone = `${b.name}（${maskIdNumber(b.idNumber)}，已删除）`;
    expect(one('candidates.create', (e) => e.entityId === String(cb.id)).entityLabel).toBe(gone);
    const deleted = one('candidates.delete');
    expect(deleted.entityLabel).toBe(gone);
    expect(deleted.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', label: '姓名', before: b.name, after: null },
        { field: 'idNumber', label: '身份证号', before: maskIdNumber(b.idNumber), after: null },
        { field: 'major', label: '专业', before: b.major, after: null },
        { field: 'realnameStatus', label: '实名认证', before: '未认证', after: null },
      ]),
    );
    expect(one('settings.update')).toMatchObject({
      entityLabel: '系统设置',
      changes: [{ field: 'idleLockMinutes', label: '空闲自动锁定（分钟）', before: '15', after: '30' }],
    });
    expect(JSON.stringify(entries)).not.toMatch(FULL_ID);
  });

  it('writes one entry per import with its rows inside, and finds a candidate in it by name or part of the ID number', { timeout: 120_000 }, async () => {
    const { app, principal } = await setUpApp();
    const people = distinctPeople(4, 52);
    const [a, b, c, d] = people as [FakePerson, FakePerson, FakePerson, FakePerson];
    const dir = tempDir();
    await writeXlsx(join(dir, '第一批.xlsx'), [SCHOOL_HEADERS, personRow(a), personRow(b), personRow(c)]);
    await importSheet(app, principal, join(dir, '第一批.xlsx'));
    // The second file: b's phone changed, a unchanged, d new.
    await writeXlsx(join(dir, '第二批.xlsx'), [SCHOOL_HEADERS, personRow(a), personRow({ ...b, phone: '13900000000' }), personRow(d)]);
    await importSheet(app, principal, join(dir, '第二批.xlsx'));
    await writeZip(join(dir, '照片.zip'), [
      { name: `${b.idNumber}.jpg`, data: await photo(b.idNumber) },
      { name: `${d.idNumber}.jpg`, data: await photo(d.idNumber) },
    ]);
    await importPhotos(app, principal, join(dir, '照片.zip'));
    await call(
      app,
      'candidates.update',
      {
        ...form(c, { major: '软件技术', majorLevel: '高职专科' }),
        id: (await call<{ rows: CandidateRow[] }>(app, 'candidates.list', { kind: 'school', search: c.name }, principal)).rows[0]!.id,
      },
      principal,
    );

    const ops = app.store.db
      .prepare("SELECT operation FROM audit_log WHERE operation NOT LIKE 'auth.%' AND operation NOT IN ('setup.create', 'users.create') ORDER BY id")
      .pluck()
      .all();
    expect(ops).toEqual(['candidates.import', 'candidates.import', 'photos.import', 'candidates.update']);

    const entries = await allEntries(app, principal);
    const [photos, second, first] = entries.filter((e) => e.rowCount > 0);
    expect(first).toMatchObject({ operationLabel: '导入考生', entityLabel: '第一批.xlsx', rowCount: 3, summary: '新增 3，更新 0，未变 0，退回 0' });
    expect(first!.changes).toEqual(
      expect.arrayContaining([
        { field: 'file', label: '文件', before: null, after: '第一批.xlsx' },
        { field: 'mode', label: '方式', before: null, after: '批量导入' },
      ]),
    );
    expect(second).toMatchObject({ entityLabel: '第二批.xlsx', rowCount: 2, summary: '新增 1，更新 1，未变 1，退回 0' });
    expect(photos).toMatchObject({ operationLabel: '导入考生照片', entityLabel: '照片.zip', rowCount: 2 });

    const person = (p: FakePerson) => `${p.name}（${maskIdNumber(p.idNumber)}）`;
    expect((await rowsOf(app, principal, first!.id)).items).toEqual([a, b, c].map((p) => ({ entity: '考生', title: person(p), status: '新增', changes: [] })));
    expect((await rowsOf(app, principal, second!.id)).items).toEqual([
      { entity: '考生', title: person(b), status: '修改', changes: [{ field: '手机号', label: '手机号', before: b.phone, after: '13900000000' }] },
      { entity: '考生', title: person(d), status: '新增', changes: [] },
    ]);
    expect((await rowsOf(app, principal, photos!.id)).items.map((r) => [r.entity, r.title, r.status])).toEqual([
      ['照片', person(b), '新增'],
      ['照片', person(d), '新增'],
    ]);

    // By name: the entries about b (both imports hold b, and the photo import).
    const byName = await allEntries(app, principal, { search: b.name });
    expect(byName.map((e) => e.id)).toEqual([photos!.id, second!.id, first!.id]);
    expect((await rowsOf(app, principal, second!.id, b.name)).items.map((r) => r.title)).toEqual([person(b)]);
    // By part of the ID number: c is in the first import and has an entry of its own.
    const byId = await allEntries(app, principal, { search: c.idNumber.slice(-8) });
    expect(byId.map((e) => e.operation)).toEqual(['candidates.update', 'candidates.import']);
    expect(byId[0]!.entityLabel).toBe(person({ ...c }));
    expect((await rowsOf(app, principal, first!.id, c.idNumber.slice(-8))).items.map((r) => r.title)).toEqual([person(c)]);
    // The other filters narrow a search further.
    expect((await allEntries(app, principal, { search: b.name, entityType: 'photo-import' })).map((e) => e.id)).toEqual([photos!.id]);
    expect(await allEntries(app, principal, { search: b.name, operation: 'candidates.update' })).toEqual([]);
    expect(await allEntries(app, principal, { search: '没有这个人' })).toEqual([]);
  });

  it('finds an account by username or name: the entries about it, not the ones it made', async () => {
    const { app, principal } = await setUpApp();
    await call(app, 'users.create', { username: 'liuyang', displayName: '刘洋', role: 'coordinator', password: 'staff-pass-1' }, principal);
    const liu = (await call<UserRow[]>(app, 'users.list', {}, principal)).find((u) => u.username === 'liuyang')!;
    await call(app, 'users.update', { id: liu.id, phone: '13805351234' }, principal);
    const { sessionToken } = await call<{ sessionToken: string }>(app, 'auth.login', { username: 'liuyang', password: 'staff-pass-1' });
    const [p] = distinctPeople(1, 63) as [FakePerson];
    await call(app, 'candidates.create', form(p), sessionToken);

    for (const search of ['liuyang', '刘洋', 'LiuYang']) {
      const found = await allEntries(app, principal, { search });
      expect(
        found.map((e) => e.operation),
        search,
      ).toEqual(['auth.login', 'users.update', 'users.create']);
      expect(new Set(found.map((e) => e.entityLabel))).toEqual(new Set(['刘洋（liuyang）']));
    }
    // What the account did is the actor filter's.
    const made = await allEntries(app, principal, { actor: 'liuyang' });
    expect(made.map((e) => [e.operation, e.actorLabel])).toEqual([
      ['candidates.create', '刘洋（liuyang）'],
      ['auth.login', '刘洋（liuyang）'],
    ]);
    const facets = await call<{ actors: { value: string; label: string }[] }>(app, 'audit.facets', {}, principal);
    expect(facets.actors).toEqual(expect.arrayContaining([{ value: 'liuyang', label: '刘洋（liuyang）' }]));
  });

  it('exports the current view as an xlsx: Beijing times, Chinese columns, an import’s rows on their own sheet, masked', { timeout: 120_000 }, async () => {
    // 16:30 UTC is half past midnight the next day in Beijing.
    const { app, principal } = await setUpApp({ now: () => new Date('2026-03-01T16:30:00Z') });
    const [a, b] = distinctPeople(2, 74) as [FakePerson, FakePerson];
    const dir = tempDir();
    await writeXlsx(join(dir, '名单.xlsx'), [SCHOOL_HEADERS, personRow(a), personRow(b)]);
    await importSheet(app, principal, join(dir, '名单.xlsx'));
    const id = (await call<{ rows: CandidateRow[] }>(app, 'candidates.list', { kind: 'school', search: a.name }, principal)).rows[0]!.id;
    await call(app, 'candidates.update', { ...form(a, { phone: '13900000000' }), id }, principal);

    const view = await allEntries(app, principal, { search: a.name });
    expect(view.map((e) => e.operation)).toEqual(['candidates.update', 'candidates.import']);
    const result = await callJob<AuditExportResult>(app, 'audit.export', { search: a.name }, principal);
    expect(result.count).toBe(2);
    const job = (await call<JobInfo[]>(app, 'jobs.list', {}, principal)).find((j) => j.kind === 'audit-export')!;
    const file = await call<{ fileId: string }>(app, 'jobs.file', { id: job.id, key: result.exportFile }, principal);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(app.files.resolve(file.fileId, ACTOR).path);
    const sheet = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      return ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))] : []));
    };
    const [header, ...rows] = sheet('审计日志');
    expect(header).toEqual(['时间', '操作人', '操作', '对象', '修改内容']);
    expect(rows).toEqual([
      ['2026-03-02 00:30:00', '赵校长（principal）', '修改考生', `${a.name}（${maskIdNumber(a.idNumber)}）`, `手机号：${a.phone} → 13900000000`],
      [expect.stringMatching(/^2026-03-02 00:3\d:\d\d$/), '赵校长（principal）', '导入考生', '名单.xlsx', expect.stringContaining('结果：新增 2，更新 0')],
    ]);
    const [detailHeader, ...details] = sheet('导入明细');
    expect(detailHeader).toEqual(['时间', '操作', '导入', '对象', '改动', '修改内容']);
    // Searching for a, the import's rows about a alone, as the page shows them.
    expect(details.map((r) => r.slice(1, 5))).toEqual([['导入考生', '名单.xlsx', `考生 ${a.name}（${maskIdNumber(a.idNumber)}）`, '新增']]);
    expect(JSON.stringify([rows, details])).not.toMatch(FULL_ID);
  });
});

describe('the audit log of an older version', () => {
  it('reads what older versions wrote (an entry per row, ID numbers in keys), masked, and finds it by a candidate once migrated', async () => {
    const dir = tempDir();
    // Every migration before the one that indexes the entries' subjects.
    const old = await openAndMigrate(
      dir,
      MIGRATIONS.slice(
        0,
        MIGRATIONS.findIndex((m) => m.name === 'audit-subjects'),
      ),
    );
    const [a, b, c] = distinctPeople(3, 85) as [FakePerson, FakePerson, FakePerson];
    addPeople(old, [a, b]);
    const idOf = (p: FakePerson) => String(old.db.prepare('SELECT id FROM candidates WHERE id_number = ?').pluck().get(p.idNumber));
    const insert = old.db.prepare(
      "INSERT INTO audit_log (at, actor, actor_id, actor_role, operation, entity_type, entity_id, before_json, after_json) VALUES ('2026-03-01T08:00:00.000Z', 'cli', NULL, NULL, ?, ?, ?, ?, ?)",
    );
    const j = (v: unknown) => (v === null ? null : JSON.stringify(v));
    const realnameRow = {
      kind: 'realname-results',
      entity: '实名认证',
      key: `realname:${a.idNumber}`,
      title: `${a.name}（${maskIdNumber(a.idNumber)}）`,
      status: 'changed',
      changes: [{ field: '认证状态', old: '未认证', new: '已认证' }],
    };
    old.tx(() => {
      insert.run(
        'candidates.import',
        'candidate-import',
        '名单.xlsx',
        null,
        j({ file: '名单.xlsx', kind: 'school', mode: 'create', counts: { new: 2 }, added: [a.idNumber, b.idNumber] }),
      );
      insert.run('candidates.update', 'candidate', idOf(a), j({ 手机号: a.phone }), j({ 手机号: '13900000000' }));
      insert.run(
        'photos.replace',
        'candidate',
        idOf(b),
        j({ sha256: 'ab', size: 1000, format: 'jpeg' }),
        j({ sha256: 'cd', size: 2048, format: 'jpeg', file: `${b.idNumber}.jpg` }),
      );
      insert.run('packages.import', 'package', '7', null, j({ file: '回执.zip', sequence: 3, kinds: ['realname-results'], counts: {}, changes: [realnameRow] }));
      insert.run('candidates.delete', 'candidate', '999', j({ name: c.name, idNumber: c.idNumber, phone: c.phone }), null);
      insert.run('realname.import', 'realname', `realname:${a.idNumber}`, null, j({ note: `${a.idNumber.toLowerCase()} 已认证` }));
    });
    old.close();

    const { app, principal } = await setUpApp({ dataDir: dir });
    const entries = (await allEntries(app, principal)).filter((e) => e.actor === 'cli');
    const rows = await Promise.all(entries.filter((e) => e.rowCount > 0).map((e) => rowsOf(app, principal, e.id)));
    expect(JSON.stringify([entries, rows])).not.toMatch(FULL_ID);

    const person = (p: FakePerson) => `${p.name}（${maskIdNumber(p.idNumber)}）`;
    const by = (operation: string) => entries.find((e) => e.operation === operation)!;
    expect(by('candidates.update')).toMatchObject({ entityLabel: person(a), changes: [{ label: '手机号', before: a.phone, after: '13900000000' }] });
    expect(by('photos.replace')).toMatchObject({
      entityLabel: person(b),
      changes: [
        { label: '照片指纹', before: 'ab', after: 'cd' },
        { label: '文件大小', before: '1000 B', after: '2.0 KB' },
        { label: '照片文件', before: null, after: `${maskIdNumber(b.idNumber)}.jpg` },
      ],
    });
    expect(by('candidates.delete').entityLabel).toBe(`${c.name}（${maskIdNumber(c.idNumber)}，已删除）`);
    expect(by('realname.import')).toMatchObject({ entityId: `realname:${maskIdNumber(a.idNumber)}`, entityLabel: `realname:${maskIdNumber(a.idNumber)}` });
    expect(by('packages.import')).toMatchObject({ entityLabel: '第 3 号数据包：实名认证结果', rowCount: 1 });
    expect((await rowsOf(app, principal, by('packages.import').id)).items).toEqual([
      { entity: '实名认证', title: person(a), status: '修改', changes: [{ field: '认证状态', label: '认证状态', before: '未认证', after: '已认证' }] },
    ]);
    expect((await rowsOf(app, principal, by('candidates.import').id)).items.map((r) => [r.title, r.status])).toEqual([
      [person(a), '新增'],
      [person(b), '新增'],
    ]);

    const found = async (search: string) => (await allEntries(app, principal, { search })).map((e) => e.operation);
    expect(await found(a.name)).toEqual(['realname.import', 'packages.import', 'candidates.update', 'candidates.import']);
    expect(await found(b.idNumber.slice(-6))).toEqual(['photos.replace', 'candidates.import']);
    expect(await found(c.name)).toEqual(['candidates.delete']);
  });
});

describe('audit log queries', () => {
  it('answer a search through the people searched for and an index, never by reading the whole log; each filter from its index', async () => {
    const store = await openAndMigrate(tempDir());
    try {
      const plan = (query: Compilable<unknown>) => {
        const { sql, parameters } = query.compile();
        return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((r) => r.detail).join(' | ');
      };
      const month = { from: '2026-03-01', to: '2026-03-31' };
      for (const extra of [{}, { actor: 'zhaoxz' }, { operation: 'candidates.update' }, { entityType: 'candidate' }, month]) {
        const f = { search: '张', ...extra };
        for (const query of [pageIdsQuery(store.q, f, { limit: 50, offset: 50 }), pageIdsQuery(store.q, f, { limit: 500, below: 1000 }), countQuery(store.q, f)]) {
          const p = plan(query);
          // One row per person (audit_people), then their entries by primary keys.
          expect(p, JSON.stringify(f)).toMatch(/SCAN p\b/);
          expect(p, JSON.stringify(f)).toMatch(/SEARCH r USING PRIMARY KEY \(subject=\?\)/);
          expect(p, JSON.stringify(f)).toMatch(/SEARCH audit_log USING INTEGER PRIMARY KEY/);
          expect(p, JSON.stringify(f)).not.toMatch(/SCAN (audit_log|r)\b/);
        }
      }
      // A page's ids come from the filter's index, a page of rows by their ids.
      const index = (f: Record<string, string>) => plan(pageIdsQuery(store.q, f, { limit: 50 }));
      expect(index({ actor: 'zhaoxz' })).toMatch(/USING COVERING INDEX audit_log_actor_at/);
      expect(index({ operation: 'users.update' })).toMatch(/USING COVERING INDEX audit_log_operation_at/);
      expect(index({ entityType: 'candidate' })).toMatch(/USING COVERING INDEX audit_log_entity/);
      expect(index(month)).toMatch(/USING COVERING INDEX audit_log_at/);
      expect(plan(countQuery(store.q, { operation: 'users.update' }))).toMatch(/USING COVERING INDEX audit_log_operation_at/);
      // A page's own subjects (its entries' candidates and accounts) by the partial index, not a pass over every ref.
      expect(plan(ownSubjectsQuery(store.q, [1, 2, 3]))).toMatch(/SEARCH audit_refs USING COVERING INDEX audit_refs_own \(audit_id=\?\)/);
    } finally {
      store.close();
    }
  });
});
