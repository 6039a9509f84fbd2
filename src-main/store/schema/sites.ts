import { col, table, type RowOf } from './columns';

const METHODS = ['机考', '实操', '笔试'] as const;

/** Exam sites with their certificates and supporting files, the rooms of each plan (migration 0007). */
export const siteTables = {
  exam_sites: table({
    id: col.int().primaryKey().generated(),
    name: col.text(),
    province: col.text(),
    city: col.text(),
    district: col.text(),
    address: col.text(),
    org_code: col.text(),
    description: col.text(),
    contact_name: col.text(),
    contact_phone: col.text(),
    contact_email: col.text(),
    status: col.text('draft', 'submitted', 'approved', 'rejected', 'borrowed').generated(),
    reason: col.text().nullable(),
    borrowed_site: col.text().nullable(),
    borrowed_institution: col.text().nullable(),
    borrowed_address: col.text().nullable(),
    submitted_at: col.text().nullable(),
    sent_at: col.text().nullable(),
    decided_at: col.text().nullable(),
    created_at: col.text(),
    updated_at: col.text(),
  }),
  exam_site_certificates: table({
    site_id: col.int().primaryKey(),
    certificate_code: col.text().primaryKey(),
    level: col.text('初级', '中级', '高级').primaryKey(),
  }),
  exam_site_files: table({
    id: col.int().primaryKey().generated(),
    site_id: col.int(),
    name: col.text(),
    format: col.text('pdf', 'doc', 'docx'),
    size: col.int(),
    sha256: col.text(),
    data: col.blob(),
    created_at: col.text(),
  }),
  exam_rooms: table({
    id: col.int().primaryKey().generated(),
    plan_code: col.text(),
    site_id: col.int(),
    name: col.text(),
    type: col.text(...METHODS),
    seats: col.int(),
    province: col.text(),
    city: col.text(),
    district: col.text(),
    address: col.text(),
    certificates_json: col.text().generated(),
    created_at: col.text(),
    updated_at: col.text(),
  }),
  capacity_expectations: table({
    plan_code: col.text().primaryKey(),
    subject_code: col.text().primaryKey(),
    expected: col.int(),
  }),
};

export type ExamSiteTable = RowOf<typeof siteTables.exam_sites>;
export type ExamRoomTable = RowOf<typeof siteTables.exam_rooms>;
