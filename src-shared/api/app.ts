import { z } from 'zod';
import { empty, op, text } from './contract';
import { newPassword, username } from '../domain/account';
import { institutionFields } from '../domain/institution';

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  dataDir: string;
  /** Where the day log files are. */
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
};
