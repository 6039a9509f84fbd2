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

export interface OrganisationTable {
  code: string;
  name: string;
}

export interface CertificateTable {
  code: string;
  name: string;
  short_name: string;
  org_code: string;
  levels_json: string;
}

export interface MajorTable {
  code: string;
  name: string;
  level: string;
}

export interface DeclarationPlanTable {
  code: string;
  province: string;
  batch: string;
  window_start: string;
  window_end: string;
  by_major: number;
  city_approval: number;
  status: string;
}

export interface ExamSubjectTable {
  code: string;
  name: string;
  method: '机考' | '实操' | '笔试';
  certificate_code: string;
  level: string;
  target: string;
  status: string;
}

export interface ExamPlanTable {
  code: string;
  name: string;
  org_code: string;
  status: string;
  windows_json: string;
  registration_start: string;
  publicity_end: string;
}

export interface ExamPlanCertificateTable {
  plan_code: string;
  certificate_code: string;
  level: string;
  composite_pass_score: number | null;
  all_subjects_pass: number;
  subjects_json: string;
}

export interface PackageHistoryTable {
  id: Generated<number>;
  direction: 'in' | 'out';
  kinds_json: string;
  sender_id: string;
  sender_name: string;
  institution_code: string;
  sequence: number;
  package_created_at: string;
  processed_at: string;
  actor: string;
  result: 'applied' | 'written';
  counts_json: string;
  file_hash: string;
  file_name: string;
  signature: string;
  stored_path: string | null;
  uploaded_at: string | null;
}

export interface CandidateTable {
  id: Generated<number>;
  kind: 'school' | 'social';
  name: string;
  name_pinyin: string;
  /** The plain reading and its initials ("zhangwei zw"), for the search (0006). */
  pinyin_key: string;
  id_number: string;
  phone: string | null;
  major: string | null;
  major_level: string | null;
  entry_year: number | null;
  education: string | null;
  employer: string | null;
  realname_status: 'unverified' | 'verified' | 'failed' | 'confirmed';
  realname_reason: string | null;
  realname_confirmed_by: string | null;
  realname_confirmed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CandidatePhotoTable {
  candidate_id: number;
  data: Buffer;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  size: number;
  sha256: string;
  background: string | null;
  updated_at: string;
}

export interface EnrollmentTable {
  id: Generated<number>;
  candidate_id: number;
  plan_code: string;
  subject_code: string;
  paid: 0 | 1;
  created_at: string;
}

export interface DB {
  institution: InstitutionTable;
  users: UserTable;
  settings: SettingTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationTable;
  organisations: OrganisationTable;
  certificates: CertificateTable;
  majors: MajorTable;
  declaration_plans: DeclarationPlanTable;
  exam_subjects: ExamSubjectTable;
  exam_plans: ExamPlanTable;
  exam_plan_certificates: ExamPlanCertificateTable;
  package_history: PackageHistoryTable;
  candidates: CandidateTable;
  candidate_photos: CandidatePhotoTable;
  enrollments: EnrollmentTable;
}
