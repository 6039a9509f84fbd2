import type { Selectable } from 'kysely';
import { missingForEnrollment, type Candidate } from '../../../src-shared/domain/candidate';
import { pinyinSearchKey } from '../../../src-shared/domain/pinyin-search';
import type { CandidateRow } from '../../../src-shared/api/candidates';
import type { CandidateTable } from '../../store/schema';
import type { Store } from '../../store/store';
import type { CandidateValues, ExistingCandidate } from './import-rows';

/** Reading and writing candidate rows: the one place that knows the column names. */
export function toCandidate(r: Selectable<CandidateTable>, hasPhoto: boolean): Candidate {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    namePinyin: r.name_pinyin,
    idNumber: r.id_number,
    phone: r.phone,
    major: r.major,
    majorLevel: r.major_level,
    entryYear: r.entry_year,
    education: r.education,
    employer: r.employer,
    hasPhoto,
    realnameStatus: r.realname_status,
    realnameReason: r.realname_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toRow(c: Candidate): CandidateRow {
  return { ...c, missing: missingForEnrollment(c) };
}

export function loadCandidate(store: Store, id: number): CandidateRow | null {
  const r = store.get(store.q.selectFrom('candidates').selectAll().where('id', '=', id));
  if (!r) return null;
  const photo = store.get(store.q.selectFrom('candidate_photos').select('candidate_id').where('candidate_id', '=', id));
  return toRow(toCandidate(r, photo !== undefined));
}

/** Every candidate by ID number, for the import's duplicate and update checks. */
export function existingByIdNumber(store: Store): Map<string, ExistingCandidate> {
  const rows = store.db.prepare('SELECT id, kind, name, name_pinyin, id_number, phone, major, major_level, entry_year, education, employer FROM candidates').all() as {
    id: number;
    kind: 'school' | 'social';
    name: string;
    name_pinyin: string;
    id_number: string;
    phone: string | null;
    major: string | null;
    major_level: string | null;
    entry_year: number | null;
    education: string | null;
    employer: string | null;
  }[];
  return new Map(
    rows.map((r) => [
      r.id_number,
      {
        id: r.id,
        kind: r.kind,
        name: r.name,
        namePinyin: r.name_pinyin,
        idNumber: r.id_number,
        phone: r.phone,
        major: r.major,
        majorLevel: r.major_level,
        entryYear: r.entry_year,
        education: r.education,
        employer: r.employer,
      },
    ]),
  );
}

const INSERT = `INSERT INTO candidates (kind, name, name_pinyin, pinyin_key, id_number, phone, major, major_level, entry_year, education, employer, realname_status, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unverified', ?, ?)`;

export function insertCandidate(store: Store, kind: 'school' | 'social', v: CandidateValues, now: string): number {
  const key = pinyinSearchKey(v.name, v.namePinyin);
  const r = store.prepare(INSERT).run(kind, v.name, v.namePinyin, key, v.idNumber, v.phone, v.major, v.majorLevel, v.entryYear, v.education, v.employer, now, now);
  return Number(r.lastInsertRowid);
}

const COLUMN_OF: Record<keyof CandidateValues, string> = {
  name: 'name',
  namePinyin: 'name_pinyin',
  idNumber: 'id_number',
  phone: 'phone',
  major: 'major',
  majorLevel: 'major_level',
  entryYear: 'entry_year',
  education: 'education',
  employer: 'employer',
};

/** Writes only the given fields (批量修改: only what changed). A new name resets the real-name check; a new name or pinyin, the search key. */
export function updateCandidateFields(store: Store, id: number, fields: Partial<CandidateValues>, now: string): void {
  const keys = (Object.keys(fields) as (keyof CandidateValues)[]).filter((k) => k !== 'idNumber');
  if (!keys.length) return;
  const resetRealname = keys.includes('name');
  const sql = `UPDATE candidates SET ${keys.map((k) => `${COLUMN_OF[k]} = ?`).join(', ')}${resetRealname ? ", realname_status = 'unverified', realname_reason = NULL" : ''}, updated_at = ? WHERE id = ?`;
  store.prepare(sql).run(...keys.map((k) => fields[k] ?? null), now, id);
  if (keys.includes('name') || keys.includes('namePinyin')) {
    const r = store.prepare('SELECT name, name_pinyin FROM candidates WHERE id = ?').get(id) as { name: string; name_pinyin: string };
    store.prepare('UPDATE candidates SET pinyin_key = ? WHERE id = ?').run(pinyinSearchKey(r.name, r.name_pinyin), id);
  }
}

/** A new ID number is a new person to verify: the real-name check starts again. */
export function changeIdNumber(store: Store, id: number, idNumber: string): void {
  store.prepare("UPDATE candidates SET id_number = ?, realname_status = 'unverified', realname_reason = NULL WHERE id = ?").run(idNumber, id);
}

export function removeCandidate(store: Store, id: number): void {
  store.prepare('DELETE FROM candidates WHERE id = ?').run(id);
}

export function markRealnameConfirmed(store: Store, id: number, by: string, at: string): void {
  store.prepare("UPDATE candidates SET realname_status = 'confirmed', realname_confirmed_by = ?, realname_confirmed_at = ?, updated_at = ? WHERE id = ?").run(by, at, at, id);
}

/** The platform's 人脸核身 result for one ID number. */
export function setRealnameResult(store: Store, idNumber: string, status: 'verified' | 'failed' | 'confirmed', reason: string | null): void {
  store.prepare('UPDATE candidates SET realname_status = ?, realname_reason = ? WHERE id_number = ?').run(status, reason, idNumber);
}
