import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stagingDir } from '../../src-main/core/paths';
import { openApp } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

describe('work files of the data folder', () => {
  it('uploads and photo checks nobody committed go a day later, when the app opens', async () => {
    const dataDir = tempDir();
    const files = {
      oldUpload: join(dataDir, 'uploads', 'a'),
      newUpload: join(dataDir, 'uploads', 'b'),
      oldCheck: join(stagingDir(dataDir), 'photo-import-x.sqlite'),
      newCheck: join(stagingDir(dataDir), 'photo-import-y.sqlite'),
    };
    for (const p of Object.values(files)) {
      mkdirSync(join(p, '..'), { recursive: true });
      writeFileSync(p, 'x');
    }
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(files.oldUpload, twoDaysAgo, twoDaysAgo);
    utimesSync(files.oldCheck, twoDaysAgo, twoDaysAgo);
    await openApp({ dataDir });
    expect(Object.fromEntries(Object.entries(files).map(([k, p]) => [k, existsSync(p)]))).toEqual({ oldUpload: false, newUpload: true, oldCheck: false, newCheck: true });
  });
});
