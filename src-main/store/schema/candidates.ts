import { col, table, type RowOf } from './columns';

/** 考生 and their photos (migrations 0003 and 0004). */
export const candidateTables = {
  candidates: table({
    id: col.int().primaryKey().generated(),
    kind: col.text('school', 'social'),
    name: col.text(),
    name_pinyin: col.text(),
    id_number: col.text(),
    phone: col.text().nullable(),
    major: col.text().nullable(),
    major_level: col.text().nullable(),
    entry_year: col.int().nullable(),
    education: col.text().nullable(),
    employer: col.text().nullable(),
    realname_status: col.text('unverified', 'verified', 'failed', 'confirmed'),
    realname_reason: col.text().nullable(),
    realname_confirmed_by: col.text().nullable(),
    realname_confirmed_at: col.text().nullable(),
    created_at: col.text(),
    updated_at: col.text(),
    // The search key (reading and initials: "zhangwei zw"), added by migration 0006.
    pinyin_key: col.text().generated(),
  }),
  candidate_photos: table({
    candidate_id: col.int().primaryKey(),
    data: col.blob(),
    format: col.text('jpeg', 'png'),
    width: col.int(),
    height: col.int(),
    size: col.int(),
    sha256: col.text(),
    background: col.text().nullable(),
    updated_at: col.text(),
  }),
};

export type CandidateTable = RowOf<typeof candidateTables.candidates>;
export type CandidatePhotoTable = RowOf<typeof candidateTables.candidate_photos>;
