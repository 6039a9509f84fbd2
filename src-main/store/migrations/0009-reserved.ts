import type { Database } from 'better-sqlite3';

/**
 * Version 9 belongs to another branch (users.must_change_password); this branch needs its
 * number taken so that 0010 follows without a gap. It changes nothing; the merge replaces it
 * with the real migration 0009.
 */
export function up(_db: Database): void {}
