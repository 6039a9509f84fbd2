import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingForEnrollment } from '../../src-shared/domain/candidate';
import { openAndMigrate } from '../../src-main/core/app-core';
import { COMPLETE_SQL } from '../../src-main/core/candidates/candidates-service';
import { tempDir } from '../helpers/temp-dir';

/** The list filters in SQL, the form and exports explain in TypeScript: they must agree. */
describe('completeness: SQL and TypeScript agree', () => {
  it('on any candidate', async () => {
    const store = await openAndMigrate(tempDir());
    const insert = store.db.prepare(
      'INSERT INTO candidates (kind, name, name_pinyin, id_number, phone, major, major_level, entry_year, realname_status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const photo = store.db.prepare(
      "INSERT INTO candidate_photos (candidate_id, data, format, width, height, size, sha256, updated_at) VALUES (?, x'00', 'jpeg', 1, 1, 1, 'x', 'now')",
    );
    const complete = store.db.prepare(`SELECT ${COMPLETE_SQL} AS ok FROM candidates c LEFT JOIN candidate_photos p ON p.candidate_id = c.id WHERE c.id = ?`);
    let n = 0;
    const maybe = <T>(v: fc.Arbitrary<T>) => fc.option(v, { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constantFrom('school' as const, 'social' as const),
          namePinyin: fc.constantFrom('', 'zhang wei'),
          phone: maybe(fc.constant('13805351234')),
          major: maybe(fc.constant('物流管理')),
          majorLevel: maybe(fc.constant('高职专科')),
          entryYear: maybe(fc.constant(2025)),
          hasPhoto: fc.boolean(),
          realnameStatus: fc.constantFrom('unverified' as const, 'verified' as const, 'failed' as const, 'confirmed' as const),
        }),
        (c) => {
          n++;
          const id = Number(
            insert.run(c.kind, '张伟', c.namePinyin, String(n).padStart(18, '0'), c.phone, c.major, c.majorLevel, c.entryYear, c.realnameStatus, 'now', 'now').lastInsertRowid,
          );
          if (c.hasPhoto) photo.run(id);
          const sql = (complete.get(id) as { ok: number }).ok === 1;
          return sql === (missingForEnrollment(c).length === 0);
        },
      ),
      { numRuns: 300 },
    );
    expect(n).toBeGreaterThan(0);
    store.close();
  });
});
