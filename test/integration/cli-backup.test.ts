import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, INIT_ARGS } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

const BACKUP_KEYS = ['name', 'createdAt', 'size', 'reason', 'schemaVersion'];

describe('CLI: backup --out, restore', () => {
  it('writes the backup to a folder too, and restores from such a file; refuses a bad one naming it', { timeout: 300_000 }, () => {
    const dir = tempDir();
    expect(cli(['init', '--data-dir', dir, ...INIT_ARGS], { EXAMSITE_PASSWORD: 'cli-pass-123' }).code).toBe(0);

    const plain = cli(['backup', '--data-dir', dir, '--json']);
    expect(plain.code).toBe(0);
    expect(Object.keys(plain.json())).toEqual(BACKUP_KEYS);

    const usb = tempDir('usb-');
    const out = cli(['backup', '--data-dir', dir, '--out', usb, '--json']);
    expect(out.code).toBe(0);
    const written = out.json<{ name: string; path: string }>();
    expect(Object.keys(written)).toEqual([...BACKUP_KEYS, 'path']);
    expect(written.path).toBe(join(usb, written.name));
    expect(readFileSync(written.path).equals(readFileSync(join(dir, 'backups', written.name)))).toBe(true);

    const missing = cli(['backup', '--data-dir', dir, '--out', join(usb, '没有'), '--json']);
    expect(missing.code).toBe(1);
    expect(missing.json()).toMatchObject({ refused: { code: 'VALIDATION', message: `文件夹 ${join(usb, '没有')} 不存在。` } });

    const restored = cli(['restore', written.path, '--data-dir', dir, '--json']);
    expect(restored.code).toBe(0);
    expect(restored.json()).toMatchObject({ restored: { reason: '导入' }, safety: { reason: '恢复前' } });
    expect(restored.stderr).toContain(`已从 ${written.name} 恢复数据`);

    const bad = join(usb, '坏文件.db');
    writeFileSync(bad, 'not a database');
    const before = readdirSync(join(dir, 'backups')).sort();
    const refused = cli(['restore', bad, '--data-dir', dir, '--json']);
    expect(refused.code).toBe(1);
    expect(refused.json()).toEqual({ refused: { code: 'BAD_FILE', message: '文件“坏文件.db”不是 SQLite 数据库，不是考点助手的数据备份。', file: '坏文件.db' } });
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(before);
    expect(cli(['restore', join(usb, '不存在.db'), '--data-dir', dir]).code).toBe(1);
    expect(cli(['restore', '--data-dir', dir]).code).toBe(2);
  });
});
