import { z } from 'zod';
import { empty, op } from './contract';
import { fileId, type FileRef } from './files';
import { PRINCIPAL_ONLY } from '../roles';
import type { JobInfo } from './jobs';

export interface BackupInfo {
  name: string;
  createdAt: string;
  size: number;
  /** 手动, 迁移前, 恢复前, 导入 */
  reason: string;
  schemaVersion: number | null;
}

/** A backup just taken; `path` when it was also written to a folder (a USB stick). */
export type BackupResult = BackupInfo & { path?: string };

/** A backup file the person chose, checked and described before they confirm restoring it. */
export interface BackupFileInfo {
  fileName: string;
  size: number;
  schemaVersion: number;
  institution: { code: string; name: string } | null;
  /** The institution in the file is not this one. */
  otherInstitution: boolean;
  /** The newest change recorded in it. */
  lastChangeAt: string | null;
}

export interface RestoreResult {
  restored: BackupInfo;
  safety: BackupInfo;
}

export const backupName = z.string().regex(/^examsite-[0-9T-]+-[a-z-]+(?:-\d+)?\.db$/, { error: '备份文件名不正确' });

/** A folder on this PC to write into; the server checks it exists and is writable. */
const folder = z.string().trim().min(1, { error: '请填写要写入的文件夹' }).max(1000);

const confirm = z.literal(true, { error: '恢复会覆盖当前数据，请先确认' });

export const backupOps = {
  'backup.list': op<BackupInfo[]>()({ input: empty, access: PRINCIPAL_ONLY, summary: '备份列表' }),
  'backup.create': op<JobInfo<BackupResult>>()({ input: z.object({ folder: folder.optional() }).strict(), access: PRINCIPAL_ONLY, summary: '立即备份' }),
  /** Offers a backup through the browser's (or Electron's) save dialog; audited, as the whole store leaves with it. */
  'backup.file': op<FileRef>()({ input: z.object({ name: backupName }).strict(), access: PRINCIPAL_ONLY, mutates: true, summary: '下载备份' }),
  'backup.restore': op<RestoreResult>()({
    input: z.object({ name: backupName, confirm }).strict(),
    access: PRINCIPAL_ONLY,
    mutates: true,
    summary: '从备份恢复',
  }),
  /** The checks of a restore, on an uploaded file, before anything is written. */
  'backup.checkFile': op<BackupFileInfo>()({ input: z.object({ fileId }).strict(), access: PRINCIPAL_ONLY, summary: '检查备份文件' }),
  'backup.restoreFile': op<RestoreResult>()({
    input: z.object({ fileId, confirm }).strict(),
    access: PRINCIPAL_ONLY,
    mutates: true,
    summary: '从备份文件恢复',
  }),
};
