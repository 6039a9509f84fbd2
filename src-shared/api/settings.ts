import { z } from 'zod';
import { empty, op } from './contract';
import { PRINCIPAL_ONLY } from '../roles';

export const settingsSchema = z.object({
  idleLockMinutes: z.number({ error: '空闲锁定时间必须是数字' }).int().min(1, { error: '空闲锁定时间至少 1 分钟' }).max(240, { error: '空闲锁定时间不能超过 240 分钟' }),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { idleLockMinutes: 15 };

export const settingsOps = {
  'settings.get': op<Settings>()({ input: empty, access: 'user', summary: '读取设置' }),
  'settings.update': op<Settings>()({ input: settingsSchema.partial().strict(), access: PRINCIPAL_ONLY, mutates: true, summary: '修改设置' }),
};
