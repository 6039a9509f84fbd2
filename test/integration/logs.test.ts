import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR } from '../../src-shared/actor';
import { handlers } from '../../src-main/core/registry/handlers';
import { TEST_JOBS, writeRowsJob } from '../fixtures/job-kinds';
import { createLogger } from '../../src-main/logging/logger';
import { logFileName, logsDir } from '../../src-main/logging/log-files';
import { storePath } from '../../src-main/core/paths';
import type { AppInfo } from '../../src-shared/api/app';
import type { FileRef } from '../../src-shared/api/files';
import { addUser, call, callError, openApp, setUpApp } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

const ID_NUMBER = '37061120070312351X';
const PASSWORD = 'hunter2-Secret';
const log = createLogger('logs-test');
const fileLog = createLogger('logs-test', { fileOnly: true });

function todaysLog(dataDir: string): string {
  const file = join(logsDir(dataDir), logFileName(new Date()));
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the log file', () => {
  it('gets info and above in DATA_DIR/logs/examsite-YYYY-MM-DD.log even when EXAMSITE_LOG is silent', async () => {
    expect(process.env.EXAMSITE_LOG).toBe('silent');
    const app = await openApp();
    log.debug('a debug line');
    log.info('an info line');
    log.warn('a warning line');
    const text = todaysLog(app.dataDir);
    expect(text).toContain('INFO [app] 考点助手');
    expect(text).toMatch(/ INFO \[logs-test\] an info line\n/);
    expect(text).toMatch(/ WARN \[logs-test\] a warning line\n/);
    expect(text).not.toContain('a debug line');
    expect(logFileName(new Date('2026-03-11T16:30:00Z'))).toBe('examsite-2026-03-12.log');
  });

  it('leaves stderr to EXAMSITE_LOG as before, and stdout alone; the version line goes to the file only', async () => {
    const app = await openApp();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = vi.spyOn(process.stdout, 'write');
    vi.stubEnv('EXAMSITE_LOG', 'info');
    log.debug('quiet detail');
    log.info(`visible ${ID_NUMBER}`);
    fileLog.warn('for the file');
    vi.stubEnv('EXAMSITE_LOG', 'silent');
    log.error('silenced');
    vi.unstubAllEnvs();
    expect(stderr.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/ INFO \[logs-test\] visible 370611\*{5}351X\n$/)]);
    expect(stdout).not.toHaveBeenCalled();
    const text = todaysLog(app.dataDir);
    expect(text).toContain('WARN [logs-test] for the file');
    expect(text).toContain('ERROR [logs-test] silenced');
    expect(text).not.toContain('quiet detail');
  });

  it('never holds an ID number or a password, in the message, the extra or an error', async () => {
    const app = await openApp();
    const failure = Object.assign(new Error(`考生 ${ID_NUMBER} 的照片无法读取，password=${PASSWORD}`), { details: { idNumber: ID_NUMBER, currentPassword: PASSWORD } });
    log.error(`import of ${ID_NUMBER}.jpg failed {"password":"${PASSWORD}"}`, failure);
    log.warn('login attempt', {
      username: 'zhaoxz',
      password: PASSWORD,
      newPassword: PASSWORD,
      nested: { passwordHash: 'scrypt$131072$8$1$c2FsdA==$aGFzaA==', password_hash: PASSWORD, row: `身份证号：${ID_NUMBER.toLowerCase()}` },
      json: JSON.stringify({ idNumber: ID_NUMBER, password: PASSWORD }),
    });
    const text = todaysLog(app.dataDir);
    expect(text).toContain('import of 370611*****351X.jpg failed');
    expect(text).toContain('at '); // the error's stack is there
    expect(text).toContain('zhaoxz');
    expect(text).not.toContain(ID_NUMBER);
    expect(text.toUpperCase()).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('aGFzaA==');
  });

  it('holds the stack of an unexpected error that dispatch answers with "详情已写入日志"', async () => {
    const { app, principal } = await setUpApp();
    // A real failure below a handler: the store's connection gone under a running app.
    app.store.db.close();
    const error = await callError(app, 'institution.get', {}, principal);
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('详情已写入日志');
    const text = todaysLog(app.dataDir);
    expect(text).toMatch(/ERROR \[dispatch\] operation institution\.get failed TypeError: The database connection is not open\n\s+at /);
  });

  it('keeps the stack but not the ID number of an error thrown by a handler', async () => {
    const { app, principal } = await setUpApp();
    vi.spyOn(handlers, 'institution.get').mockImplementation(() => {
      throw new Error(`lookup of ${ID_NUMBER} broke: {"newPassword":"${PASSWORD}"}`);
    });
    expect((await callError(app, 'institution.get', {}, principal)).code).toBe('INTERNAL');
    const text = todaysLog(app.dataDir);
    expect(text).toMatch(/lookup of 370611\*{5}351X broke: \{"newPassword":"\[已隐去\]"\}\n\s+at .*logs\.test\.ts/);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PASSWORD);
  });

  it("takes a job worker's lines too", async () => {
    const workerEntry = pathToFileURL(join(import.meta.dirname, '../fixtures/job-worker.ts'));
    const app = await openApp({ jobs: { registry: TEST_JOBS, workerEntry } });
    const job = app.jobs.start(writeRowsJob, { rows: 20, throwAt: 5 }, { title: '测试写入', actor: SYSTEM_ACTOR, owner: null });
    const end = await app.jobs.wait(job.id);
    expect(end.error?.message).toContain('详情已写入日志');
    expect(todaysLog(app.dataDir)).toMatch(/ERROR \[job write-rows\] job failed Error: fixture failure\n\s+at .*job-kinds\.ts/);
  });

  it('holds the reason a data folder could not be opened', async () => {
    const dataDir = tempDir();
    writeFileSync(storePath(dataDir), 'not a database, but a file of the same name');
    await expect(openApp({ dataDir })).rejects.toThrow();
    expect(todaysLog(dataDir)).toMatch(/ERROR \[app\] could not open the store in .*\n\s+at /);
    log.warn('after the failed open');
    expect(todaysLog(dataDir)).not.toContain('after the failed open');
  });

  it('stops taking lines when the app closes', async () => {
    const app = await openApp();
    await app.close();
    log.warn('after close');
    expect(todaysLog(app.dataDir)).not.toContain('after close');
  });

  it('removes day files older than 14 days when the app starts, and nothing else', async () => {
    const dataDir = tempDir();
    const dir = logsDir(dataDir);
    mkdirSync(dir, { recursive: true });
    const day = (daysAgo: number) => logFileName(new Date(Date.now() - daysAgo * 86_400_000));
    for (const name of [day(15), day(30), day(14), day(1), 'notes.txt', 'examsite-old.log']) writeFileSync(join(dir, name), 'x\n');
    await openApp({ dataDir });
    expect(existsSync(join(dir, day(15)))).toBe(false);
    expect(existsSync(join(dir, day(30)))).toBe(false);
    for (const kept of [day(14), day(1), 'notes.txt', 'examsite-old.log', day(0)]) expect(existsSync(join(dir, kept)), kept).toBe(true);
  });
});

