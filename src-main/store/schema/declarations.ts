import { col, table, type RowOf } from './columns';

const LEVELS = ['初级', '中级', '高级'] as const;

/** The institution's majors and its certificate pilot declarations (migration 0007). */
export const declarationTables = {
  institution_majors: table({
    id: col.int().primaryKey().generated(),
    code: col.text(),
    name: col.text(),
    level: col.text('中职', '高职专科', '职业本科', '本科'),
    created_at: col.text(),
    updated_at: col.text(),
  }),
  declarations: table({
    id: col.int().primaryKey().generated(),
    plan_code: col.text(),
    year: col.int(),
    certificate_code: col.text(),
    level: col.text(...LEVELS),
    majors_json: col.text().generated(),
    proposed_count: col.int(),
    teachers_json: col.text().generated(),
    facilities_json: col.text().generated(),
    notes: col.text().generated(),
    status: col.text('draft', 'submitted', 'city_approved', 'approved', 'rejected').generated(),
    approved_count: col.int().nullable(),
    rejected_stage: col.text('city', 'province').nullable(),
    reason: col.text().nullable(),
    submitted_at: col.text().nullable(),
    sent_at: col.text().nullable(),
    decided_at: col.text().nullable(),
    created_at: col.text(),
    updated_at: col.text(),
  }),
};

export type InstitutionMajorTable = RowOf<typeof declarationTables.institution_majors>;
export type DeclarationTable = RowOf<typeof declarationTables.declarations>;
