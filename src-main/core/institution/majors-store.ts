import type { InstitutionMajor } from '../../../src-shared/domain/institution-majors';
import type { Store } from '../../store/store';

/** The one place institution_majors is written and read as rows. */
export function listInstitutionMajors(store: Store): (InstitutionMajor & { id: number })[] {
  return store.all(store.q.selectFrom('institution_majors').select(['id', 'code', 'name', 'level']).orderBy('level').orderBy('code'));
}

export function majorByCode(store: Store, code: string): (InstitutionMajor & { id: number }) | undefined {
  return store.get(store.q.selectFrom('institution_majors').select(['id', 'code', 'name', 'level']).where('code', '=', code));
}

export function upsertInstitutionMajor(store: Store, m: InstitutionMajor, now: string): void {
  store
    .prepare(
      `INSERT INTO institution_majors (code, name, level, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, updated_at = excluded.updated_at`,
    )
    .run(m.code, m.name, m.level, now, now);
}

export function deleteInstitutionMajor(store: Store, code: string): number {
  return store.prepare('DELETE FROM institution_majors WHERE code = ?').run(code).changes;
}
