import { accessSync, constants, copyFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { AppError } from '../../../src-shared/errors';

export function outboxDir(dataDir: string): string {
  return join(dataDir, 'outbox');
}

/** A folder the person chose (a USB stick, the desktop): it must exist and take writes. */
export function checkFolder(folder: string): string {
  if (!isAbsolute(folder)) throw new AppError('VALIDATION', `请填写完整的文件夹路径（如 D:\\数据包 或 /media/usb），而不是“${folder}”。`, { field: 'folder' });
  let isDir = false;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    throw new AppError('VALIDATION', `文件夹 ${folder} 不存在。`, { field: 'folder' });
  }
  if (!isDir) throw new AppError('VALIDATION', `${folder} 不是文件夹。`, { field: 'folder' });
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new AppError('VALIDATION', `文件夹 ${folder} 不能写入（只读或没有权限）。`, { field: 'folder' });
  }
  return folder;
}

/**
 * Copied under a temporary name and renamed when whole: a stick pulled out half-way leaves no
 * file that looks finished.
 */
export function copyInto(file: string, folder: string): string {
  mkdirSync(folder, { recursive: true });
  const target = join(checkFolder(folder), basename(file));
  const partial = `${target}.partial`;
  try {
    copyFileSync(file, partial);
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    const code = (e as { code?: unknown }).code;
    const why = code === 'ENOSPC' ? '空间不足' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? '没有写入权限' : e instanceof Error ? e.message : String(e);
    throw new AppError('BAD_FILE', `写入 ${target} 失败（${why}）。`, { field: 'folder' });
  }
  return target;
}
