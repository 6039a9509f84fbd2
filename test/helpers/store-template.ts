import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { AppCore, type AppOptions } from '../../src-main/core/app-core';
import type { SqliteDb } from '../../src-main/store/store';
import { openPlatform, type Platform } from '../tools/platform/platform';
import { call, LOGIN, openApp, SETUP_INPUT, TEST_PASSWORD_COST, testJobOptions } from './app';
import { tempDir } from './temp-dir';

/**
 * Data folders that take many jobs to build (a catalog imported, a site approved through the
 * simulator, a schedule…), built once per test run for each key and copied for every test that
 * needs one: a test gets a store as the builder left it, never one another test has touched.
 */

export interface BuildContext {
  /** Set up (SETUP_INPUT) and the principal logged in, on a clock fixed at the template's `now`. */
  app: AppCore;
  principal: string;
  /** The simulator's keys and sequence state, copied with the data folder. */
  platform: Platform;
  /** Scratch files (packages written on the way); not copied. */
  workDir: string;
}

export interface StoreTemplate<M> {
  dataDir: string;
  keysDir: string;
  /** Where the data folder was built: absolute paths the store keeps start with it. */
  builtIn: string;
  meta: M;
}

interface Built<M> {
  builtIn: string;
  meta: M;
}

const memo = new Map<string, Promise<StoreTemplate<unknown>>>();

/** The run's folder for templates (vitest's global setup makes it); a file run alone without it makes its own. */
function templateRoot(): string {
  let root: string | undefined;
  try {
    root = inject('templateRoot');
  } catch {
    root = undefined;
  }
  return root ?? ownRoot();
}

let own: string | undefined;
function ownRoot(): string {
  own ??= mkdtempSync(join(tmpdir(), 'examsite-templates-'));
  return own;
}

/**
 * The template of `key`: built by `build` unless this run already has it. The key must name every
 * input of the builder (counts, seeds, the clock): templates are shared by all test files of the run.
 * `meta` is what the builder returns, through JSON.
 */
export function storeTemplate<M>(key: string, now: Date, build: (ctx: BuildContext) => Promise<M>): Promise<StoreTemplate<M>> {
  const full = `${key}@${now.toISOString()}`;
  let t = memo.get(full) as Promise<StoreTemplate<M>> | undefined;
  if (!t) {
    t = loadOrBuild(full, now, build);
    memo.set(full, t);
    // A failed build is not remembered: the next test tries again and reports its own failure.
    t.catch(() => memo.delete(full));
  }
  return t;
}

async function loadOrBuild<M>(key: string, now: Date, build: (ctx: BuildContext) => Promise<M>): Promise<StoreTemplate<M>> {
  const root = templateRoot();
  const dir = join(root, createHash('sha256').update(key).digest('hex').slice(0, 16));
  const at = (d: string): StoreTemplate<M> => {
    const built = JSON.parse(readFileSync(join(d, 'built.json'), 'utf8')) as Built<M>;
    return { dataDir: join(d, 'data'), keysDir: join(d, 'keys'), ...built };
  };
  if (existsSync(join(dir, 'built.json'))) return at(dir);
  // Built aside and renamed into place: another test file building the same key at the same time
  // loses the race harmlessly, and nobody ever copies half a template.
  const building = mkdtempSync(join(root, 'building-'));
  try {
    const dataDir = join(building, 'data');
    const keysDir = join(building, 'keys');
    const workDir = join(building, 'work');
    mkdirSync(workDir);
    const app = await AppCore.open({ dataDir, transport: 'browser', passwordCost: TEST_PASSWORD_COST, now: () => now, ...testJobOptions() });
    let meta: M;
    try {
      await call(app, 'setup.create', SETUP_INPUT);
      const { sessionToken } = await call<{ sessionToken: string }>(app, 'auth.login', LOGIN);
      meta = await build({ app, principal: sessionToken, platform: openPlatform({ keysDir }), workDir });
      if (app.unauditedOperations.length) throw new Error(`template ${key}: unaudited ${app.unauditedOperations.join(', ')}`);
      assertNoOtherPaths(app.store.db, dataDir);
    } finally {
      // Closed before any copy: the last connection's close checkpoints the WAL into the file.
      await app.close();
    }
    rmSync(workDir, { recursive: true, force: true });
    writeFileSync(join(building, 'built.json'), JSON.stringify({ builtIn: dataDir, meta } satisfies Built<M>));
    try {
      renameSync(building, dir);
    } catch (e) {
      if (!existsSync(join(dir, 'built.json'))) throw e;
      rmSync(building, { recursive: true, force: true });
    }
    return at(dir);
  } catch (e) {
    rmSync(building, { recursive: true, force: true });
    throw e;
  }
}

/** The columns that may hold a path into the data folder; `openTemplate` moves them to the copy. */
const PATH_COLUMNS = [['package_history', 'stored_path']] as const;
/**
 * The audit log cannot be changed (its triggers refuse it): an export's entry made while building
 * keeps the template's path, as history. A test looks at the entries of what it did itself.
 */
const HISTORY_COLUMNS = [
  ['audit_log', 'before_json'],
  ['audit_log', 'after_json'],
] as const;

/** Refuses a template whose store keeps its folder's path somewhere `openTemplate` would not move it. */
function assertNoOtherPaths(db: SqliteDb, dataDir: string): void {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const known = [...PATH_COLUMNS, ...HISTORY_COLUMNS];
  for (const table of tables) {
    const columns = (db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as { name: string; type: string }[]).filter(
      (c) => c.type.toUpperCase() === 'TEXT' && !known.some(([t, col]) => t === table && col === c.name),
    );
    for (const c of columns) {
      const n = db.prepare(`SELECT count(*) FROM "${table}" WHERE instr("${c.name}", ?) > 0`).pluck().get(dataDir) as number;
      if (n > 0) throw new Error(`template: ${table}.${c.name} keeps the data folder's path; add it to PATH_COLUMNS`);
    }
  }
}

export interface OpenedTemplate<M> {
  app: AppCore;
  principal: string;
  platform: Platform;
  meta: M;
}

/**
 * A copy of the template's data folder (into `dataDir`, or a fresh one) and of the simulator's
 * keys, opened with `options` (closed after the test, as `openApp` does) and the principal logged
 * in again: sessions live in memory, so the builder's is gone.
 */
export async function openTemplate<M>(t: StoreTemplate<M>, options: Partial<AppOptions> & { dataDir?: string } = {}): Promise<OpenedTemplate<M>> {
  const dataDir = options.dataDir ?? tempDir();
  const keysDir = tempDir();
  cpSync(t.dataDir, dataDir, { recursive: true });
  cpSync(t.keysDir, keysDir, { recursive: true });
  const app = await openApp({ ...options, dataDir });
  for (const [table, column] of PATH_COLUMNS)
    app.store.db
      .prepare(`UPDATE ${table} SET ${column} = ? || substr(${column}, ?) WHERE substr(${column}, 1, ?) = ?`)
      .run(dataDir, t.builtIn.length + 1, t.builtIn.length, t.builtIn);
  const { sessionToken } = await call<{ sessionToken: string }>(app, 'auth.login', LOGIN);
  return { app, principal: sessionToken, platform: openPlatform({ keysDir }), meta: t.meta };
}
