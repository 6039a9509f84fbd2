import type { Database } from 'better-sqlite3';
import { pinyinSearchKey } from '../../../src-shared/domain/pinyin-search';

/**
 * The candidate search finds pinyin initials (zw for 张伟) and ü typed as v: each candidate
 * keeps a search key, its plain reading and initials ("zhangwei zw"), written with the row
 * (candidate-store.ts). Existing rows get theirs here, computed as this version computes it;
 * a later change to the key needs a migration of its own that computes it again.
 */
export function up(db: Database): void {
  db.exec("ALTER TABLE candidates ADD COLUMN pinyin_key TEXT NOT NULL DEFAULT ''");
  const set = db.prepare('UPDATE candidates SET pinyin_key = ? WHERE id = ?');
  // All first: better-sqlite3 runs no other statement while one is being iterated.
  for (const r of db.prepare('SELECT id, name, name_pinyin FROM candidates').all() as { id: number; name: string; name_pinyin: string }[])
    set.run(pinyinSearchKey(r.name, r.name_pinyin), r.id);
}
