import { col, table, type RowOf } from './columns';

/** Every data package read or written (migration 0002). */
export const packageTables = {
  package_history: table({
    id: col.int().primaryKey().generated(),
    direction: col.text('in', 'out'),
    kinds_json: col.text(),
    sender_id: col.text(),
    sender_name: col.text(),
    institution_code: col.text(),
    sequence: col.int(),
    package_created_at: col.text(),
    processed_at: col.text(),
    actor: col.text(),
    result: col.text('applied', 'written'),
    counts_json: col.text(),
    file_hash: col.text(),
    file_name: col.text(),
    signature: col.text(),
    stored_path: col.text().nullable(),
    uploaded_at: col.text().nullable(),
  }),
};

export type PackageHistoryTable = RowOf<typeof packageTables.package_history>;
