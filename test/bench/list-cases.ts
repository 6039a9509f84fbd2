import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAndMigrate } from '../../src-main/core/app-core';
import { listCandidates } from '../../src-main/core/candidates/candidates-service';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import type { Store } from '../../src-main/store/store';
import { candidateListInput, type CandidateFilter } from '../../src-shared/api/candidates';
import { addPeople } from '../fixtures/candidates';
import type { BenchCase } from './harness';

const COUNT = 50_000;
const people = fakePeople(COUNT, 50_001);
let shared: Store | undefined;

/** One store of 50,000 school candidates for every run (built once, not timed). */
async function store(): Promise<Store> {
  if (shared) return shared;
  const s = await openAndMigrate(mkdtempSync(join(tmpdir(), 'examsite-bench-')));
  addPeople(s, people);
  shared = s;
  return s;
}

/** What the list asks for after a keystroke or a click: its count and first page of 100. */
function page(s: Store, filter: Omit<CandidateFilter, 'kind'>, sort?: 'name' | 'entryYear'): void {
  const result = listCandidates(s, candidateListInput.parse({ kind: 'school', ...filter, ...(sort ? { sort, order: 'asc' } : {}) }));
  if (result.rows.length === 0 && result.total !== 0) throw new Error('a page without rows');
}

/**
 * The query part of DESIGN.md §6's "candidate list, 50,000 rows: filter keystroke to paint
 * < 100 ms" (the rest is the transport and React): each query is what one keystroke or click asks.
 */
export const listCases: BenchCase[] = [
  {
    name: 'candidate list of 50,000: 4 search keystrokes (name, pinyin, ID, phone)',
    runs: 15,
    setup: store,
    run: (s) => {
      // The searches a coordinator types, in turn: a surname, pinyin, part of an ID, a phone.
      const target = people[31_337]!;
      for (const search of [target.name.slice(0, 1), 'zhang', target.idNumber.slice(6, 14), target.phone.slice(-4)]) page(s as Store, { search });
    },
  },
  {
    name: 'candidate list of 50,000: 3 filter clicks (year, major, incomplete)',
    runs: 15,
    setup: store,
    run: (s) => {
      const target = people[12_345]!;
      page(s as Store, { entryYear: target.entryYear }, 'name');
      page(s as Store, { entryYear: target.entryYear, major: target.major ?? undefined }, 'name');
      page(s as Store, { complete: false }, 'entryYear');
    },
  },
];
