import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../../src-shared/domain/account';

export interface Session {
  token: string;
  user: SessionUser;
  lastActive: number;
  locked: boolean;
}

/**
 * Logged-in sessions live in memory only: a restart asks everyone to log in again, which is
 * what a shared lab PC wants.
 */
export class SessionManager {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  create(user: SessionUser): Session {
    const session: Session = { token: randomBytes(32).toString('base64url'), user, lastActive: this.now(), locked: false };
    this.sessions.set(session.token, session);
    return session;
  }

  /** Looks a session up and locks it when it has been idle longer than the setting allows. */
  get(token: string | null | undefined, idleLockMinutes: number): Session | null {
    if (!token) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    if (!session.locked && this.now() - session.lastActive > idleLockMinutes * 60_000) session.locked = true;
    return session;
  }

  touch(session: Session): void {
    session.lastActive = this.now();
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  endForUser(userId: number, except?: string): void {
    for (const [token, s] of this.sessions) if (s.user.id === userId && token !== except) this.sessions.delete(token);
  }

  endAll(): void {
    this.sessions.clear();
  }

  updateUser(user: SessionUser): void {
    for (const s of this.sessions.values()) if (s.user.id === user.id) s.user = user;
  }
}
