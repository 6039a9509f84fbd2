import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { institutionStamp } from '../../src-shared/domain/institution-time';
import type { BackupFileInfo, BackupInfo, BackupResult, RestoreResult } from '../../src-shared/api/backup';
import type { FileRef } from '../../src-shared/api/files';
import { openAndMigrate, type AppCore } from '../../src-main/core/app-core';
import { backupDir, copyDatabase } from '../../src-main/store/backup';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src-main/store/migrations';
import { refusedBackupFiles } from '../fixtures/backup-fixtures';
import { addUser, call, callError, callJob, callJobError, LOGIN, setUpApp } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

/** As backup file names spell the time: the institution's, to the second. */
const stamp = institutionStamp;

const PRINCIPAL_ACTOR = { name: 'principal', id: 1, role: 'principal' as const };

function upload(app: AppCore, path: string): string {
  return app.files.register(path, path.split('/').pop()!, PRINCIPAL_ACTOR).fileId;
}

async function backupOf(app: AppCore, principal: string): Promise<string> {
  const b = await callJob<BackupResult>(app, 'backup.create', {}, principal);
  return join(backupDir(app.dataDir), b.name);
}

/** What a refused restore must leave alone: the data, the backup list and the session. */
function snapshot(app: AppCore) {
  return {
    settings: app.store.db.prepare('SELECT * FROM settings ORDER BY key').all(),
    audit: app.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
    backups: readdirSync(backupDir(app.dataDir)).sort(),
  };
}

describe('backups off the PC', () => {
  it('writes a new backup to a chosen folder, the same file as in the list', async () => {
    const { app, principal } = await setUpApp();
    const usb = tempDir('usb-');
    const r = await callJob<BackupResult>(app, 'backup.create', { folder: usb }, principal);
    expect(r.path).toBe(join(usb, r.name));
    expect(readFileSync(r.path!).equals(readFileSync(join(backupDir(app.dataDir), r.name)))).toBe(true);
    expect(readdirSync(usb)).toEqual([r.name]);
    const audit = app.store.db.prepare("SELECT after_json FROM audit_log WHERE operation = 'backup.create'").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ name: r.name, path: r.path });

    // Without a folder, the result has no path (the list is where it lives).
    expect(await callJob<BackupResult>(app, 'backup.create', {}, principal)).not.toHaveProperty('path');
  });

  it('refuses a folder that is missing, relative or a file before starting, with the folder named', async () => {
    const { app, principal } = await setUpApp();
    const missing = join(tempDir(), '不存在');
    expect(await callJobError(app, 'backup.create', { folder: missing }, principal)).toMatchObject({ code: 'VALIDATION', message: `文件夹 ${missing} 不存在。` });
    expect((await callJobError(app, 'backup.create', { folder: 'usb' }, principal)).message).toContain('请填写完整的文件夹路径');
    const backups = await backupOf(app, principal);
    expect((await callJobError(app, 'backup.create', { folder: backups }, principal)).message).toBe(`${backups} 不是文件夹。`);
    expect(existsSync(missing)).toBe(false);
  });

  it('keeps the backup in the list when the folder cannot take it, and leaves nothing there that looks finished', async () => {
    const { app, principal } = await setUpApp();
    const usb = tempDir('usb-');
    // Every name the copy could need in the next minute is taken by a folder: the rename at the end fails.
    const taken = Array.from({ length: 90 }, (_, i) => `examsite-${stamp(new Date(Date.now() + i * 1000))}-manual.db`);
    for (const name of taken) mkdirSync(join(usb, name, 'x'), { recursive: true });
    const e = await callJobError(app, 'backup.create', { folder: usb }, principal);
    const [listed] = await call<BackupInfo[]>(app, 'backup.list', {}, principal);
    expect(e.message).toContain(`备份 ${listed!.name} 已保存在数据目录的 backups 文件夹中，但没能写到文件夹：写入 ${join(usb, listed!.name)} 失败`);
    expect(readdirSync(usb).sort()).toEqual(taken.sort());
  });

  it('offers a listed backup for download, principal only, and audits it', async () => {
    const { app, principal } = await setUpApp();
    const coordinator = await addUser(app, principal, 'zhangwei', 'coordinator');
    const path = await backupOf(app, principal);
    const name = path.split('/').pop()!;
    const ref = await call<FileRef>(app, 'backup.file', { name }, principal);
    expect(ref).toMatchObject({ name, size: readFileSync(path).length });
    expect(app.files.resolve(ref.fileId, PRINCIPAL_ACTOR).path).toBe(path);
    expect(app.store.db.prepare("SELECT entity_id FROM audit_log WHERE operation = 'backup.file'").pluck().all()).toEqual([name]);

    expect((await callError(app, 'backup.file', { name }, coordinator)).code).toBe('FORBIDDEN');
    expect((await callError(app, 'backup.file', { name: '../examsite.db' }, principal)).code).toBe('VALIDATION');
    expect((await callError(app, 'backup.file', { name: 'examsite-20200101T000000-manual.db' }, principal)).code).toBe('NOT_FOUND');
  });
});

