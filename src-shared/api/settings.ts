import { z } from 'zod';
import { empty, op } from './contract';
import { PRINCIPAL_ONLY } from '../roles';
import { DEFAULT_ID_MASK_RULE, ID_MASK_MAX_SHOWN, ID_MASK_MAX_STARS } from '../domain/id-number';

const pem = z
  .string()
  .trim()
  .regex(/^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----$/, { error: '平台公钥应为 PEM 格式（-----BEGIN PUBLIC KEY-----…）' });

const digits = (label: string, max: number) =>
  z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须是整数` })
    .min(0, { error: `${label}不能小于 0` })
    .max(max, { error: `${label}不能超过 ${max}` });

/** What printed sheets show of an ID number (`maskIdNumber`): never more than 10 digits in all. */
export const idMaskRuleSchema = z
  .object({
    keepFirst: digits('保留前几位', ID_MASK_MAX_SHOWN),
    keepLast: digits('保留后几位', ID_MASK_MAX_SHOWN),
    stars: digits('星号个数', ID_MASK_MAX_STARS).min(1, { error: '星号个数至少 1 个' }),
  })
  .strict()
  .refine((r) => r.keepFirst + r.keepLast <= ID_MASK_MAX_SHOWN, {
    error: `身份证号最多显示 ${ID_MASK_MAX_SHOWN} 位（保留的前几位与后几位之和不能超过 ${ID_MASK_MAX_SHOWN}），出生日期不会打印出来`,
    path: ['keepLast'],
  });

export const settingsSchema = z.object({
  idleLockMinutes: z.number({ error: '空闲锁定时间必须是数字' }).int().min(1, { error: '空闲锁定时间至少 1 分钟' }).max(240, { error: '空闲锁定时间不能超过 240 分钟' }),
  /** Ed25519 keys of the platform; inbound packages must be signed by one of them. */
  platformPublicKeys: z.array(pem).max(10),
  /** Accept unsigned inbound packages (the preview says so). Off: only signed ones. */
  allowUnsignedPackages: z.boolean(),
  /** Online exchange: off by default; on, with a platform URL, packages also go over HTTPS. */
  onlineExchange: z.boolean(),
  platformUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: '平台地址应为 https:// 开头的网址' })]),
  /** A CA certificate (PEM) to trust for the platform, when it is not in the system's store. */
  platformCaPem: z.string().max(20_000),
  /** How ID numbers appear on sign-in sheets, tickets and every other printed sheet. */
  idMaskRule: idMaskRuleSchema,
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 15,
  platformPublicKeys: [],
  allowUnsignedPackages: false,
  onlineExchange: false,
  platformUrl: '',
  platformCaPem: '',
  idMaskRule: DEFAULT_ID_MASK_RULE,
};

export const settingsOps = {
  'settings.get': op<Settings>()({ input: empty, access: 'user', summary: '读取设置' }),
  'settings.update': op<Settings>()({ input: settingsSchema.partial().strict(), access: PRINCIPAL_ONLY, mutates: true, summary: '修改设置' }),
};
