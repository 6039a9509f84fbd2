import { col, table, type RowOf } from './columns';

/** What the platform sends: organisations, certificates, majors, declaration and exam plans, subjects (migration 0002). */
export const catalogTables = {
  organisations: table({
    code: col.text().primaryKey(),
    name: col.text(),
  }),
  certificates: table({
    code: col.text().primaryKey(),
    name: col.text(),
    short_name: col.text(),
    org_code: col.text(),
    levels_json: col.text(),
  }),
  majors: table({
    code: col.text().primaryKey(),
    name: col.text(),
    level: col.text(),
  }),
  declaration_plans: table({
    code: col.text().primaryKey(),
    province: col.text(),
    batch: col.text(),
    window_start: col.text(),
    window_end: col.text(),
    by_major: col.int(),
    city_approval: col.int(),
    status: col.text(),
  }),
  exam_subjects: table({
    code: col.text().primaryKey(),
    name: col.text(),
    method: col.text('机考', '实操', '笔试'),
    certificate_code: col.text(),
    level: col.text(),
    target: col.text(),
    status: col.text(),
  }),
  exam_plans: table({
    code: col.text().primaryKey(),
    name: col.text(),
    org_code: col.text(),
    status: col.text(),
    windows_json: col.text(),
    registration_start: col.text(),
    publicity_end: col.text(),
  }),
  exam_plan_certificates: table({
    plan_code: col.text().primaryKey(),
    certificate_code: col.text().primaryKey(),
    level: col.text().primaryKey(),
    composite_pass_score: col.real().nullable(),
    all_subjects_pass: col.int(),
    subjects_json: col.text(),
  }),
};

export type OrganisationTable = RowOf<typeof catalogTables.organisations>;
export type CertificateTable = RowOf<typeof catalogTables.certificates>;
export type MajorTable = RowOf<typeof catalogTables.majors>;
export type DeclarationPlanTable = RowOf<typeof catalogTables.declaration_plans>;
export type ExamSubjectTable = RowOf<typeof catalogTables.exam_subjects>;
export type ExamPlanTable = RowOf<typeof catalogTables.exam_plans>;
export type ExamPlanCertificateTable = RowOf<typeof catalogTables.exam_plan_certificates>;
