import type { Insertable } from 'kysely';
import type { PackageHistoryTable } from '../../store/schema';
import type { Store } from '../../store/store';

/** The one place package_history is written: a package imported or written, and its upload. */
export function insertHistory(store: Store, row: Insertable<PackageHistoryTable>): number {
  return Number(store.run(store.q.insertInto('package_history').values(row)).lastInsertRowid);
}

export function markUploaded(store: Store, id: number, at: string): void {
  store.run(store.q.updateTable('package_history').set({ uploaded_at: at }).where('id', '=', id));
}
