import { col, table, type RowOf } from './columns';

/** Institution, accounts, settings, the audit log and the migration history (migration 0001 and migrate.ts). */
export const foundationTables = {
  institution: table({
    // The one row: CHECK (id = 1), written with its id.
    id: col.int().primaryKey(),
    code: col.text(),
    name: col.text(),
    province: col.text(),
    city: col.text(),
    district: col.text(),
    address: col.text().nullable(),
    contact_name: col.text().nullable(),
    contact_phone: col.text().nullable(),
    contact_email: col.text().nullable(),
    created_at: col.text(),
    updated_at: col.text(),
    // 院校类型, added by migration 0007.
    school_type: col.text().nullable(),
  }),
  users: table({
    id: col.int().primaryKey().generated(),
    username: col.text(),
    display_name: col.text(),
    role: col.text('principal', 'coordinator', 'invigilator'),
    password_hash: col.text(),
    phone: col.text().nullable(),
    disabled: col.int(),
    failed_attempts: col.int(),
    locked_until: col.text().nullable(),
    created_at: col.text(),
    updated_at: col.text(),
    last_login_at: col.text().nullable(),
    // Set for an account whose password the principal chose; its first login changes it (migration 0009).
    must_change_password: col.int(0, 1),
  }),
  settings: table({
    key: col.text().primaryKey(),
    value: col.text(),
  }),
  audit_log: table({
    id: col.int().primaryKey().generated(),
    at: col.text(),
    actor: col.text(),
    actor_id: col.int().nullable(),
    actor_role: col.text().nullable(),
    operation: col.text(),
    entity_type: col.text(),
    entity_id: col.text().nullable(),
    before_json: col.text().nullable(),
    after_json: col.text().nullable(),
  }),
  schema_migrations: table({
    version: col.int().primaryKey(),
    name: col.text(),
    applied_at: col.text(),
  }),
};

export type InstitutionTable = RowOf<typeof foundationTables.institution>;
export type UserTable = RowOf<typeof foundationTables.users>;
export type SettingTable = RowOf<typeof foundationTables.settings>;
export type AuditLogTable = RowOf<typeof foundationTables.audit_log>;
export type SchemaMigrationTable = RowOf<typeof foundationTables.schema_migrations>;