describe('app.exportLogs', () => {
  it('zips the day files for staff; app.info names the folder', async () => {
    const { app, principal } = await setUpApp();
    const yesterday = logFileName(new Date(Date.now() - 86_400_000));
    writeFileSync(join(app.logsDir, yesterday), 'yesterday\n');
    const info = await call<AppInfo>(app, 'app.info', {});
    expect(info.logsDir).toBe(join(app.dataDir, 'logs'));

    const coordinator = await addUser(app, principal, 'zhangwei', 'coordinator');
    for (const session of [principal, coordinator]) {
      const ref = await call<FileRef>(app, 'app.exportLogs', {}, session);
      expect(ref.name).toMatch(/^考点助手日志-\d{4}-\d{2}-\d{2}\.zip$/);
      const file = app.files.resolve(ref.fileId, { name: 'cli', id: null, role: null });
      expect(ref.size).toBe(readFileSync(file.path).length);
      const zip = await JSZip.loadAsync(readFileSync(file.path));
      expect(Object.keys(zip.files).sort()).toEqual([yesterday, logFileName(new Date())].sort());
      expect(await zip.file(logFileName(new Date()))!.async('string')).toContain('INFO [app] 考点助手');
      expect(await zip.file(yesterday)!.async('string')).toBe('yesterday\n');
    }
  });

  it('is refused to an invigilator', async () => {
    const { app, principal } = await setUpApp();
    const invigilator = await addUser(app, principal, 'wangfang', 'invigilator');
    expect((await callError(app, 'app.exportLogs', {}, invigilator)).code).toBe('FORBIDDEN');
  });
});
