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
  private readonly endListeners = new Set<(token: string) => void>();

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

  /** Whether a session may receive its events: not when it has ended, nor while it is locked. */
  state(token: string | null, idleLockMinutes: number): 'active' | 'locked' | 'ended' {
    const session = this.get(token, idleLockMinutes);
    return !session ? 'ended' : session.locked ? 'locked' : 'active';
  }

  touch(session: Session): void {
    session.lastActive = this.now();
  }

  end(token: string): void {
    if (this.sessions.delete(token)) this.ended([token]);
  }

  endForUser(userId: number, except?: string): void {
    const tokens = [...this.sessions].filter(([token, s]) => s.user.id === userId && token !== except).map(([token]) => token);
    for (const token of tokens) this.sessions.delete(token);
    this.ended(tokens);
  }

  endAll(): void {
    const tokens = [...this.sessions.keys()];
    this.sessions.clear();
    this.ended(tokens);
  }

  /** Told of every session that ends (logout, account disabled, password changed or reset, restore): its event stream closes with it. */
  onEnd(listener: (token: string) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  private ended(tokens: string[]): void {
    for (const token of tokens) for (const listener of this.endListeners) listener(token);
  }

  updateUser(user: SessionUser): void {
    for (const s of this.sessions.values()) if (s.user.id === user.id) s.user = user;
  }
}
