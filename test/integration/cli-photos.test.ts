import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storePath } from '../../src-main/core/paths';
import { Store } from '../../src-main/store/store';
import { writeZip } from '../fixtures/package-fixtures';
import { addCandidates } from '../fixtures/candidates';
import { photo, zipWithGbkNames } from '../fixtures/photo-fixtures';
import { cli, INIT_ARGS } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

interface PhotosJson {
  files: { name: string; id: string | null; status: string; code: string; message: string }[];
}

function photoCount(data: string): number {
  const store = new Store(storePath(data), { readonly: true });
  try {
    return (store.db.prepare('SELECT count(*) AS n FROM candidate_photos').get() as { n: number }).n;
  } finally {
    store.close();
  }
}

describe('CLI: photos import', () => {
  it('checks by default, commits with --commit (exit 1 when a file was refused), fixes with --fix, replaces only with --replace', { timeout: 240_000 }, async () => {
    const data = tempDir();
    expect(cli(['init', '--data-dir', data, ...INIT_ARGS], { EXAMSITE_PASSWORD: 'cli-pass-123' }).code).toBe(0);
    const store = new Store(storePath(data));
    const [a, b, c] = addCandidates(store, 3, 51).map((p) => p.idNumber) as [string, string, string];
    store.close();

    const dir = tempDir();
    const zip = join(dir, '照片.zip');
    await zipWithGbkNames(zip, [
      { name: `2026级/${a}.jpg`, data: await photo(a) },
      { name: `2026级/${b}.jpg`, data: await photo(b, { background: 'blue' }) },
      { name: `2026级/${c}.jpg`, data: await photo(c, { width: 600, height: 800 }) },
      { name: `__MACOSX/2026级/._${a}.jpg`, data: Buffer.from('AppleDouble') },
    ]);

    const dry = cli(['photos', 'import', zip, '--data-dir', data, '--json']);
    expect(dry.code).toBe(0);
    expect(dry.json<PhotosJson>()).toEqual({
      files: [
        { name: `2026级/${a}.jpg`, id: a, status: 'accepted', code: 'OK', message: '照片合格' },
        { name: `2026级/${b}.jpg`, id: b, status: 'refused', code: 'BACKGROUND', message: '照片底色是蓝底，应为红底' },
        { name: `2026级/${c}.jpg`, id: c, status: 'refused', code: 'SIZE', message: '照片尺寸是 600×800 像素，应为 295×413 像素（可选择“自动调整尺寸”）' },
        { name: `__MACOSX/2026级/._${a}.jpg`, id: null, status: 'ignored', code: 'IGNORED', message: 'macOS 压缩时附带的资源文件，已忽略' },
      ],
    });
    expect(photoCount(data)).toBe(0);

    const commit = cli(['photos', 'import', zip, '--fix', '--commit', '--data-dir', data, '--json']);
    expect(commit.code).toBe(1);
    const committed = commit.json<PhotosJson>();
    expect(Object.keys(committed)).toEqual(['files']);
    expect(committed.files.map((f) => [f.status, f.code])).toEqual([
      ['accepted', 'OK'],
      ['refused', 'BACKGROUND'],
      ['accepted', 'OK'],
      ['ignored', 'IGNORED'],
    ]);
    expect(commit.stderr).toContain('已写入 2 张照片');
    expect(photoCount(data)).toBe(2);

    const again = join(dir, 'again.zip');
    await writeZip(again, [{ name: `${a}.jpg`, data: await photo(a, { quality: 70 }) }]);
    const unconfirmed = cli(['photos', 'import', again, '--commit', '--data-dir', data, '--json']);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.json<PhotosJson>().files[0]).toMatchObject({ status: 'refused', code: 'REPLACE_UNCONFIRMED' });
    const replaced = cli(['photos', 'import', again, '--commit', '--replace', '--data-dir', data]);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('合格 1 个，退回 0 个，忽略 0 个');

    expect(cli(['photos', 'import', '--data-dir', data]).code).toBe(2);
    expect(cli(['photos', 'import', zip, '--bogus', '--data-dir', data]).code).toBe(2);
    const missing = cli(['photos', 'import', join(dir, 'nope.zip'), '--data-dir', data, '--json']);
    expect(missing.code).toBe(1);
    expect(missing.json()).toMatchObject({ refused: { code: 'NOT_FOUND' } });
  });
});