describe('restore from a backup file', () => {
  it('checks the file, then restores it through the safety backup, logging everyone out', async () => {
    const { app, principal } = await setUpApp();
    await call(app, 'settings.update', { idleLockMinutes: 20 }, principal);
    const carried = join(tempDir('usb-'), '考点备份.db');
    await copyDatabase(await backupOf(app, principal), carried);
    await call(app, 'settings.update', { idleLockMinutes: 45 }, principal);

    const fileId = upload(app, carried);
    const info = await call<BackupFileInfo>(app, 'backup.checkFile', { fileId }, principal);
    expect(info).toMatchObject({
      fileName: '考点备份.db',
      schemaVersion: LATEST_SCHEMA_VERSION,
      institution: { code: '4137014320', name: '烟台职业学院' },
      otherInstitution: false,
    });
    expect(info.lastChangeAt).toMatch(/^\d{4}-/);

    expect((await callError(app, 'backup.restoreFile', { fileId }, principal)).code).toBe('VALIDATION');
    const r = await call<RestoreResult>(app, 'backup.restoreFile', { fileId, confirm: true }, principal);
    expect(r.restored.reason).toBe('导入');
    expect(r.safety.reason).toBe('恢复前');
    expect((await callError(app, 'settings.get', {}, principal)).code).toBe('UNAUTHENTICATED');
    const again = (await call<{ sessionToken: string }>(app, 'auth.login', LOGIN)).sessionToken;
    expect(await call(app, 'settings.get', {}, again)).toMatchObject({ idleLockMinutes: 20 });
    const listed = await call<BackupInfo[]>(app, 'backup.list', {}, again);
    expect(listed.map((b) => b.reason).sort()).toEqual(['导入', '恢复前', '手动'].sort());
    const audit = app.store.db.prepare("SELECT after_json FROM audit_log WHERE operation = 'backup.restoreFile'").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ name: r.restored.name, uploadedAs: '考点备份.db' });
    // The file the person carried is untouched.
    expect(existsSync(carried)).toBe(true);
  });

  it('refuses every file that is not a whole examsite store of this version, naming it, and writes nothing', async () => {
    const { app, principal } = await setUpApp();
    const coordinator = await addUser(app, principal, 'zhangwei', 'coordinator');
    const dir = tempDir('bad-');
    const files = await refusedBackupFiles(await backupOf(app, principal), dir);
    const before = snapshot(app);
    const expected: Record<string, RegExp> = {
      scrambled: /已损坏/,
      text: /不是 SQLite 数据库/,
      empty: /是空的/,
      zip: /是 ZIP 压缩包/,
      halfCopied: /不完整/,
      lastPageCut: /不完整/,
      oneByteShort: /不完整/,
      other: /不是考点助手的数据备份/,
      newer: /来自更新版本的考点助手（结构版本 \d+/,
    };
    expect(Object.keys(files).sort()).toEqual(Object.keys(expected).sort());
    for (const [what, path] of Object.entries(files)) {
      const name = path.split('/').pop()!;
      const fileId = upload(app, path);
      const checked = await callError(app, 'backup.checkFile', { fileId }, principal);
      const restored = await callError(app, 'backup.restoreFile', { fileId, confirm: true }, principal);
      for (const e of [checked, restored]) {
        expect(e.code, what).toBe(what === 'newer' ? 'STATE' : 'BAD_FILE');
        expect(e.message, what).toMatch(expected[what]!);
        expect(e.message, what).toContain(`“${name}”`);
        // Chinese for the person, not SQLite's English.
        expect(e.message, what).not.toMatch(/[a-z]{4,}/);
      }
    }
    expect(snapshot(app)).toEqual(before);
    expect(await call(app, 'institution.get', {}, principal)).toMatchObject({ code: '4137014320' });
    expect((await callError(app, 'backup.checkFile', { fileId: upload(app, files.text!) }, coordinator)).code).toBe('FORBIDDEN');
  });

  it('restores an older version’s backup and migrates it; says when it is another institution’s', async () => {
    const { app, principal } = await setUpApp();
    // A store at the previous schema version, of another school.
    const oldDir = tempDir('old-');
    const old = await openAndMigrate(oldDir, MIGRATIONS.slice(0, LATEST_SCHEMA_VERSION - 1));
    old.db
      .prepare(
        "INSERT INTO institution (id, code, name, province, city, district, created_at, updated_at) VALUES (1, '4137000001', '另一所学院', '山东省', '烟台市', '莱山区', ?, ?)",
      )
      .run(new Date().toISOString(), new Date().toISOString());
    const file = join(oldDir, '旧版备份.db');
    await old.db.backup(file);
    old.close();

    const fileId = upload(app, file);
    expect(await call<BackupFileInfo>(app, 'backup.checkFile', { fileId }, principal)).toMatchObject({
      schemaVersion: LATEST_SCHEMA_VERSION - 1,
      institution: { code: '4137000001', name: '另一所学院' },
      otherInstitution: true,
      lastChangeAt: null,
    });
    await call(app, 'backup.restoreFile', { fileId, confirm: true }, principal);
    expect(app.store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(app.store.db.prepare('SELECT name FROM institution').pluck().get()).toBe('另一所学院');
  });
});
