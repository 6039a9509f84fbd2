import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateListInput } from '../../src-shared/api/candidates';
import { pinyinOf } from '../../src-shared/domain/candidate';
import { openAndMigrate } from '../../src-main/core/app-core';
import { listCandidates } from '../../src-main/core/candidates/candidates-service';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { addPeople } from '../fixtures/candidates';
import { tempDir } from '../helpers/temp-dir';

/** What the search box promises, said plainly: any part of the name, pinyin (spaces and case aside), ID number or phone. */
function matches(p: { name: string; pinyin: string; idNumber: string; phone: string }, search: string): boolean {
  const s = search.trim();
  const squash = (t: string) => t.toLowerCase().replace(/\s+/g, '');
  return p.name.toLowerCase().includes(s.toLowerCase()) || squash(p.pinyin).includes(squash(s)) || p.idNumber.includes(s.toUpperCase()) || p.phone.includes(s);
}

describe('candidate search', () => {
  it('finds exactly the candidates whose name, pinyin, ID number or phone contains the text', async () => {
    const store = await openAndMigrate(tempDir());
    const people = fakePeople(400, 8).map((p) => ({ ...p, pinyin: pinyinOf(p.name) }));
    // An ID ending in X, and a name with Latin letters, so those paths are exercised too.
    const withX = people.find((p) => p.idNumber.endsWith('X'));
    addPeople(store, people);
    const found = (search: string) =>
      listCandidates(store, candidateListInput.parse({ kind: 'school', search, limit: 500 }))
        .rows.map((r) => r.idNumber)
        .sort();
    const expected = (search: string) =>
      people
        .filter((p) => matches(p, search))
        .map((p) => p.idNumber)
        .sort();

    const fragment = (text: string) => fc.tuple(fc.nat(text.length - 1), fc.integer({ min: 1, max: 8 })).map(([from, n]) => text.slice(from, from + n));
    const searches = fc.oneof(
      fc.constantFrom(...people).chain((p) => fragment(p.name)),
      fc
        .constantFrom(...people)
        .chain((p) => fragment(p.pinyin))
        .map((s) => (s.length % 2 ? s.toUpperCase() : s)),
      fc.constantFrom(...people).chain((p) => fragment(p.pinyin.replace(/ /g, ''))),
      fc
        .constantFrom(...people)
        .chain((p) => fragment(p.idNumber))
        .map((s) => s.toLowerCase()),
      fc.constantFrom(...people).chain((p) => fragment(p.phone)),
      fc.string({ minLength: 1, maxLength: 3 }),
    );
    let checked = 0;
    fc.assert(
      fc.property(searches, (search) => {
        if (!search.trim()) return true;
        checked++;
        expect(found(search)).toEqual(expected(search));
        return true;
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(200);
    if (withX) expect(found(withX.idNumber.slice(-4).toLowerCase())).toContain(withX.idNumber);
    expect(found('zhang wei').length).toBe(expected('zhang wei').length);
    // LIKE's wildcards are text here.
    for (const s of ['%', '_', '1_3', '%%']) expect(found(s)).toEqual(expected(s));
    store.close();
  });
});
