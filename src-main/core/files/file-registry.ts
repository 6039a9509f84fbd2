import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../src-shared/errors';
import type { Actor } from '../../../src-shared/actor';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../files/private-fs';
import { DAY_MS, sweepDir } from './sweep-dir';
import { UploadQuota } from './upload-quota';

export interface FileRef {
  fileId: string;
  name: string;
  size: number;
}

/** Who hands a file in through a transport: the quota's account, and the session whose end clears it. */
export interface Uploader {
  actor: Actor;
  session: string;
}

interface Registered extends FileRef {
  path: string;
  ownerId: number | null;
  /** Handed in through a transport: `counted` bytes of its account's quota, until its session ends. */
  uploader?: { session: string; ownerId: number; copied: boolean; counted: number };
}

/**
 * Files that cross into the app (uploads in the browser mode, files picked in Electron) and
 * files it offers back (packages, sheets). Pages only ever hold a file id; the path stays here.
 */
export class FileRegistry {
  private readonly files = new Map<string, Registered>();
  /** Uploads of ended sessions that a running job might still read: deleted once no job runs, counted until then. */
  private readonly leftovers = new Map<string, { ownerId: number; counted: number }>();
  readonly uploadDir: string;
  readonly quota = new UploadQuota();

  constructor(
    dataDir: string,
    private readonly jobsRunning: () => boolean = () => false,
  ) {
    this.uploadDir = join(dataDir, 'uploads');
  }

  /** Uploads older than a day belong to sessions long gone. */
  sweep(now = Date.now()): void {
    sweepDir(this.uploadDir, DAY_MS, now);
  }

  /**
   * Streams an upload to disk, refusing it past the limits with nothing left behind: by its
   * declared length before a byte is read, else as the bytes arrive. On refusal the body is
   * left unread (paused), so the transport can close the connection instead of draining it.
   */
  async saveUpload(body: Readable, name: string, by: Uploader, declaredBytes?: number): Promise<FileRef> {
    const shownName = cleanName(name);
    this.deleteLeftovers();
    if (declaredBytes !== undefined) this.quota.check(by.actor, shownName, declaredBytes);
    makePrivateDir(this.uploadDir);
    const path = join(this.uploadDir, randomUUID());
    let taken = 0;
    const out = createWriteStream(path, { mode: PRIVATE_FILE_MODE });
    try {
      await new Promise<void>((resolve, reject) => {
        body.on('data', (chunk: Buffer) => {
          try {
            this.quota.take(by.actor, shownName, taken + chunk.length, chunk.length);
            taken += chunk.length;
          } catch (e) {
            body.unpipe(out);
            body.pause();
            out.destroy();
            reject(e);
          }
        });
        body.on('error', () => reject(new AppError('BAD_FILE', '上传在传输中断开。')));
        out.on('error', reject);
        out.on('finish', () => resolve());
        body.pipe(out);
      });
    } catch (e) {
      this.quota.give(by.actor.id!, taken);
      // The file opens asynchronously: removed before that, it would appear after.
      out.destroy();
      if (!out.closed) await once(out, 'close').catch(() => {});
      rmSync(path, { force: true });
      throw e;
    }
    return this.add(path, name, by.actor, { session: by.session, ownerId: by.actor.id!, copied: true, counted: taken });
  }

  /** A file the person picked (Electron): it stays where it is, but counts toward the same limits. */
  registerPicked(path: string, name: string, by: Uploader): FileRef {
    const size = statSync(path).size;
    this.deleteLeftovers();
    // Picking the same file again does not count it twice.
    const again = [...this.files.values()].some((f) => f.uploader?.ownerId === by.actor.id && f.path === path);
    const counted = again ? 0 : size;
    this.quota.take(by.actor, cleanName(name), size, counted);
    try {
      return this.add(path, name, by.actor, { session: by.session, ownerId: by.actor.id!, copied: false, counted });
    } catch (e) {
      this.quota.give(by.actor.id!, counted);
      throw e;
    }
  }

  register(path: string, name: string, owner: Actor): FileRef {
    return this.add(path, name, owner);
  }

  /**
   * A session ended: its uploads go (the page that held their ids is gone), and what it picked
   * no longer counts. An upload a running job may still read is deleted once no job runs.
   */
  releaseSession(session: string): void {
    for (const [fileId, ref] of this.files) {
      const uploader = ref.uploader;
      if (uploader?.session !== session) continue;
      this.files.delete(fileId);
      if (uploader.copied) this.leftovers.set(ref.path, { ownerId: uploader.ownerId, counted: uploader.counted });
      else this.quota.give(uploader.ownerId, uploader.counted);
    }
    this.deleteLeftovers();
  }

  /** The path behind an id, for its owner (or the principal, or a caller without an account: CLI). */
  resolve(fileId: string, actor: Actor): FileRef & { path: string } {
    const ref = this.files.get(fileId);
    if (!ref || !existsSync(ref.path)) throw new AppError('NOT_FOUND', '找不到这个文件，请重新选择。');
    if (ref.ownerId !== null && actor.id !== null && ref.ownerId !== actor.id && actor.role !== 'principal') throw new AppError('FORBIDDEN', '这是其他账号上传的文件。');
    return { fileId: ref.fileId, name: ref.name, size: ref.size, path: ref.path };
  }

  private add(path: string, name: string, owner: Actor, uploader?: Registered['uploader']): FileRef {
    const st = statSync(path);
    if (!st.isFile()) throw new AppError('BAD_FILE', `${basename(path)} 不是文件。`);
    const ref: Registered = { fileId: randomUUID(), name: cleanName(name), size: st.size, path, ownerId: owner.id, ...(uploader ? { uploader } : {}) };
    this.files.set(ref.fileId, ref);
    return { fileId: ref.fileId, name: ref.name, size: ref.size };
  }

  private deleteLeftovers(): void {
    if (this.leftovers.size === 0 || this.jobsRunning()) return;
    for (const [path, left] of this.leftovers) {
      try {
        rmSync(path, { force: true });
        this.leftovers.delete(path);
        this.quota.give(left.ownerId, left.counted);
      } catch {
        // Still open elsewhere (Windows): the next upload, or the day-old sweep, takes it.
      }
    }
  }
}

/** Only the last path segment, without control characters: it is shown and used as a download name. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f]/g, '').slice(0, 200) || '未命名文件';
}
