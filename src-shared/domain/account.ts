import { z } from 'zod';
import type { Role } from '../roles';

export const USERNAME_RULE = /^[A-Za-z0-9_.-]{3,32}$/;

export const username = z.string({ error: '用户名必须是文本' }).trim().regex(USERNAME_RULE, { error: '用户名为 3–32 位字母、数字或 _ . -' });

/** Long passphrases over composition rules (NIST SP 800-63B), with a ceiling against hash DoS. */
export const newPassword = z
  .string({ error: '密码必须是文本' })
  .min(8, { error: '密码至少 8 个字符' })
  .max(128, { error: '密码不能超过 128 个字符' })
  .refine((p) => !/^(.)\1+$/.test(p), { error: '密码不能由同一个字符重复组成' });

export const mobilePhone = z
  .string({ error: '手机号必须是文本' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: '手机号应为 11 位中国大陆手机号' });

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The principal chose this account's password (created or reset it): nothing else works until its owner changes it. */
  mustChangePassword: boolean;
}

export interface UserRow extends SessionUser {
  phone: string | null;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}
