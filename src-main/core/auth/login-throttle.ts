export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/** After five wrong passwords in a row, 30 s, then doubling, at most 15 minutes. */
export function lockDuration(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failedAttempts - FREE_ATTEMPTS));
}

/** The key a username is counted under: the store compares usernames case-insensitively. */
export function normaliseUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

interface Failures {
  failed: number;
  lockedUntil: number;
}

/**
 * Failed logins for usernames that have no account, on the same schedule as an account's
 * counter, so that being throttled tells nobody whether a name exists. In memory and bounded:
 * past `maxNames` the name tried least recently is forgotten. Flooding it takes `maxNames`
 * decoy hashes (about a second each), and a forgotten name only gets its free attempts back.
 */
export class UnknownNameThrottle {
  private readonly names = new Map<string, Failures>();

  constructor(private readonly maxNames = 10_000) {}

  /** Counts one attempt before the password is hashed; the wait in ms when the name is locked (then nothing is counted). */
  count(username: string, now: number): number {
    const key = normaliseUsername(username);
    const entry = this.names.get(key) ?? { failed: 0, lockedUntil: 0 };
    if (entry.lockedUntil > now) return entry.lockedUntil - now;
    entry.failed++;
    const lock = lockDuration(entry.failed);
    entry.lockedUntil = lock ? now + lock : 0;
    // Re-inserted, so the Map's order is least recently tried first.
    this.names.delete(key);
    this.names.set(key, entry);
    if (this.names.size > this.maxNames) this.names.delete(this.names.keys().next().value!);
    return 0;
  }

  get size(): number {
    return this.names.size;
  }
}
