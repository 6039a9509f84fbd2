import { AppError } from '../../src-shared/errors';
import { MIGRATIONS, type Migration } from './migrations';
import type { SqliteDb } from './store';

export interface MigrateReport {
  from: number;
  to: number;
}

/**
 * Brings the store to the latest schema, one transaction per migration, the version kept in
 * `PRAGMA user_version` (and a readable history in schema_migrations). `beforeMigrating` runs
 * only when an existing store is about to change — the caller takes its backup there.
 */
export async function migrate(db: SqliteDb, beforeMigrating?: (from: number) => Promise<void>, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrateReport> {
  const latest = migrations.length;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) {
    throw new AppError('STATE', `数据文件的结构版本为 ${from}，比本程序支持的 ${latest} 新。请升级考点助手后再打开。`, { schemaVersion: from, supported: latest });
  }
  if (from === latest) return { from, to: from };
  if (from > 0 && beforeMigrating) await beforeMigrating(from);

  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return { from, to: latest };
}
