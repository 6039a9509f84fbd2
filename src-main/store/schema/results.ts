import { col, table, type RowOf } from './columns';

/** 考证结果 as the platform computed it, one verdict per plan, candidate and certificate+level (migration 0015). */
export const resultTables = {
  platform_results: table({
    id: col.int().primaryKey().generated(),
    plan_code: col.text(),
    candidate_id: col.int(),
    certificate_code: col.text(),
    level: col.text('初级', '中级', '高级'),
    composite: col.real().nullable(),
    passed: col.int(0, 1),
    issued_at: col.text(),
    received_at: col.text(),
  }),
};

export type PlatformResultTable = RowOf<typeof resultTables.platform_results>;
