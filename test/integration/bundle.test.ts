import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAndMigrate } from '../../src-main/core/app-core';
import { SYSTEM_ACTOR } from '../../src-main/core/call-context';
import type { WorkerMessage } from '../../src-main/jobs/protocol';
import { listBackups } from '../../src-main/store/backup';
import { buildMain } from '../../scripts/build-main';
import { ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

/** What Electron runs is the bundle, not the sources: the bundled job worker must work in plain Node. */
describe('the Electron bundles', () => {
  beforeAll(() => buildMain(), 120_000);

  it('builds main, preload and the job worker', () => {
    for (const f of ['main.mjs', 'preload.cjs', 'job-worker.mjs']) expect(existsSync(join(ROOT, 'dist/main', f)), f).toBe(true);
  });

  it('runs a backup job in the bundled worker', async () => {
    const dataDir = tempDir();
    (await openAndMigrate(dataDir)).close();
    const worker = new Worker(join(ROOT, 'dist/main/job-worker.mjs'), {
      workerData: { kind: 'backup', input: { reason: 'manual' }, dataDir, actor: SYSTEM_ACTOR, cancelFlag: new SharedArrayBuffer(4), nowOffsetMs: 0 },
    });
    const message = await new Promise<WorkerMessage>((resolve, reject) => {
      worker.on('message', (m: WorkerMessage) => m.type !== 'progress' && resolve(m));
      worker.on('error', reject);
    });
    await worker.terminate();
    expect(message).toMatchObject({ type: 'done', result: { reason: '手动' } });
    expect(listBackups(dataDir)).toHaveLength(1);
  });
});
