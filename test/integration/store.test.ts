import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppCore, openAndMigrate } from '../../src-main/core/app-core';
import { storePath } from '../../src-main/core/paths';
import { listBackups } from '../../src-main/store/backup';
import { migrate } from '../../src-main/store/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src-main/store/migrations';
import { Store } from '../../src-main/store/store';
import { tempDir } from '../helpers/temp-dir';

describe('store', () => {
  it('opens with WAL, foreign keys, synchronous=FULL and a busy timeout', async () => {
    const store = await openAndMigrate(tempDir());
    try {
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      const history = store.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
      expect(history).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    } finally {
      store.close();
    }
  });

  it('backs an existing store up before migrating it, and rolls a failing migration back whole', async () => {
    const dir = tempDir();
    const first = new Store(storePath(dir));
    await migrate(first.db);
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('marker', '1')").run();

    let backedUpAt: number | null = null;
    const failing = {
      version: MIGRATIONS.length + 1,
      name: 'half-done',
      up(db: Store['db']) {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('boom');
      },
    };
    await expect(migrate(first.db, async (from) => void (backedUpAt = from), [...MIGRATIONS, failing])).rejects.toThrow('boom');
    expect(backedUpAt).toBe(MIGRATIONS.length);
    expect(first.schemaVersion).toBe(MIGRATIONS.length);
    expect(first.db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    first.close();
  });

  it('takes a pre-migration backup of an existing store, holding its old data and version', async () => {
    const dir = tempDir();
    const before = await openAndMigrate(dir);
    before.db.prepare("INSERT INTO settings (key, value) VALUES ('marker', '\"old\"')").run();
    before.close();
    expect(listBackups(dir)).toEqual([]);

    const next = { version: MIGRATIONS.length + 1, name: 'next', up: (db: Store['db']) => db.exec('CREATE TABLE next_thing (x INTEGER)') };
    const after = await openAndMigrate(dir, [...MIGRATIONS, next]);
    expect(after.schemaVersion).toBe(MIGRATIONS.length + 1);
    after.close();

    const backups = listBackups(dir);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ reason: '迁移前', schemaVersion: MIGRATIONS.length });
    const copy = new Store(join(dir, 'backups', backups[0]!.name), { readonly: true });
    expect(copy.db.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: '"old"' });
    expect(copy.db.prepare("SELECT name FROM sqlite_master WHERE name = 'next_thing'").get()).toBeUndefined();
    copy.close();
  });

  it('refuses a store written by a newer version, in Chinese', async () => {
    const dir = tempDir();
    const store = new Store(storePath(dir));
    store.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    store.close();
    await expect(openAndMigrate(dir)).rejects.toThrow(/请升级考点助手/);
  });

  it('names a file that is not a database', async () => {
    const dir = tempDir();
    writeFileSync(storePath(dir), 'this is not sqlite at all, just text'.repeat(100));
    await expect(openAndMigrate(dir)).rejects.toThrow(/损坏|不是考点助手的数据文件/);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    const store = await openAndMigrate(tempDir());
    try {
      store.db.prepare("INSERT INTO audit_log (at, actor, operation, entity_type) VALUES ('2026-01-01', 'x', 'op', 'e')").run();
      expect(() => store.db.prepare("UPDATE audit_log SET actor = 'y'").run()).toThrow(/append-only/);
      expect(() => store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    } finally {
      store.close();
    }
  });

  it('answers the audit page filters from an index', async () => {
    const store = await openAndMigrate(tempDir());
    try {
      const plan = (sql: string) => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan("SELECT * FROM audit_log WHERE actor = 'a' ORDER BY id DESC")).toMatch(/USING INDEX audit_log_actor_at/);
      expect(plan("SELECT * FROM audit_log WHERE operation = 'a'")).toMatch(/USING INDEX audit_log_operation_at/);
      expect(plan("SELECT * FROM users WHERE username = 'a'")).toMatch(/USING INDEX/);
    } finally {
      store.close();
    }
  });

  it('allows exactly one principal', async () => {
    const store = await openAndMigrate(tempDir());
    try {
      const add = store.db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, 'x', 'principal', 'h', 'now', 'now')");
      add.run('a');
      expect(() => add.run('b')).toThrow(/UNIQUE/);
    } finally {
      store.close();
    }
  });

  it('leaves no partial file when creating the data folder fresh', async () => {
    const dir = join(tempDir(), 'nested', 'data');
    const app = await AppCore.open({ dataDir: dir, transport: 'browser' });
    await app.close();
    expect(existsSync(storePath(dir))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
