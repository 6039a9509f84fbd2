import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAndMigrate } from '../../src-main/core/app-core';
import { insertAudit } from '../../src-main/core/audit/audit-log';
import { listAudit } from '../../src-main/core/audit/audit-view';
import { fakePeople, type FakePerson } from '../../src-main/core/demo/fake-people';
import type { AuditFilter } from '../../src-shared/api/audit';
import type { Store } from '../../src-main/store/store';
import { addPeople } from '../fixtures/candidates';
import type { BenchCase } from './harness';

/** A year and more of a busy site's log: 100,000 entries about 20,000 candidates, 20 imports of 1,000 rows among them. */
const ENTRIES = 100_000;
const IMPORTS = 20;
const ACTORS = [
  { name: 'zhaoxz', id: 1, role: 'principal', displayName: '赵校长' },
  { name: 'zhangwei', id: 2, role: 'coordinator', displayName: '张伟' },
  { name: 'liuyang', id: 3, role: 'coordinator', displayName: '刘洋' },
];

interface State {
  store: Store;
  dir: string;
  people: FakePerson[];
}

async function filledLog(): Promise<State> {
  const dir = mkdtempSync(join(tmpdir(), 'examsite-bench-audit-'));
  const store = await openAndMigrate(dir);
  const people = addPeople(store, fakePeople(20_000, 2026));
  const user = store.db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', '', '')");
  for (const a of ACTORS) user.run(a.id, a.name, a.displayName, a.role);
  const ids = store.db.prepare('SELECT id FROM candidates ORDER BY id').pluck().all() as number[];
  const start = new Date('2026-01-01T00:00:00Z').getTime();
  store.tx(() => {
    for (let i = 0; i < ENTRIES; i++) {
      const at = new Date(start + i * 300_000);
      const actor = ACTORS[i % ACTORS.length]!;
      if (i % (ENTRIES / IMPORTS) === 0) {
        const batch = people.slice((i / (ENTRIES / IMPORTS)) * 1000, (i / (ENTRIES / IMPORTS) + 1) * 1000);
        const changes = batch.map((p) => ({ entity: '考生', key: p.idNumber, title: p.name, status: 'changed', changes: [{ field: '手机号', old: p.phone, new: '13900000000' }] }));
        insertAudit(
          store,
          actor,
          { operation: 'candidates.import', entityType: 'candidate-import', entityId: `第${i}批.xlsx`, after: { file: `第${i}批.xlsx`, counts: { updated: 1000 }, changes } },
          at,
        );
      } else if (i % 10 === 0) insertAudit(store, actor, { operation: 'auth.login', entityType: 'user', entityId: actor.id }, at);
      else
        insertAudit(
          store,
          actor,
          { operation: 'candidates.update', entityType: 'candidate', entityId: ids[(i * 7919) % ids.length]!, before: { phone: '13800000000' }, after: { phone: '13900000000' } },
          at,
        );
    }
  });
  return { store, dir, people };
}

function drop(state: unknown): void {
  const { store, dir } = state as State;
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

/** Each filter as the page asks for it (count and first page), timed one by one: each is a sample. */
function timed(store: Store, filters: AuditFilter[]): number[] {
  return filters.map((f) => {
    const t0 = performance.now();
    listAudit(store, { ...f, page: 1, pageSize: 50 });
    return performance.now() - t0;
  });
}

export const auditCases: BenchCase[] = [
  {
    name: 'audit: search a candidate or account, 100,000 entries',
    runs: 1,
    setup: filledLog,
    // As typed: a surname, a full name, part of an ID number, a username; with a filter too.
    run: (state) => {
      const { store, people } = state as State;
      const searches = people.slice(0, 40).flatMap((p, i) => [p.name.slice(0, 1), p.name, p.idNumber.slice(-6 - (i % 4)), i % 2 ? 'zhangwei' : '刘']);
      return timed(store, [...searches.map((search) => ({ search })), ...searches.slice(0, 20).map((search) => ({ search, operation: 'candidates.update' }))]);
    },
    teardown: drop,
  },
  {
    name: 'audit: a page by actor, operation, type or month, 100,000 entries',
    runs: 1,
    setup: filledLog,
    run: (state) => {
      const { store } = state as State;
      const filters: AuditFilter[] = [{}, { actor: 'zhangwei' }, { operation: 'candidates.update' }, { entityType: 'candidate' }, { from: '2026-03-01', to: '2026-03-31' }];
      return timed(store, [...filters, ...filters, ...filters, ...filters]);
    },
    teardown: drop,
  },
];
