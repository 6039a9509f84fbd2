import type { z } from 'zod';
import type { userCreateInput, userUpdateInput } from '../../../src-shared/api/users';
import type { UserRow } from '../../../src-shared/domain/account';
import { AppError } from '../../../src-shared/errors';
import { writeAudit } from '../audit/audit-log';
import { hashPassword } from '../auth/password';
import type { CallContext } from '../call-context';
import { findUser, findUserByName, insertUser, setPassword, toSessionUser, toUserRow, updateUserRow } from './user-store';

/**
 * A password the principal chose for someone else is known to two people: its owner must replace
 * it at the first login. The command line and the demo (actor `cli`) set no such flag, nor does
 * the principal resetting their own.
 */
function chosenForSomeoneElse(call: CallContext, userId: number | null): boolean {
  return call.actor.role === 'principal' && call.actor.id !== userId;
}

export function listUsers(call: CallContext): UserRow[] {
  const { store } = call.app;
  return store.all(store.q.selectFrom('users').selectAll().orderBy('role').orderBy('username')).map(toUserRow);
}

export async function createUser(call: CallContext, input: z.output<typeof userCreateInput>): Promise<UserRow> {
  const { store } = call.app;
  if (findUserByName(store, input.username)) throw new AppError('CONFLICT', `用户名“${input.username}”已被使用。`, { field: 'username' });
  const hash = await hashPassword(input.password, call.app.passwordCost);
  const now = call.app.now().toISOString();
  return store.tx(() => {
    // Checked again inside the transaction: the hash took time and another call may have won.
    if (findUserByName(store, input.username)) throw new AppError('CONFLICT', `用户名“${input.username}”已被使用。`, { field: 'username' });
    const id = insertUser(
      store,
      {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash: hash,
        phone: input.phone || null,
        mustChangePassword: chosenForSomeoneElse(call, null),
      },
      now,
    );
    const row = toUserRow(findUser(store, id)!);
    writeAudit(call, { operation: 'users.create', entityType: 'user', entityId: row.id, after: row });
    return row;
  });
}

export function updateUser(call: CallContext, input: z.output<typeof userUpdateInput>): UserRow {
  const { app } = call;
  const { store } = app;
  const result = store.tx(() => {
    const existing = findUser(store, input.id);
    if (!existing) throw new AppError('NOT_FOUND', '找不到该账号。');
    if (existing.role === 'principal' && (input.role !== undefined || input.disabled !== undefined))
      throw new AppError('FORBIDDEN', '负责人账号的角色和状态不能修改：每个试点院校有且只有一位负责人。');
    const before = toUserRow(existing);
    updateUserRow(
      store,
      input.id,
      { displayName: input.displayName, role: input.role, phone: input.phone === undefined ? undefined : input.phone || null, disabled: input.disabled },
      app.now().toISOString(),
    );
    const updated = findUser(store, input.id)!;
    const after = toUserRow(updated);
    writeAudit(call, { operation: 'users.update', entityType: 'user', entityId: input.id, before, after });
    return { row: after, record: updated };
  });
  if (result.row.disabled) app.sessions.endForUser(result.row.id);
  else app.sessions.updateUser(toSessionUser(result.record));
  return result.row;
}

export async function resetPassword(call: CallContext, input: { id: number; password: string }): Promise<{ ok: true }> {
  const { app } = call;
  if (!findUser(app.store, input.id)) throw new AppError('NOT_FOUND', '找不到该账号。');
  const hash = await hashPassword(input.password, app.passwordCost);
  const mustChange = chosenForSomeoneElse(call, input.id);
  app.store.tx(() => {
    setPassword(app.store, input.id, hash, mustChange, app.now().toISOString());
    writeAudit(call, { operation: 'users.resetPassword', entityType: 'user', entityId: input.id, after: { mustChangePassword: mustChange } });
  });
  app.sessions.endForUser(input.id);
  return { ok: true };
}
