import { AppError } from '../../../src-shared/errors';
import type { Actor } from '../../../src-shared/actor';

/**
 * What a person may hand the app through a transport. One file: a ZIP of 10,000 photos is
 * 200–500 MB (about 20–50 KB a photo), a package with them about the same, so 1 GB leaves
 * twice the largest real one. Held by one account at a time, uploads not yet cleared: 2 GB,
 * two of the largest at once (a photo ZIP and a package checked side by side, or a ZIP sent
 * again after fixing it). Per account, not per session: each browser tab logs in on its own,
 * so sessions would multiply it.
 */
export interface UploadLimits {
  fileBytes: number;
  heldBytes: number;
}

export const UPLOAD_LIMITS: UploadLimits = { fileBytes: 1024 ** 3, heldBytes: 2 * 1024 ** 3 };

/**
 * The bytes each account holds through the transports, counted as they arrive: uploads sent
 * at the same time share one count, so together they cannot pass the limit either.
 */
export class UploadQuota {
  /** Tests lower them. */
  limits: UploadLimits = { ...UPLOAD_LIMITS };
  private readonly held = new Map<number, number>();

  heldBy(accountId: number): number {
    return this.held.get(accountId) ?? 0;
  }

  /** Refuses a file of `size` bytes before any of it is taken: by its declared length, or a file picked on disk. */
  check(account: Actor, name: string, size: number): void {
    this.refuseOver(account, name, size, this.heldBy(account.id!) + size, this.heldBy(account.id!));
  }

  /** Takes `adding` more bytes of a file now `size` bytes long, or refuses them. */
  take(account: Actor, name: string, size: number, adding: number): void {
    const held = this.heldBy(account.id!);
    this.refuseOver(account, name, size, held + adding, held - (size - adding));
    this.held.set(account.id!, held + adding);
  }

  give(accountId: number, bytes: number): void {
    const left = this.heldBy(accountId) - bytes;
    if (left > 0) this.held.set(accountId, left);
    else this.held.delete(accountId);
  }

  private refuseOver(account: Actor, name: string, size: number, total: number, before: number): void {
    const { fileBytes, heldBytes } = this.limits;
    if (size > fileBytes) throw new AppError('TOO_LARGE', `文件“${name}”超过单个文件 ${formatBytes(fileBytes)} 的上限。`, { maxBytes: fileBytes, limit: 'file' });
    if (total > heldBytes)
      throw new AppError(
        'TOO_LARGE',
        `账号 ${account.name} 已上传、尚未清理的文件共 ${formatBytes(before)}，再加上“${name}”将超过每个账号 ${formatBytes(heldBytes)} 的上限。退出登录会清理本次登录上传的文件，其余的一天后自动清理。`,
        { maxBytes: heldBytes, heldBytes: before, limit: 'account' },
      );
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${Number((n / 1024 ** 3).toFixed(1))} GB`;
  if (n >= 1024 ** 2) return `${Math.round(n / 1024 ** 2)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}
