import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateListInput } from '../../src-shared/api/candidates';
import { pinyinOf } from '../../src-shared/domain/candidate';
import { openAndMigrate } from '../../src-main/core/app-core';
import { updateCandidateFields } from '../../src-main/core/candidates/candidate-store';
import { listCandidates } from '../../src-main/core/candidates/candidates-service';
import { MIGRATIONS } from '../../src-main/store/migrations';
import type { Store } from '../../src-main/store/store';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { addPeople } from '../fixtures/candidates';
import { tempDir } from '../helpers/temp-dir';

/**
 * What the search box promises, said plainly: any part of the name, of the pinyin or of its
 * initials (spaces, case and tone marks aside; ü typed as v, ü or u:), of the ID number or of
 * the phone.
 */
function matches(p: { name: string; pinyin: string; idNumber: string; phone: string }, search: string): boolean {
  const s = search.trim();
  const letters = (t: string) =>
    t
      .toLowerCase()
      .normalize('NFD')
      .replace(/u\u0308|u:/g, 'v')
      .replace(/[\u0300-\u036f\s]/g, '');
  const initials = p.pinyin
    .split(' ')
    .map((syllable) => syllable[0])
    .join('');
  const typed = letters(s);
  return (
    p.name.toLowerCase().includes(s.toLowerCase()) || letters(p.pinyin).includes(typed) || initials.includes(typed) || p.idNumber.includes(s.toUpperCase()) || p.phone.includes(s)
  );
}

/** ü as people type it: v (what the store holds), ü, u:, or with a tone mark. */
const spellings = (fragment: string) => fc.constantFrom(fragment, fragment.replace(/v/g, 'ü'), fragment.replace(/v/g, 'u:'), fragment.replace(/v/g, 'ǚ'));

describe('candidate search', () => {
  it('finds exactly the candidates whose name, pinyin or its initials, ID number or phone contains the text', async () => {
    const store = await openAndMigrate(tempDir());
    // The names coordinators gave as examples join the made-up ones (女 and 吕 carry a ü; 单 is read shan as a surname).
    const named = ['张伟', '孙小明', '吕布', '吕女士', '单雄信'].map((name, i) => ({ ...fakePeople(1, 900 + i)[0]!, name }));
    const people = [...fakePeople(400, 8), ...named].map((p) => ({ ...p, pinyin: pinyinOf(p.name) }));
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
      // Initials, as a coordinator types them first.
      fc.constantFrom(...people).chain((p) =>
        fragment(
          p.pinyin
            .split(' ')
            .map((x) => x[0])
            .join(''),
        ),
      ),
      fc
        .constantFrom(...people.filter((p) => p.pinyin.includes('v')))
        .chain((p) => fragment(p.pinyin.replace(/ /g, '')))
        .chain(spellings),
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
    // The examples coordinators gave: initials first, and 吕 however ü is typed.
    const zhangWei = people.filter((p) => p.pinyin.startsWith('zhang w'));
    expect(zhangWei.length).toBeGreaterThan(0);
    for (const p of zhangWei) expect(found('zw')).toContain(p.idNumber);
    expect(found('sxm')).toContain(named[1]!.idNumber);
    expect(found('sxx')).toContain(named[4]!.idNumber);
    const lv = people.filter((p) => p.name.startsWith('吕'));
    expect(lv.length).toBeGreaterThan(0);
    for (const s of ['lv', 'lü', 'lu:', 'LÜ', 'v']) for (const p of lv) expect(found(s), s).toContain(p.idNumber);
    expect(found('lu')).not.toContain(lv[0]!.idNumber);
    store.close();
  });

  it('keeps the initials right when 批量修改 or the form changes a name, and fills them in for candidates of an older store', async () => {
    const dir = tempDir();
    const old = await openAndMigrate(dir, MIGRATIONS.slice(0, 5));
    const [a, b] = fakePeople(2, 71);
    const insert = old.db.prepare(
      "INSERT INTO candidates (kind, name, name_pinyin, id_number, created_at, updated_at) VALUES ('school', ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    );
    insert.run('张伟', 'zhang wei', a!.idNumber);
    // Pinyin typed without spaces: the initials come from the reading it spells.
    insert.run('孙小明', 'SunXiaoMing', b!.idNumber);
    old.close();

    const store = await openAndMigrate(dir);
    const found = (s: Store, search: string) => listCandidates(s, candidateListInput.parse({ kind: 'school', search })).rows.map((r) => r.name);
    expect(found(store, 'zw')).toEqual(['张伟']);
    expect(found(store, 'sxm')).toEqual(['孙小明']);
    const id = (store.db.prepare('SELECT id FROM candidates WHERE name = ?').get('张伟') as { id: number }).id;
    updateCandidateFields(store, id, { name: '吕布', namePinyin: 'lv bu' }, '2026-03-01T00:00:00Z');
    expect(found(store, 'zw')).toEqual([]);
    expect(found(store, 'lb')).toEqual(['吕布']);
    expect(found(store, 'lü')).toEqual(['吕布']);
    store.close();
  });
});
