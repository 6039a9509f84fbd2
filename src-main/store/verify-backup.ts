import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../src-shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { SqliteDb } from './store';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const ZIP_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

/** What a backup file says about itself, once it passed every check. */
export interface BackupFacts {
  schemaVersion: number;
  institution: { code: string; name: string } | null;
  /** The newest audit entry: when the data in it last changed. */
  lastChangeAt: string | null;
}

/**
 * Refuses a backup that is not a whole examsite store this app can open: not SQLite at all (a
 * ZIP renamed .db), cut short on the way to a USB stick, damaged, another program's database,
 * or from a newer app. Every message names the file, as the person chose it (`label`).
 */
export function verifyBackup(path: string, label = basename(path)): BackupFacts {
  checkHeader(path, label);
  let db: SqliteDb | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw damaged(label, '完整性检查未通过', String(check));
    const version = db.pragma('user_version', { simple: true }) as number;
    if (!isOurStore(db, version)) throw new AppError('BAD_FILE', `文件“${label}”不是考点助手的数据备份（它是其他程序的数据库）。`, { file: label });
    if (version > LATEST_SCHEMA_VERSION)
      throw new AppError('STATE', `备份“${label}”来自更新版本的考点助手（结构版本 ${version}，本程序支持到 ${LATEST_SCHEMA_VERSION}），请先升级应用。`, { file: label });
    return { schemaVersion: version, ...readFacts(db) };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = String((e as { code?: unknown }).code);
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw damaged(label, '数据页无法读取', String(e));
    throw new AppError('BAD_FILE', `备份“${label}”无法读取：${e instanceof Error ? e.message : String(e)}`, { file: label });
  } finally {
    db?.close();
  }
}

/** SQLite's own findings stay in `details` (English, for whoever investigates); the person reads the gist. */
function damaged(label: string, gist: string, sqlite: string): AppError {
  return new AppError('BAD_FILE', `备份“${label}”已损坏（${gist}），不能用于恢复。`, { file: label, sqlite: sqlite.slice(0, 2000) });
}

/** The file's first 100 bytes: SQLite's magic and its own page count, checked against its size. */
function checkHeader(path: string, label: string): void {
  const size = statSync(path).size;
  if (size === 0) throw new AppError('BAD_FILE', `文件“${label}”是空的，不是数据备份。`, { file: label });
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (ZIP_MAGIC.some((m) => header.subarray(0, 4).equals(m)))
    throw new AppError('BAD_FILE', `文件“${label}”是 ZIP 压缩包，不是数据备份（备份是 .db 文件；数据包请在“导入数据包”中导入）。`, { file: label });
  if (!header.subarray(0, 16).equals(SQLITE_MAGIC)) throw new AppError('BAD_FILE', `文件“${label}”不是 SQLite 数据库，不是考点助手的数据备份。`, { file: label });
  if (read < 100) throw incomplete(label, size);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  // The page count is trustworthy only when the version-valid-for number matches the change counter.
  const countValid = pages > 0 && header.readUInt32BE(92) === header.readUInt32BE(24);
  if (pageSize < 512 || size % pageSize !== 0 || (countValid && size < pages * pageSize)) throw incomplete(label, size, countValid ? pages * pageSize : undefined);
}

function incomplete(label: string, size: number, expected?: number): AppError {
  const want = expected ? `应有 ${expected} 字节，只有 ${size} 字节` : `${size} 字节`;
  return new AppError('BAD_FILE', `备份“${label}”不完整（${want}），可能复制时中断了，不能用于恢复。`, { file: label });
}

/**
 * Ours: it records our migrations by version and name, and holds every table they create.
 * A table named `institution` alone proves nothing.
 */
function isOurStore(db: SqliteDb, version: number): boolean {
  if (version < 1) return false;
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).map((n) => n.toLowerCase()));
  if (!tables.has('schema_migrations')) return false;
  const recorded = db.prepare('SELECT version, name FROM schema_migrations').all() as { version: unknown; name: unknown }[];
  const known = MIGRATIONS.slice(0, Math.min(version, LATEST_SCHEMA_VERSION));
  return known.every((m) => recorded.some((r) => r.version === m.version && r.name === m.name)) && expectedTables(known.length).every((t) => tables.has(t));
}

const tablesAt = new Map<number, string[]>();

/** The tables a store has at `version`, from running the migrations themselves on an empty database. */
function expectedTables(version: number): string[] {
  let names = tablesAt.get(version);
  if (!names) {
    const db = new Database(':memory:');
    try {
      for (const m of MIGRATIONS.slice(0, version)) m.up(db);
      names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]).map((n) => n.toLowerCase());
    } finally {
      db.close();
    }
    tablesAt.set(version, names);
  }
  return names;
}

function readFacts(db: SqliteDb): Omit<BackupFacts, 'schemaVersion'> {
  const institution = (db.prepare('SELECT code, name FROM institution WHERE id = 1').get() as { code: string; name: string } | undefined) ?? null;
  const lastChangeAt = (db.prepare('SELECT max(at) FROM audit_log').pluck().get() as string | null) ?? null;
  return { institution, lastChangeAt };
}
