import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAndMigrate } from '../../src-main/core/app-core';
import { SYSTEM_ACTOR } from '../../src-shared/actor';
import type { JobWorkerData, WorkerMessage } from '../../src-main/jobs/protocol';
import { storePath } from '../../src-main/core/paths';
import { listBackups } from '../../src-main/store/backup';
import { buildMain } from '../../scripts/build-main';
import type { PaymentOrderDetail } from '../../src-shared/api/payments';
import { paymentApp, setStandardFees } from '../fixtures/payment-fixtures';
import { statsApp } from '../fixtures/stats-fixtures';
import { call } from '../helpers/app';
import { INIT_ARGS, ROOT } from '../helpers/cli';
import { pdfImageCount } from '../helpers/pdf';
import { tempDir } from '../helpers/temp-dir';

/** What Electron runs is the bundle, not the sources: the bundled job worker must work in plain Node. */
describe('the Electron bundles', () => {
  beforeAll(() => buildMain(), 120_000);

  it('builds main, preload, the job worker and the command line', () => {
    for (const f of ['main.mjs', 'preload.cjs', 'job-worker.mjs', 'cli.mjs']) expect(existsSync(join(ROOT, 'dist/main', f)), f).toBe(true);
  });

  it('runs the bundled command line (what npm start -- --browser serves from): init, then an xlsx export with exceljs loaded on first use', () => {
    const dataDir = tempDir();
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'dist/main/cli.mjs'), ...args, '--data-dir', dataDir], {
        encoding: 'utf8',
        env: { ...process.env, EXAMSITE_LOG: 'warn', EXAMSITE_PASSWORD: 'principal-pass-1' },
      });
    const init = run(['init', ...INIT_ARGS, '--username', 'zhaoxz', '--display-name', '赵校长']);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr).toContain('已创建院校 烟台职业学院');
    const out = join(tempDir(), 'candidates.xlsx');
    const exported = run(['candidates', 'export', '--out', out]);
    expect(exported.status, exported.stderr).toBe(0);
    // An xlsx is a ZIP: its first bytes say so.
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('runs a backup job in the bundled worker', async () => {
    const dataDir = tempDir();
    (await openAndMigrate(dataDir)).close();
    const worker = new Worker(join(ROOT, 'dist/main/job-worker.mjs'), {
      workerData: {
        kind: 'backup',
        input: { reason: 'manual' },
        dataDir,
        storePath: storePath(dataDir),
        actor: SYSTEM_ACTOR,
        cancelFlag: new SharedArrayBuffer(4),
        nowOffsetMs: 0,
      } satisfies JobWorkerData,
    });
    const message = await new Promise<WorkerMessage>((resolve, reject) => {
      worker.on('message', (m: WorkerMessage) => m.type !== 'progress' && resolve(m));
      worker.on('error', reject);
    });
    await worker.terminate();
    expect(message).toMatchObject({ type: 'done', result: { reason: '手动' } });
    expect(listBackups(dataDir)).toHaveLength(1);
  });

  it('prints a payment order in the bundled worker: pdfmake and the npm CJK font outside the sources', { timeout: 180_000 }, async () => {
    const { app, principal, plans, basic, middle } = await paymentApp(2);
    await setStandardFees(app, principal, { basic, middle });
    const order = await call<PaymentOrderDetail>(app, 'payments.create', { planCode: plans.logistics, basis: 'certificate' }, principal);
    const worker = new Worker(join(ROOT, 'dist/main/job-worker.mjs'), {
      workerData: {
        kind: 'payment-order-pdf',
        input: { orderId: order.id },
        dataDir: app.dataDir,
        storePath: storePath(app.dataDir),
        actor: SYSTEM_ACTOR,
        cancelFlag: new SharedArrayBuffer(4),
        nowOffsetMs: 0,
      } satisfies JobWorkerData,
    });
    const message = await new Promise<WorkerMessage>((resolve, reject) => {
      worker.on('message', (m: WorkerMessage) => m.type !== 'progress' && resolve(m));
      worker.on('error', reject);
    });
    await worker.terminate();
    expect(message).toMatchObject({ type: 'done', result: { orderNo: order.orderNo } });
    const pdf = (message as { files: Record<string, string> }).files.pdf!;
    expect(spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout).toContain(order.orderNo);
  });

  it('draws the statistics report in the bundled worker: echarts server-side, the letters outlined with pdfkit’s fontkit', { timeout: 180_000 }, async () => {
    const { app, plan } = await statsApp();
    const worker = new Worker(join(ROOT, 'dist/main/job-worker.mjs'), {
      workerData: {
        kind: 'stats-export',
        input: { planCode: plan, binWidth: 10, format: 'pdf' },
        dataDir: app.dataDir,
        storePath: storePath(app.dataDir),
        actor: SYSTEM_ACTOR,
        cancelFlag: new SharedArrayBuffer(4),
        nowOffsetMs: 0,
      } satisfies JobWorkerData,
    });
    const message = await new Promise<WorkerMessage>((resolve, reject) => {
      worker.on('message', (m: WorkerMessage) => m.type !== 'progress' && resolve(m));
      worker.on('error', reject);
    });
    await worker.terminate();
    expect(message).toMatchObject({ type: 'done', result: { format: 'pdf' } });
    const pdf = (message as { files: Record<string, string> }).files.export!;
    expect(spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout).toContain('成绩统计报告');
    expect(pdfImageCount(pdf)).toBe(12);
  });
});
