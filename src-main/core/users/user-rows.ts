import type { SessionUser, UserRow } from '../../../src-shared/domain/account';
import type { Store } from '../../store/store';
import type { UserTable } from '../../store/schema';
import type { Selectable } from 'kysely';

type UserRecord = Selectable<UserTable>;

export function toUserRow(r: UserRecord): UserRow {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    mustChangePassword: r.must_change_password === 1,
    phone: r.phone,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
  };
}

export function toSessionUser(r: UserRecord): SessionUser {
  return { id: r.id, username: r.username, displayName: r.display_name, role: r.role, mustChangePassword: r.must_change_password === 1 };
}

export function findUser(store: Store, id: number): UserRecord | undefined {
  return store.get(store.q.selectFrom('users').selectAll().where('id', '=', id));
}

export function findUserByName(store: Store, username: string): UserRecord | undefined {
  // The column is COLLATE NOCASE, so the unique index answers this.
  return store.get(store.q.selectFrom('users').selectAll().where('username', '=', username));
}
