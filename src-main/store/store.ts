import Database from 'better-sqlite3';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable } from 'kysely';
import { AppError } from '../../src-shared/errors';
import { makePrivateFile } from '../files/private-fs';
import type { DB } from './schema';

export type SqliteDb = Database.Database;

/**
 * Kysely builds the SQL (typed against `DB`); better-sqlite3 runs it synchronously. This keeps
 * transactions synchronous — no `await` can slip between BEGIN and COMMIT — which kysely's own
 * async transactions over a synchronous driver cannot promise.
 */
export class Store {
  readonly db: SqliteDb;
  readonly q: Kysely<DB>;
  readonly path: string;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(path: string, options: { readonly?: boolean } = {}) {
    this.path = path;
    this.db = openSqlite(path, options.readonly ?? false);
    this.q = queryBuilder();
  }

  all<O>(query: Compilable<O>): O[] {
    const { sql, parameters } = query.compile();
    return this.prepare(sql).all(...bindable(parameters)) as O[];
  }

  get<O>(query: Compilable<O>): O | undefined {
    const { sql, parameters } = query.compile();
    return this.prepare(sql).get(...bindable(parameters)) as O | undefined;
  }

  run(query: Compilable<unknown>): Database.RunResult {
    const { sql, parameters } = query.compile();
    return this.prepare(sql).run(...bindable(parameters));
  }

  /** A write transaction taken with BEGIN IMMEDIATE, so it never fails half-way on a lock upgrade. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // Generated SQL (IN lists of varying length) could grow the cache without end.
      if (this.statements.size > 1000) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  close(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}

export function queryBuilder(): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

function bindable(parameters: readonly unknown[]): unknown[] {
  return parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

/**
 * WAL lets readers (the UI, a backup) run beside the one writer. synchronous=FULL: these are
 * lab PCs that lose power; in WAL mode NORMAL can drop the last commits on power loss, and the
 * fsync per commit costs little because imports write in one transaction.
 */
export function openSqlite(path: string, readonly = false): SqliteDb {
  let db: SqliteDb;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly });
  } catch (e) {
    throw classifySqliteError(e, `打开数据文件 ${path}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    // SQLite creates the store as the umask allows, and its -wal and -shm with the store's mode.
    if (!readonly) for (const file of [path, `${path}-wal`, `${path}-shm`]) makePrivateFile(file);
  } catch (e) {
    db.close();
    throw classifySqliteError(e, `打开数据文件 ${path}`);
  }
  return db;
}

/** SQLite's failures a person can act on, named with the operation that met them. */
export function classifySqliteError(e: unknown, operation: string): AppError {
  const code = (e as { code?: string }).code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new AppError('BAD_FILE', `${operation}失败：数据文件已损坏或不是考点助手的数据文件。请从备份恢复。`, { sqlite: code });
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM')
    return new AppError('INTERNAL', `${operation}失败：无法写入数据文件夹，请检查磁盘空间和文件夹权限。`, { sqlite: code });
  if (code === 'SQLITE_FULL') return new AppError('INTERNAL', `${operation}失败：磁盘已满。`, { sqlite: code });
  if (code.startsWith('SQLITE_BUSY')) return new AppError('CONFLICT', `${operation}失败：数据文件正被其他操作占用，请稍后重试。`, { sqlite: code });
  return new AppError('INTERNAL', `${operation}失败：${message}`, code ? { sqlite: code } : undefined);
}
