import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PhotoCode } from '../../pipelines/photos/photo-codes';
import type { AcceptedPhoto } from '../../pipelines/photos/check-photo';
import type { Store } from '../../store/store';
import { AppError } from '../../../src-shared/errors';
import { makePrivateDir, makePrivateFile } from '../../files/private-fs';
import { stagingDir } from '../paths';
import { stagedPhotoMover, type PhotoMeta } from './photo-store';

/** What checking one photo concluded, before anyone decided about replacing existing photos. */
export type PhotoOutcome = { ok: true; message: string; fixed: boolean } | { ok: false; code: PhotoCode; message: string };

/** The one row of a work file's `checked` table: what its check saw, written when it finished. */
interface CheckedRow {
  file_hash: string;
  file_identity: string;
  fix: number;
  plan: string;
  outcomes: string;
}

const PREFIX = 'photo-import-';
/** Staged photos written together: a few hundred KB of ordinary photos, never past 16 MB. */
const FLUSH_PHOTOS = 50;
const FLUSH_BYTES = 16 * 1024 * 1024;

/**
 * The accepted photos of one check, in a SQLite file of the data folder attached to the job's
 * connection: a ZIP of 10,000 photos never sits in memory, and the commit that follows the
 * user's check moves them in one short transaction instead of decoding every photo again — the
 * check is reused only for the same file bytes, the same auto-fix choice and the same plan
 * (entry names against the candidates and who has a photo), else the commit checks afresh.
 * A cancel or crash leaves at most this file, never a row in the store; the next check
 * replaces it, a commit removes its own, and the app sweeps those a day old when it starts.
 */
export class PhotoStaging {
  private readonly store: Store;
  private readonly path: string;
  private readonly names = new Map<number, string>();
  private attached = true;
  private pending: { candidateId: number; entryName: string; photo: AcceptedPhoto; replaces: boolean }[] = [];
  private pendingBytes = 0;

  private constructor(store: Store, path: string) {
    this.store = store;
    this.path = path;
    store.db.prepare('ATTACH DATABASE ? AS staging').run(path);
    makePrivateFile(path);
    // A work file rebuilt whenever in doubt: no journal, no syncs.
    store.db.exec('PRAGMA staging.journal_mode = OFF; PRAGMA staging.synchronous = OFF');
  }

  /**
   * One file per process: the command line may check a ZIP while the app has a check of its own
   * waiting (and Windows cannot delete a file another process has open).
   */
  private static fileFor(dataDir: string): string {
    return join(stagingDir(dataDir), `${PREFIX}${process.pid}.sqlite`);
  }

  /** A fresh staging file, in place of what this process's previous check left. */
  static create(store: Store, dataDir: string): PhotoStaging {
    makePrivateDir(stagingDir(dataDir));
    rmSync(PhotoStaging.fileFor(dataDir), { force: true });
    const staging = new PhotoStaging(store, PhotoStaging.fileFor(dataDir));
    store.db.exec('PRAGMA staging.page_size = 65536');
    store.db.exec(`
      CREATE TABLE staging.photos (
        candidate_id INTEGER PRIMARY KEY, entry_name TEXT NOT NULL, replaces INTEGER NOT NULL, data BLOB NOT NULL, format TEXT NOT NULL,
        width INTEGER NOT NULL, height INTEGER NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, background TEXT NOT NULL);
      CREATE TABLE staging.checked (file_hash TEXT NOT NULL, file_identity TEXT NOT NULL, fix INTEGER NOT NULL, plan TEXT NOT NULL, outcomes TEXT NOT NULL);`);
    return staging;
  }

  /**
   * The hash the last finished check recorded for its ZIP, if the file at hand is that same file
   * unchanged since (`fileIdentity`); else null.
   */
  static recordedHash(store: Store, dataDir: string, identity: string): string | null {
    const staging = PhotoStaging.attachExisting(store, dataDir);
    if (!staging) return null;
    try {
      const row = store.db.prepare('SELECT file_hash, file_identity FROM staging.checked').get() as Pick<CheckedRow, 'file_hash' | 'file_identity'> | undefined;
      return row && row.file_identity !== '' && row.file_identity === identity ? row.file_hash : null;
    } catch {
      return null;
    } finally {
      staging.detach();
    }
  }

  /** The finished check of the same file, flags and plan, with its outcomes; else null. */
  static reuse(store: Store, dataDir: string, fileHash: string, fix: boolean, plan: string): { staging: PhotoStaging; outcomes: (PhotoOutcome | null)[] } | null {
    const staging = PhotoStaging.attachExisting(store, dataDir);
    if (!staging) return null;
    try {
      const row = store.db.prepare('SELECT file_hash, fix, plan, outcomes FROM staging.checked').get() as CheckedRow | undefined;
      if (row && row.file_hash === fileHash && row.fix === (fix ? 1 : 0) && row.plan === plan) {
        for (const r of store.db.prepare('SELECT candidate_id, entry_name FROM staging.photos').all() as { candidate_id: number; entry_name: string }[])
          staging.names.set(r.candidate_id, r.entry_name);
        return { staging, outcomes: JSON.parse(row.outcomes) as (PhotoOutcome | null)[] };
      }
    } catch {
      // A file cut short by a crash, or of an older layout: the check runs again.
    }
    staging.detach();
    return null;
  }

