import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openAndMigrate } from '../../src-main/core/app-core';
import { SYSTEM_ACTOR } from '../../src-shared/actor';
import { storePath } from '../../src-main/core/paths';
import { createJobContext } from '../../src-main/jobs/job-context';
import { tempDir } from '../helpers/temp-dir';

describe("a job's connection", () => {
  it('commits to the WAL as it goes and moves the writes into the store file only when closed, after the result', async () => {
    const dataDir = tempDir();
    // The app's own connection stays open meanwhile, as in the app.
    const app = await openAndMigrate(dataDir);
    const ctx = createJobContext({
      dataDir,
      storePath: storePath(dataDir),
      actor: SYSTEM_ACTOR,
      cancelFlag: new Int32Array(new SharedArrayBuffer(4)),
      nowOffsetMs: 0,
      post: () => {},
    });
    const job = ctx.store();
    job.db.exec('CREATE TABLE bulk (data BLOB NOT NULL)');
    const before = statSync(storePath(dataDir)).size;
    // 6 MB: past the 1,000 WAL pages at which a connection would checkpoint as it commits.
    job.tx(() => {
      for (let i = 0; i < 200; i++) job.db.prepare('INSERT INTO bulk VALUES (?)').run(Buffer.alloc(32 * 1024, i));
    });
    expect(app.db.prepare('SELECT count(*) AS n FROM bulk').get()).toEqual({ n: 200 });
    expect(statSync(storePath(dataDir)).size).toBe(before);

    ctx.closeStore();
    expect(statSync(storePath(dataDir)).size).toBeGreaterThan(before + 6_000_000);
    expect(app.db.prepare('SELECT count(*) AS n FROM bulk').get()).toEqual({ n: 200 });
    app.close();
  });
});
