import { z } from 'zod';
import { empty, op } from './contract';
import { newPassword, type SessionUser } from '../domain/account';

export interface LoginResult {
  sessionToken: string;
  user: SessionUser;
  idleLockMinutes: number;
}

export interface SessionState {
  user: SessionUser;
  locked: boolean;
  idleLockMinutes: number;
}

const password = z.string({ error: '请输入密码' }).min(1, { error: '请输入密码' }).max(128, { error: '密码不能超过 128 个字符' });

export const authOps = {
  'auth.login': op<LoginResult>()({
    input: z.object({ username: z.string().trim().min(1, { error: '请输入用户名' }).max(64), password }).strict(),
    access: 'public',
    summary: '登录',
  }),
  'auth.logout': op<{ ok: true }>()({ input: empty, access: 'public', summary: '退出登录' }),
  /** Answers for a locked session too, so the renderer can show the lock screen. */
  'auth.session': op<SessionState | null>()({ input: empty, access: 'public', summary: '当前会话' }),
  'auth.lock': op<{ ok: true }>()({ input: empty, access: 'user', summary: '锁定' }),
  'auth.unlock': op<SessionState>()({ input: z.object({ password }).strict(), access: 'public', summary: '解锁' }),
  /** Tells the server the person is still at the keyboard (keeps the idle lock away). */
  'auth.touch': op<{ ok: true }>()({ input: empty, access: 'user', summary: '保持会话' }),
  'auth.changePassword': op<{ ok: true }>()({
    input: z.object({ oldPassword: password, newPassword }).strict(),
    access: 'user',
    mutates: true,
    summary: '修改密码',
  }),
};
