import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src-main/store/schema';

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src-main');
/** Migrations create and reshape tables; the rule is about what the running app writes. */
const SKIP = join(SRC, 'store/migrations');

// Kysely's builders and raw SQL alike; a table in the attached staging database is `staging.x`.
const WRITES = [
  /\b(?:insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(\s*(['"`])([\w.]+)\1/g,
  /\b(?:INSERT(?:\s+OR\s+[A-Z]+)?\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+([a-z_][\w.]*)/g,
];
const DYNAMIC = /\b(?:insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(\s*[^'"`\s]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (path === SKIP) return [];
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

function writers(): { byTable: Map<string, Set<string>>; dynamic: string[] } {
  const byTable = new Map<string, Set<string>>();
  const dynamic: string[] = [];
  for (const path of sources(SRC)) {
    const text = readFileSync(path, 'utf8');
    const file = relative(ROOT, path);
    if (DYNAMIC.test(text)) dynamic.push(file);
    for (const pattern of WRITES)
      for (const m of text.matchAll(pattern)) {
        const table = m[m.length - 1]!;
        if (!byTable.has(table)) byTable.set(table, new Set());
        byTable.get(table)!.add(file);
      }
  }
  return { byTable, dynamic };
}

describe('who writes each table', () => {
  const { byTable, dynamic } = writers();

  it('each table of the store is written from one file, its store module', () => {
    const shared = [...byTable].filter(([, files]) => files.size > 1).map(([table, files]) => `${table}: ${[...files].sort().join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('names only tables the store has, so a write the scan cannot read does not slip by', () => {
    const known = new Set([...Object.keys(TABLES), 'schema_migrations']);
    const unknown = [...byTable.keys()].filter((t) => !t.startsWith('staging.') && !known.has(t));
    expect(unknown).toEqual([]);
    expect(dynamic).toEqual([]);
  });

  it('finds the writes it looks for (the scan itself works)', () => {
    expect([...(byTable.get('users') ?? [])]).toEqual(['src-main/core/users/user-store.ts']);
    expect([...(byTable.get('candidate_photos') ?? [])]).toEqual(['src-main/core/photos/photo-store.ts']);
    expect([...(byTable.get('attendance') ?? [])]).toEqual(['src-main/core/attendance/attendance-store.ts']);
    expect([...(byTable.get('attendance_flags') ?? [])]).toEqual(['src-main/core/attendance/attendance-store.ts']);
    expect([...(byTable.get('platform_results') ?? [])]).toEqual(['src-main/core/results/platform-results-store.ts']);
    for (const table of ['signature_seal', 'seal_authorisations']) expect([...(byTable.get(table) ?? [])], table).toEqual(['src-main/core/seal/seal-store.ts']);
    for (const table of ['issuance_records', 'issuance_sittings', 'issuance_decisions', 'issuance_decisions_sent'])
      expect([...(byTable.get(table) ?? [])], table).toEqual(['src-main/core/issuance/issuance-store.ts']);
    expect([...(byTable.get('issued_certificates') ?? [])]).toEqual(['src-main/core/issuance/certificate-store.ts']);
    for (const table of ['scores', 'score_revisions', 'score_disputes', 'score_locks']) expect([...(byTable.get(table) ?? [])]).toEqual(['src-main/core/scores/score-store.ts']);
  });
});
