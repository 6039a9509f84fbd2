import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../src-shared/errors';
import type { Actor } from '../../../src-shared/actor';
import { DAY_MS, sweepDir } from './sweep-dir';

export interface FileRef {
  fileId: string;
  name: string;
  size: number;
}

interface Registered extends FileRef {
  path: string;
  ownerId: number | null;
}

/**
 * Files that cross into the app (uploads in the browser mode, files picked in Electron) and
 * files it offers back (packages, sheets). Pages only ever hold a file id; the path stays here.
 */
export class FileRegistry {
  private readonly files = new Map<string, Registered>();
  readonly uploadDir: string;

  constructor(dataDir: string) {
    this.uploadDir = join(dataDir, 'uploads');
  }

  /** Uploads older than a day belong to sessions long gone. */
  sweep(now = Date.now()): void {
    sweepDir(this.uploadDir, DAY_MS, now);
  }

  /** Streams an upload to disk, refusing it past `maxBytes` with nothing left behind. */
  async saveUpload(body: Readable, name: string, owner: Actor, maxBytes: number): Promise<FileRef> {
    mkdirSync(this.uploadDir, { recursive: true });
    const fileId = randomUUID();
    const path = join(this.uploadDir, fileId);
    let size = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        const out = createWriteStream(path);
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            body.unpipe(out);
            body.resume();
            out.destroy();
            reject(new AppError('TOO_LARGE', `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB 的上限。`));
          }
        });
        body.on('error', () => reject(new AppError('BAD_FILE', '上传在传输中断开。')));
        out.on('error', reject);
        out.on('finish', () => resolve());
        body.pipe(out);
      });
    } catch (e) {
      rmSync(path, { force: true });
      throw e;
    }
    return this.register(path, name, owner);
  }

  register(path: string, name: string, owner: Actor): FileRef {
    const st = statSync(path);
    if (!st.isFile()) throw new AppError('BAD_FILE', `${basename(path)} 不是文件。`);
    const ref: Registered = { fileId: randomUUID(), name: cleanName(name), size: st.size, path, ownerId: owner.id };
    this.files.set(ref.fileId, ref);
    return { fileId: ref.fileId, name: ref.name, size: ref.size };
  }

  /** The path behind an id, for its owner (or the principal, or a caller without an account: CLI). */
  resolve(fileId: string, actor: Actor): FileRef & { path: string } {
    const ref = this.files.get(fileId);
    if (!ref || !existsSync(ref.path)) throw new AppError('NOT_FOUND', '找不到这个文件，请重新选择。');
    if (ref.ownerId !== null && actor.id !== null && ref.ownerId !== actor.id && actor.role !== 'principal') throw new AppError('FORBIDDEN', '这是其他账号上传的文件。');
    return { fileId: ref.fileId, name: ref.name, size: ref.size, path: ref.path };
  }
}

/** Only the last path segment, without control characters: it is shown and used as a download name. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f]/g, '').slice(0, 200) || '未命名文件';
}
