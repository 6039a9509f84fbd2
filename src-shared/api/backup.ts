import { z } from 'zod';
import { empty, op } from './contract';
import { PRINCIPAL_ONLY } from '../roles';
import type { JobInfo } from './jobs';

export interface BackupInfo {
  name: string;
  createdAt: string;
  size: number;
  /** 手动, 迁移前, 恢复前 */
  reason: string;
  schemaVersion: number | null;
}

export const backupName = z.string().regex(/^examsite-[0-9T-]+-[a-z-]+(?:-\d+)?\.db$/, { error: '备份文件名不正确' });

export const backupOps = {
  'backup.list': op<BackupInfo[]>()({ input: empty, access: PRINCIPAL_ONLY, summary: '备份列表' }),
  'backup.create': op<JobInfo<BackupInfo>>()({ input: empty, access: PRINCIPAL_ONLY, summary: '立即备份' }),
  'backup.restore': op<{ restored: BackupInfo; safety: BackupInfo }>()({
    input: z.object({ name: backupName, confirm: z.literal(true, { error: '恢复会覆盖当前数据，请先确认' }) }).strict(),
    access: PRINCIPAL_ONLY,
    mutates: true,
    summary: '从备份恢复',
  }),
};
