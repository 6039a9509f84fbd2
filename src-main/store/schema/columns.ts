import type { Generated } from 'kysely';

/** The declared types a STRICT table allows (ANY aside, which we do not use). */
export type SqlType = 'INTEGER' | 'TEXT' | 'REAL' | 'BLOB';

/** What a column is in the database: a test compares it with `PRAGMA table_info` of the migrated store. */
export interface ColumnSpec {
  readonly type: SqlType;
  readonly notNull: boolean;
  readonly primaryKey: boolean;
  /** Left out of an insert, the database fills it in (a rowid alias or a DEFAULT). */
  readonly generated: boolean;
  /** The values a CHECK (col IN (…)) allows, when the row type narrows to them. */
  readonly values: readonly (string | number)[] | null;
}

/** A column descriptor: its spec at run time, its TypeScript type `T` for kysely. */
export class Column<T> {
  /** Never set: carries `T` to the row types. */
  declare readonly tsType: T;

  constructor(readonly spec: ColumnSpec) {}

  nullable(): Column<T | null> {
    return new Column({ ...this.spec, notNull: false });
  }

  /** Part of the primary key; the key's columns come in the order they are declared. */
  primaryKey(): Column<T> {
    return new Column({ ...this.spec, primaryKey: true });
  }

  generated(): Column<Generated<T>> {
    return new Column({ ...this.spec, generated: true });
  }
}

const column = <T>(type: SqlType, values: readonly (string | number)[]): Column<T> =>
  new Column<T>({ type, notNull: true, primaryKey: false, generated: false, values: values.length > 0 ? values : null });

/**
 * Columns are NOT NULL unless `.nullable()`. Booleans are INTEGER 0/1 (SQLite has none, and
 * better-sqlite3 refuses to bind one); listed values mirror the column's CHECK.
 */
export const col = {
  text: <const V extends string = string>(...values: V[]): Column<V> => column<V>('TEXT', values),
  int: <const V extends number = number>(...values: V[]): Column<V> => column<V>('INTEGER', values),
  real: (): Column<number> => column<number>('REAL', []),
  blob: (): Column<Buffer> => column<Buffer>('BLOB', []),
};

export type Table = Readonly<Record<string, Column<unknown>>>;
export type TableMap = Readonly<Record<string, Table>>;

/** Keeps a table's column types while checking that it is one. */
export const table = <const T extends Table>(columns: T): T => columns;

export type RowOf<T extends Table> = { -readonly [K in keyof T]: T[K]['tsType'] };

export type DatabaseOf<M extends TableMap> = { -readonly [N in keyof M]: RowOf<M[N]> };
