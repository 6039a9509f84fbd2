import { LATEST_SCHEMA_VERSION } from '../../src-main/store/migrations';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../src-shared/api/backup';
import type { JobInfo } from '../../src-shared/api/jobs';
import { backupDir } from '../../src-main/store/backup';
import { refusedBackupFiles } from '../fixtures/backup-fixtures';
import { addUser, call, callError, callJob, LOGIN, setUpApp } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

describe('backup and restore', () => {
  it('backs up as a job with progress, lists it, and restores it after a confirmation', async () => {
    const { app, principal } = await setUpApp();
    await call(app, 'settings.update', { idleLockMinutes: 20 }, principal);
    const events: JobInfo[] = [];
    app.jobs.on('job', (j) => events.push(j));

    const job = await call<JobInfo>(app, 'backup.create', {}, principal);
    const done = await app.jobs.wait(job.id);
    expect(done.state).toBe('done');
    expect(events.some((e) => e.progress.phase === '复制数据页' && e.progress.total > 0)).toBe(true);

    const [backup] = await call<BackupInfo[]>(app, 'backup.list', {}, principal);
    expect(backup).toMatchObject({ reason: '手动', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(backup!.size).toBeGreaterThan(0);

    await call(app, 'settings.update', { idleLockMinutes: 45 }, principal);
    expect((await callError(app, 'backup.restore', { name: backup!.name }, principal)).code).toBe('VALIDATION');

    const result = await call<{ safety: BackupInfo }>(app, 'backup.restore', { name: backup!.name, confirm: true }, principal);
    expect(result.safety.reason).toBe('恢复前');
    // Everyone logs in again; the data is the backup's.
    expect((await callError(app, 'settings.get', {}, principal)).code).toBe('UNAUTHENTICATED');
    const again = (await call<{ sessionToken: string }>(app, 'auth.login', LOGIN)).sessionToken;
    expect(await call(app, 'settings.get', {}, again)).toMatchObject({ idleLockMinutes: 20 });

    // The restore itself can be undone from the safety copy.
    await call(app, 'backup.restore', { name: result.safety.name, confirm: true }, again);
    const third = (await call<{ sessionToken: string }>(app, 'auth.login', LOGIN)).sessionToken;
    expect(await call(app, 'settings.get', {}, third)).toMatchObject({ idleLockMinutes: 45 });
  });

  it('refuses a damaged backup, a missing one and a path outside the folder, changing nothing', async () => {
    const { app, principal } = await setUpApp();
    const name = 'examsite-20260101T000000-manual.db';
    mkdirSync(backupDir(app.dataDir), { recursive: true });
    writeFileSync(join(backupDir(app.dataDir), name), 'garbage'.repeat(1000));
    const damaged = await callError(app, 'backup.restore', { name, confirm: true }, principal);
    expect(damaged.code).toBe('BAD_FILE');
    expect((await callError(app, 'backup.restore', { name: 'examsite-20260101T000000-manual-2.db', confirm: true }, principal)).code).toBe('NOT_FOUND');
    expect((await callError(app, 'backup.restore', { name: '../examsite.db', confirm: true }, principal)).code).toBe('VALIDATION');
    // Still logged in, data intact.
    expect(await call(app, 'institution.get', {}, principal)).toMatchObject({ code: '4137014320' });
  });

  it('refuses a listed backup cut short by a byte, or another program’s database with an institution table', async () => {
    const { app, principal } = await setUpApp();
    const good = join(backupDir(app.dataDir), (await callJob<BackupInfo>(app, 'backup.create', {}, principal)).name);
    const files = await refusedBackupFiles(good, tempDir());
    for (const [what, reason] of [
      ['oneByteShort', 'manual'],
      ['other', 'cli'],
    ] as const) {
      const name = `examsite-20260101T000000-${reason}.db`;
      copyFileSync(files[what]!, join(backupDir(app.dataDir), name));
      const e = await callError(app, 'backup.restore', { name, confirm: true }, principal);
      expect(e.code, what).toBe('BAD_FILE');
      expect(e.message, what).toContain(name);
    }
    expect(await call(app, 'institution.get', {}, principal)).toMatchObject({ code: '4137014320' });
  });

  it("keeps one account's job from another: seen and cancelled only by its owner or the principal", async () => {
    const { app, principal } = await setUpApp();
    const coordinator = await addUser(app, principal, 'zhangwei', 'coordinator');
    const job = await call<JobInfo>(app, 'backup.create', {}, principal);
    expect((await callError(app, 'jobs.cancel', { id: job.id }, coordinator)).code).toBe('FORBIDDEN');
    expect((await callError(app, 'jobs.get', { id: job.id }, coordinator)).code).toBe('FORBIDDEN');
    expect(await call(app, 'jobs.list', {}, coordinator)).toEqual([]);
    expect((await call<JobInfo[]>(app, 'jobs.list', {}, principal)).map((j) => j.id)).toContain(job.id);
    await app.jobs.wait(job.id);
  });
});
