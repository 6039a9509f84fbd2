import { z } from 'zod';
import { empty, op, text } from './contract';
import type { FileRef } from './files';
import { newPassword, username } from '../domain/account';
import { institutionFields } from '../domain/institution';
import { STAFF } from '../roles';

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  dataDir: string;
  /** Where the day log files are (关于 → 导出日志 zips them for support). */
  logsDir: string;
  transport: 'electron' | 'browser';
  needsSetup: boolean;
  institution: { code: string; name: string } | null;
  /** Set when this PC's clock is earlier than the newest package seen: every window check trusts it. */
  clockWarning: string | null;
}

export const setupInput = z
  .object({
    institution: institutionFields,
    principal: z.object({ username, displayName: text('负责人姓名', 40), password: newPassword }).strict(),
  })
  .strict();

export const appOps = {
  'app.info': op<AppInfo>()({ input: empty, access: 'public', summary: '应用信息' }),
  'setup.create': op<AppInfo>()({ input: setupInput, access: 'public', mutates: true, summary: '首次设置：创建院校和负责人' }),
  // Staff only: the lines name accounts, files and what was done with them; invigilators see exam day alone.
  'app.exportLogs': op<FileRef>()({ input: empty, access: STAFF, summary: '导出日志' }),
};
