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

/** The one place `users` is written. Each runs inside the caller's transaction where it has one. */

export interface NewUser {
  username: string;
  displayName: string;
  role: UserRecord['role'];
  passwordHash: string;
  phone: string | null;
  mustChangePassword: boolean;
}

export function insertUser(store: Store, u: NewUser, now: string): number {
  const { lastInsertRowid } = store.run(
    store.q.insertInto('users').values({
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      password_hash: u.passwordHash,
      phone: u.phone,
      disabled: 0,
      failed_attempts: 0,
      must_change_password: u.mustChangePassword ? 1 : 0,
      created_at: now,
      updated_at: now,
    }),
  );
  return Number(lastInsertRowid);
}

export interface UserChanges {
  displayName?: string;
  role?: UserRecord['role'];
  phone?: string | null;
  disabled?: boolean;
}

export function updateUserRow(store: Store, id: number, c: UserChanges, now: string): void {
  store.run(
    store.q
      .updateTable('users')
      .set({
        ...(c.displayName !== undefined ? { display_name: c.displayName } : {}),
        ...(c.role !== undefined ? { role: c.role } : {}),
        ...(c.phone !== undefined ? { phone: c.phone } : {}),
        ...(c.disabled !== undefined ? { disabled: c.disabled ? 1 : 0 } : {}),
        updated_at: now,
      })
      .where('id', '=', id),
  );
}

/** A new password clears the failures and any lock; `mustChange` says whether its owner must replace it. */
export function setPassword(store: Store, id: number, hash: string, mustChange: boolean, now: string): void {
  store.run(
    store.q
      .updateTable('users')
      .set({ password_hash: hash, failed_attempts: 0, locked_until: null, must_change_password: mustChange ? 1 : 0, updated_at: now })
      .where('id', '=', id),
  );
}

/**
 * Counts one attempt unless the account is locked at `nowIso`, in one statement so that attempts
 * sent at once each see their own count. Returns the count and the hash to check, or nothing
 * when locked.
 */
export function countFailedAttempt(store: Store, id: number, nowIso: string): { failed_attempts: number; password_hash: string } | undefined {
  return store.get(
    store.q
      .updateTable('users')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
      .returning(['failed_attempts', 'password_hash']),
  );
}

export function lockUntil(store: Store, id: number, untilIso: string): void {
  store.run(store.q.updateTable('users').set({ locked_until: untilIso }).where('id', '=', id));
}

export function clearFailures(store: Store, id: number): void {
  store.run(store.q.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id));
}

export function markLogin(store: Store, id: number, at: string): void {
  store.run(store.q.updateTable('users').set({ last_login_at: at }).where('id', '=', id));
}
