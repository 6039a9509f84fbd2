import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAndMigrate } from '../../src-main/core/app-core';
import { MIGRATIONS } from '../../src-main/store/migrations';
import { TABLES, type ColumnSpec } from '../../src-main/store/schema';
import type { Store } from '../../src-main/store/store';
import { tempDir } from '../helpers/temp-dir';

const MIGRATIONS_DIR = join(import.meta.dirname, '../../src-main/store/migrations');

interface TableInfo {
  name: string;
  type: string;
  notnull: 0 | 1;
  dflt_value: string | null;
  pk: number;
}

/** A column as both sides can say it: whether it can read as NULL, and its place in the primary key (0: none). */
interface Shape {
  name: string;
  type: string;
  nullable: boolean;
  pk: number;
}

function described(columns: Readonly<Record<string, { spec: ColumnSpec }>>): Shape[] {
  const key = Object.keys(columns).filter((name) => columns[name]!.spec.primaryKey);
  return Object.entries(columns).map(([name, { spec }]) => ({ name, type: spec.type, nullable: !spec.notNull, pk: key.indexOf(name) + 1 }));
}

function inDatabase(store: Store, table: string): { shapes: Shape[]; info: TableInfo[]; rowidAlias: string | null } {
  const info = store.db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid').all(table) as TableInfo[];
  const { wr } = store.db.prepare('SELECT wr FROM pragma_table_list(?)').get(table) as { wr: 0 | 1 };
  const key = info.filter((c) => c.pk > 0);
  // An INTEGER PRIMARY KEY of a rowid table is the rowid: table_info says it may be NULL, yet it never reads so.
  const rowidAlias = wr === 0 && key.length === 1 && key[0]!.type.toUpperCase() === 'INTEGER' ? key[0]!.name : null;
  return { info, rowidAlias, shapes: info.map((c) => ({ name: c.name, type: c.type, nullable: c.notnull === 0 && c.name !== rowidAlias, pk: c.pk })) };
}

/** The values of a column's `CHECK (col IN (…))` in the table's CREATE statement, or null without one. */
function checkedValues(createSql: string, column: string): (string | number)[] | null {
  const m = new RegExp(`CHECK\\s*\\(\\s*${column}\\s+IN\\s*\\(([^)]*)\\)\\s*\\)`, 'i').exec(createSql);
  if (!m) return null;
  return m[1]!.split(',').map((v) => {
    const t = v.trim();
    return t.startsWith("'") ? t.slice(1, -1).replace(/''/g, "'") : Number(t);
  });
}

const sorted = <T>(values: readonly T[]) => [...values].sort();

describe('store schema', () => {
  it('describes every table the migrations create, column for column', async () => {
    const store = await openAndMigrate(tempDir());
    try {
      const tables = (store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
      expect(sorted(tables)).toEqual(sorted(Object.keys(TABLES)));

      for (const [table, columns] of Object.entries(TABLES)) {
        const { shapes, info, rowidAlias } = inDatabase(store, table);
        expect(shapes, table).toEqual(described(columns));
        // Declared types only bind in a STRICT table; elsewhere a TEXT column can hand back a number.
        expect(store.db.prepare('SELECT strict FROM pragma_table_list(?)').get(table), table).toEqual({ strict: 1 });

        const createSql = (store.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) as { sql: string }).sql;
        for (const [name, { spec }] of Object.entries(columns)) {
          const where = `${table}.${name}`;
          // Generated<T> lets an insert leave the column out: only right if the database fills it in.
          if (spec.generated) expect(name === rowidAlias || info.find((c) => c.name === name)?.dflt_value != null, `${where} is generated`).toBe(true);
          // A narrowed type (a union of literals) must be what the CHECK allows, no more and no less.
          if (spec.values) expect(sorted(checkedValues(createSql, name) ?? []), `${where} values`).toEqual(sorted(spec.values));
        }
      }
    } finally {
      store.close();
    }
  });

  it('lists every migration file once, numbered from 1 without a gap', async () => {
    const files = sorted(readdirSync(MIGRATIONS_DIR).filter((f) => f !== 'index.ts'));
    expect(
      files.filter((f) => !/^\d{4}-[a-z0-9]+(-[a-z0-9]+)*\.ts$/.test(f)),
      'migration files are named NNNN-name.ts',
    ).toEqual([]);
    expect(
      MIGRATIONS.map((m) => m.version),
      'versions',
    ).toEqual(MIGRATIONS.map((_, i) => i + 1));
    // With consecutive versions, equal lists mean: every file listed, none twice, number and name matching.
    expect(MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.ts`)).toEqual(files);
    for (const [i, file] of files.entries()) {
      const module = (await import(join(MIGRATIONS_DIR, file))) as { up: unknown };
      expect(MIGRATIONS[i]!.up, file).toBe(module.up);
    }
  });
});
