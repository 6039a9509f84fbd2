import { z } from 'zod';
import { empty, op, text } from './contract';
import { mobilePhone, newPassword, username, type UserRow } from '../domain/account';
import { PRINCIPAL_ONLY } from '../roles';

/** The principal is created once by the first-run wizard; it manages the other two roles. */
export const staffRole = z.enum(['coordinator', 'invigilator'], { error: '角色只能是业务管理员或监考/巡考' });

const optionalPhone = z.union([z.literal(''), mobilePhone]).optional();

export const userCreateInput = z.object({ username, displayName: text('姓名', 40), role: staffRole, password: newPassword, phone: optionalPhone }).strict();

export const userUpdateInput = z
  .object({
    id: z.number().int().positive(),
    displayName: text('姓名', 40).optional(),
    role: staffRole.optional(),
    phone: optionalPhone,
    disabled: z.boolean().optional(),
  })
  .strict();

export const userOps = {
  'users.list': op<UserRow[]>()({ input: empty, access: PRINCIPAL_ONLY, summary: '账号列表' }),
  'users.create': op<UserRow>()({ input: userCreateInput, access: PRINCIPAL_ONLY, mutates: true, summary: '新建账号' }),
  'users.update': op<UserRow>()({ input: userUpdateInput, access: PRINCIPAL_ONLY, mutates: true, summary: '修改账号' }),
  'users.resetPassword': op<{ ok: true }>()({
    input: z.object({ id: z.number().int().positive(), password: newPassword }).strict(),
    access: PRINCIPAL_ONLY,
    mutates: true,
    summary: '重置密码',
  }),
};
