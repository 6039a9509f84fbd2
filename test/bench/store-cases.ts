import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAndMigrate } from '../../src-main/core/app-core';
import { insertAudit } from '../../src-main/core/audit/audit-log';
import type { Store } from '../../src-main/store/store';
import type { BenchCase } from './harness';

const N = 100_000;
const ACTOR = { name: 'bench', id: 1, role: 'coordinator' };
const at = new Date('2026-03-01T08:00:00Z');

async function freshStore(): Promise<{ store: Store; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'examsite-bench-'));
  return { store: await openAndMigrate(dir), dir };
}

function drop(state: unknown): void {
  const { store, dir } = state as { store: Store; dir: string };
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

export const storeCases: BenchCase[] = [
  {
    name: 'store: open + migrate an empty store',
    runs: 9,
    setup: () => mkdtempSync(join(tmpdir(), 'examsite-bench-')),
    run: async (dir) => (await openAndMigrate(dir as string)).close(),
    teardown: (dir) => rmSync(dir as string, { recursive: true, force: true }),
  },
  {
    name: 'store: 100,000 raw prepared inserts (row + audit row)',
    setup: freshStore,
    run: (state) => {
      const { store } = state as { store: Store };
      const row = store.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
      const audit = store.db.prepare(
        'INSERT INTO audit_log (at, actor, actor_id, actor_role, operation, entity_type, entity_id, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      store.db.transaction(() => {
        for (let i = 0; i < N; i++) {
          row.run(`k${i}`, '1');
          audit.run(at.toISOString(), ACTOR.name, ACTOR.id, ACTOR.role, 'bench.write', 'row', String(i), null, JSON.stringify({ key: `k${i}`, value: '1' }));
        }
      })();
    },
    teardown: drop,
  },
  {
    name: 'store: 100,000 audited writes through the store layer',
    baseline: 'store: 100,000 raw prepared inserts (row + audit row)',
    setup: freshStore,
    run: (state) => {
      const { store } = state as { store: Store };
      store.tx(() => {
        for (let i = 0; i < N; i++) {
          store.run(store.q.insertInto('settings').values({ key: `k${i}`, value: '1' }));
          insertAudit(store, ACTOR, { operation: 'bench.write', entityType: 'row', entityId: i, after: { key: `k${i}`, value: '1' } }, at);
        }
      });
    },
    teardown: drop,
  },
];
