import { AppError } from '../../../src-shared/errors';
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

const UPSERT = `INSERT INTO candidate_photos (candidate_id, data, format, width, height, size, sha256, background, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (candidate_id) DO UPDATE SET data = excluded.data, format = excluded.format, width = excluded.width, height = excluded.height,
    size = excluded.size, sha256 = excluded.sha256, background = excluded.background, updated_at = excluded.updated_at`;

/** One photo, inside the caller's transaction. */
export function upsertPhoto(store: Store, candidateId: number, photo: AcceptedPhoto, at: string): void {
  store.prepare(UPSERT).run(candidateId, photo.data, photo.format, photo.width, photo.height, photo.size, photo.sha256, photo.background, at);
}

/**
 * Accepted photos wait in a temporary table of the job's own connection until the commit: a
 * ZIP of 10,000 photos never sits in memory, the final write is one short synchronous
 * transaction, and a cancel or crash drops the table with the connection (SQLite unlinks its
 * temporary files as it opens them, so no photo is left lying in a folder).
 */
export class PhotoStaging {
  private readonly store: Store;
  private readonly names = new Map<number, string>();

  constructor(store: Store) {
    this.store = store;
    store.db.exec(`CREATE TEMP TABLE IF NOT EXISTS photo_staging (
      candidate_id INTEGER PRIMARY KEY, data BLOB NOT NULL, format TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,
      size INTEGER NOT NULL, sha256 TEXT NOT NULL, background TEXT NOT NULL)`);
    store.db.exec('DELETE FROM temp.photo_staging');
  }

  add(candidateId: number, entryName: string, photo: AcceptedPhoto): void {
    this.store
      .prepare('INSERT INTO temp.photo_staging (candidate_id, data, format, width, height, size, sha256, background) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(candidateId, photo.data, photo.format, photo.width, photo.height, photo.size, photo.sha256, photo.background);
    this.names.set(candidateId, entryName);
  }

  get size(): number {
    return this.names.size;
  }

  entryName(candidateId: number): string {
    return this.names.get(candidateId)!;
  }

  /**
   * Moves the staged photos into `candidate_photos`. Must run inside the caller's transaction.
   * Refuses when the store moved since the check: a candidate deleted, or a photo added to one
   * whose replacement nobody confirmed. Returns the photos it replaced, for the audit log.
   */
  commit(at: string, mayReplace: Set<number>, onBatch: (done: number, total: number) => void): { written: number; replaced: { candidateId: number; before: PhotoMeta; after: PhotoMeta }[] } {
    const store = this.store;
    const gone = store.db.prepare('SELECT count(*) AS n FROM temp.photo_staging s WHERE NOT EXISTS (SELECT 1 FROM candidates c WHERE c.id = s.candidate_id)').get() as { n: number };
    if (gone.n > 0) throw new AppError('CONFLICT', `检查之后有 ${gone.n} 名考生被删除，请重新检查压缩包后再导入。`);
    const replaced = (
      store.db
        .prepare(
          `SELECT s.candidate_id AS candidateId, p.sha256 AS oldSha, p.size AS oldSize, p.width AS oldWidth, p.height AS oldHeight, p.format AS oldFormat,
             s.sha256 AS newSha, s.size AS newSize, s.width AS newWidth, s.height AS newHeight, s.format AS newFormat
           FROM temp.photo_staging s JOIN candidate_photos p ON p.candidate_id = s.candidate_id`,
        )
        .all() as Record<string, string | number>[]
    ).map((r) => ({
      candidateId: r.candidateId as number,
      before: { sha256: r.oldSha as string, size: r.oldSize as number, width: r.oldWidth as number, height: r.oldHeight as number, format: r.oldFormat as string },
      after: { sha256: r.newSha as string, size: r.newSize as number, width: r.newWidth as number, height: r.newHeight as number, format: r.newFormat as string },
    }));
    const unconfirmed = replaced.filter((r) => !mayReplace.has(r.candidateId));
    if (unconfirmed.length) throw new AppError('CONFLICT', `检查之后有 ${unconfirmed.length} 名考生已有了照片，替换需要确认，请重新检查压缩包后再导入。`);

    const ids = (store.db.prepare('SELECT candidate_id FROM temp.photo_staging ORDER BY candidate_id').pluck().all() as number[]);
    const move = store.prepare(
      `INSERT INTO candidate_photos (candidate_id, data, format, width, height, size, sha256, background, updated_at)
       SELECT candidate_id, data, format, width, height, size, sha256, background, ? FROM temp.photo_staging WHERE candidate_id BETWEEN ? AND ?
       ON CONFLICT (candidate_id) DO UPDATE SET data = excluded.data, format = excluded.format, width = excluded.width, height = excluded.height,
         size = excluded.size, sha256 = excluded.sha256, background = excluded.background, updated_at = excluded.updated_at`,
    );
    // In batches, so a cancel between two of them rolls the whole transaction back promptly.
    const BATCH = 500;
    for (let i = 0; i < ids.length; i += BATCH) {
      onBatch(i, ids.length);
      const batch = ids.slice(i, i + BATCH);
      move.run(at, batch[0], batch.at(-1));
    }
    onBatch(ids.length, ids.length);
    return { written: ids.length, replaced };
  }
}
