import type { AcceptedPhoto } from '../../pipelines/photos/check-photo';
import type { Store } from '../../store/store';
import type { CandidateRef } from './photo-plan';

/** Reading and writing `candidate_photos`: the one place that knows its columns. */

export function candidatesByIdNumber(store: Store): Map<string, CandidateRef> {
  const rows = store.db
    .prepare('SELECT c.id, c.id_number, c.name, p.candidate_id IS NOT NULL AS has_photo FROM candidates c LEFT JOIN candidate_photos p ON p.candidate_id = c.id')
    .all() as { id: number; id_number: string; name: string; has_photo: number }[];
  return new Map(rows.map((r) => [r.id_number, { id: r.id, name: r.name, hasPhoto: r.has_photo === 1 }]));
}

export interface PhotoMeta {
  sha256: string;
  size: number;
  width: number;
  height: number;
  format: string;
}

export function photoMeta(store: Store, candidateId: number): PhotoMeta | null {
  return (store.prepare('SELECT sha256, size, width, height, format FROM candidate_photos WHERE candidate_id = ?').get(candidateId) as PhotoMeta | undefined) ?? null;
}

const INSERT = 'INSERT INTO candidate_photos (candidate_id, data, format, width, height, size, sha256, background, updated_at)';
const REPLACE = `ON CONFLICT (candidate_id) DO UPDATE SET data = excluded.data, format = excluded.format, width = excluded.width, height = excluded.height,
  size = excluded.size, sha256 = excluded.sha256, background = excluded.background, updated_at = excluded.updated_at`;
const UPSERT = `${INSERT} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ${REPLACE}`;

/** One photo, inside the caller's transaction. */
export function upsertPhoto(store: Store, candidateId: number, photo: AcceptedPhoto, at: string): void {
  store.prepare(UPSERT).run(candidateId, photo.data, photo.format, photo.width, photo.height, photo.size, photo.sha256, photo.background, at);
}

/**
 * Moves staged photos with candidate ids in [lo, hi] that `chosenSql` (over `staging.photos s`)
 * picks, inside the caller's transaction: one statement per batch, the bytes never leave SQLite.
 */
export function stagedPhotoMover(store: Store, chosenSql: string): (at: string, lo: number, hi: number) => void {
  const move = store.prepare(
    `${INSERT} SELECT candidate_id, data, format, width, height, size, sha256, background, ? FROM staging.photos s WHERE ${chosenSql} AND candidate_id BETWEEN ? AND ? ${REPLACE}`,
  );
  return (at, lo, hi) => {
    move.run(at, lo, hi);
  };
}