  private static attachExisting(store: Store, dataDir: string): PhotoStaging | null {
    const path = PhotoStaging.fileFor(dataDir);
    if (!existsSync(path)) return null;
    try {
      return new PhotoStaging(store, path);
    } catch {
      return null;
    }
  }

  add(candidateId: number, entryName: string, photo: AcceptedPhoto, replaces: boolean): void {
    this.pending.push({ candidateId, entryName, photo, replaces });
    this.pendingBytes += photo.data.length;
    this.names.set(candidateId, entryName);
    if (this.pending.length >= FLUSH_PHOTOS || this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  /**
   * Photos go in by the batch, one transaction each: an autocommit per photo cost ~0.3 ms of
   * the main thread, the thread that keeps the sharp decodes fed (3 s in 10,000 photos).
   */
  private flush(): void {
    if (!this.pending.length) return;
    const insert = this.store.prepare(
      'INSERT INTO staging.photos (candidate_id, entry_name, replaces, data, format, width, height, size, sha256, background) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.store.db.transaction(() => {
      for (const { candidateId, entryName, photo, replaces } of batch)
        insert.run(candidateId, entryName, replaces ? 1 : 0, photo.data, photo.format, photo.width, photo.height, photo.size, photo.sha256, photo.background);
    })();
  }

  /**
   * Written last: a file without it is a check that never finished. `identity`: the ZIP's
   * `fileIdentity` while it was checked ('' when it changed during the check).
   */
  finish(fileHash: string, identity: string, fix: boolean, plan: string, outcomes: (PhotoOutcome | null)[]): void {
    this.flush();
    this.store
      .prepare('INSERT INTO staging.checked (file_hash, file_identity, fix, plan, outcomes) VALUES (?, ?, ?, ?, ?)')
      .run(fileHash, identity, fix ? 1 : 0, plan, JSON.stringify(outcomes));
  }

  entryName(candidateId: number): string {
    return this.names.get(candidateId)!;
  }

  /**
   * Moves the staged photos into `candidate_photos` — those replacing a photo only with
   * `replace`. Must run inside the caller's transaction. Refuses when the store moved since the
   * check: a candidate deleted, or a photo added to one whose replacement nobody confirmed.
   * Returns the photos it replaced, for the audit log.
   */
  commit(
    at: string,
    replace: boolean,
    onBatch: (done: number, total: number) => void,
  ): { written: number; replaced: { candidateId: number; before: PhotoMeta; after: PhotoMeta }[] } {
    const db = this.store.db;
    const chosen = `(s.replaces = 0 OR ${replace ? 1 : 0})`;
    const gone = db.prepare(`SELECT count(*) AS n FROM staging.photos s WHERE ${chosen} AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.id = s.candidate_id)`).get() as {
      n: number;
    };
    if (gone.n > 0) throw new AppError('CONFLICT', `检查之后有 ${gone.n} 名考生被删除，请重新检查压缩包后再导入。`);
    const replaced = (
      db
        .prepare(
          `SELECT s.candidate_id AS candidateId, s.replaces AS confirmed, p.sha256 AS oldSha, p.size AS oldSize, p.width AS oldWidth, p.height AS oldHeight, p.format AS oldFormat,
             s.sha256 AS newSha, s.size AS newSize, s.width AS newWidth, s.height AS newHeight, s.format AS newFormat
           FROM staging.photos s JOIN candidate_photos p ON p.candidate_id = s.candidate_id WHERE ${chosen}`,
        )
        .all() as Record<string, string | number>[]
    ).map((r) => ({
      candidateId: r.candidateId as number,
      confirmed: r.confirmed === 1,
      before: { sha256: r.oldSha as string, size: r.oldSize as number, width: r.oldWidth as number, height: r.oldHeight as number, format: r.oldFormat as string },
      after: { sha256: r.newSha as string, size: r.newSize as number, width: r.newWidth as number, height: r.newHeight as number, format: r.newFormat as string },
    }));
    const unconfirmed = replaced.filter((r) => !r.confirmed);
    if (unconfirmed.length) throw new AppError('CONFLICT', `检查之后有 ${unconfirmed.length} 名考生已有了照片，替换需要确认，请重新检查压缩包后再导入。`);

    const ids = db.prepare(`SELECT candidate_id FROM staging.photos s WHERE ${chosen} ORDER BY candidate_id`).pluck().all() as number[];
    const move = stagedPhotoMover(this.store, chosen);
    // In batches, so a cancel between two of them rolls the whole transaction back promptly.
    const BATCH = 500;
    for (let i = 0; i < ids.length; i += BATCH) {
      onBatch(i, ids.length);
      const batch = ids.slice(i, i + BATCH);
      move(at, batch[0]!, batch.at(-1)!);
    }
    onBatch(ids.length, ids.length);
    return { written: ids.length, replaced: replaced.map(({ confirmed: _, ...r }) => r) };
  }

  detach(): void {
    if (this.attached && this.store.db.open) this.store.db.exec('DETACH DATABASE staging');
    this.attached = false;
  }

  /** After a commit: the photos are in the store now, the work file goes. */
  remove(): void {
    this.detach();
    rmSync(this.path, { force: true });
  }
}
