import type { Generated } from 'kysely';

/**
 * The typed view of the tables, kept next to the migrations that create them. Booleans are
 * stored as 0/1 (SQLite has no boolean and better-sqlite3 refuses to bind one).
 */
export interface InstitutionTable {
  id: number;
  code: string;
  name: string;
  province: string;
  city: string;
  district: string;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: 'principal' | 'coordinator' | 'invigilator';
  password_hash: string;
  phone: string | null;
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  actor_id: number | null;
  actor_role: string | null;
  operation: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface DB {
  institution: InstitutionTable;
  users: UserTable;
  settings: SettingTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationTable;
}
