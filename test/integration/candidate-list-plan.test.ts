import type { Compilable } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_SORTS, candidateListInput, type CandidateFilter } from '../../src-shared/api/candidates';
import { openAndMigrate } from '../../src-main/core/app-core';
import { candidateListQueries } from '../../src-main/core/candidates/candidates-service';
import { tempDir } from '../helpers/temp-dir';

/** The index each sort walks (migration 0004): one index answers sort and tie-breaker. */
const SORT_INDEX: Record<(typeof CANDIDATE_SORTS)[number], string> = {
  name: 'candidates_kind_pinyin',
  namePinyin: 'candidates_kind_pinyin',
  idNumber: 'candidates_kind_id_number',
  major: 'candidates_kind_major',
  entryYear: 'candidates_kind_year',
  updatedAt: 'candidates_kind_updated',
};

/** What the list's filter bar sends, one at a time and all together. */
const FILTERS: Record<string, Omit<CandidateFilter, 'kind'>> = {
  none: {},
  search: { search: 'zhang' },
  'search by digits': { search: '1301' },
  major: { major: '软件技术' },
  majorLevel: { majorLevel: '高职专科' },
  entryYear: { entryYear: 2024 },
  hasPhoto: { hasPhoto: false },
  realnameStatus: { realnameStatus: 'failed' },
  complete: { complete: false },
  'all at once': { search: 'wang', major: '软件技术', majorLevel: '高职专科', entryYear: 2024, hasPhoto: true, realnameStatus: 'verified', complete: true },
};

describe('candidate list query plans', () => {
  it('reads every page the list builds from its sort index, without sorting, and counts from an index (a search: from the table)', async () => {
    // No ANALYZE runs on a store, so the plans on an empty one are the plans at 50,000 rows.
    const store = await openAndMigrate(tempDir());
    const plan = (query: Compilable<unknown>) => {
      const { sql, parameters } = query.compile();
      return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((r) => r.detail).join(' | ');
    };
    try {
      for (const [name, filter] of Object.entries(FILTERS))
        for (const sort of CANDIDATE_SORTS)
          for (const order of ['asc', 'desc'] as const) {
            const { count, page } = candidateListQueries(store.q, candidateListInput.parse({ kind: 'school', ...filter, sort, order, offset: 200 }));
            const where = `${name}, ${sort} ${order}`;
            const rows = plan(page);
            // With several filters, one fixing the sort column (major = ?), another index can serve the order as well.
            const index = Object.keys(filter).length > 1 ? 'candidates_kind_\\w+' : SORT_INDEX[sort];
            expect(rows, where).toMatch(new RegExp(`^SEARCH c USING INDEX ${index} \\(kind=\\?`));
            expect(rows, where).not.toMatch(/TEMP B-TREE|\bSCAN c\b/);
            const counted = plan(count);
            for (const p of [rows, counted]) expect(p, where).not.toMatch(/\bSCAN p\b/);
            // A search tests every row anyway: its count stays off the kind indexes and reads the
            // table in order (the `+` in whereOf), unless another filter has an index of its own.
            if (filter.search) expect(counted, where).toMatch(/^(SCAN c( |$)|SEARCH c USING INDEX (?!candidates_kind_))/);
            else expect(counted, where).toMatch(/^SEARCH c USING (COVERING )?INDEX candidates_\w+ \(/);
          }
    } finally {
      store.close();
    }
  });
});
