import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../src-shared/api/backup';
import { institutionStamp } from '../../src-shared/domain/institution-time';
import { AppError } from '../../src-shared/errors';
import { makePrivateDir, makePrivateFile } from '../files/private-fs';
import type { SqliteDb } from './store';

export const BACKUP_REASONS = { manual: '手动', 'pre-migrate': '迁移前', 'pre-restore': '恢复前', cli: '命令行', imported: '导入' } as const;
export type BackupReason = keyof typeof BACKUP_REASONS;

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

/**
 * An online backup through SQLite's backup API (safe while the store is in use, unlike a file
 * copy of a WAL database).
 */
export async function createBackup(db: SqliteDb, dataDir: string, reason: BackupReason, onProgress?: (done: number, total: number) => void, now = new Date()): Promise<BackupInfo> {
  return writeBackup(dataDir, reason, now, (partial) =>
    db.backup(partial, {
      progress({ totalPages, remainingPages }) {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 200;
      },
    }),
  );
}

/** A verified backup file from elsewhere (a USB stick, an upload), copied into the list. */
export async function importBackup(from: string, dataDir: string, now = new Date()): Promise<BackupInfo> {
  return writeBackup(dataDir, 'imported', now, (partial) => copyDatabase(from, partial));
}

/** Written under a temporary name and renamed when whole, so a crash never leaves a half backup in the list. */
async function writeBackup(dataDir: string, reason: BackupReason, now: Date, write: (partial: string) => Promise<unknown>): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  makePrivateDir(dir);
  let name = `examsite-${institutionStamp(now)}-${reason}.db`;
  for (let i = 2; existsSync(join(dir, name)); i++) name = `examsite-${institutionStamp(now)}-${reason}-${i}.db`;
  const target = join(dir, name);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    await write(partial);
    makePrivateFile(partial);
    // A backup is a file people carry around: make it standalone, not a WAL database.
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('INTERNAL', `备份失败：${e instanceof Error ? e.message : String(e)}`);
  }
  return describeBackup(target, name);
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^examsite-.*\.db$/.test(f))
    .map((f) => describeBackup(join(dir, f), f))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

function describeBackup(path: string, name: string): BackupInfo {
  const st = statSync(path);
  const reasonKey = /-([a-z-]+?)(?:-\d+)?\.db$/.exec(name)?.[1] as BackupReason | undefined;
  return {
    name,
    createdAt: st.mtime.toISOString(),
    size: st.size,
    reason: (reasonKey && BACKUP_REASONS[reasonKey]) ?? reasonKey ?? '',
    schemaVersion: readSchemaVersion(path),
  };
}

function readSchemaVersion(path: string): number | null {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Copies a backup into place through the backup API, which writes the target's WAL correctly. */
export async function copyDatabase(from: string, to: string): Promise<void> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}
