import { attendanceTables } from './attendance';
import { auditTables } from './audit';
import { candidateTables } from './candidates';
import { catalogTables } from './catalog';
import type { DatabaseOf, TableMap } from './columns';
import { declarationTables } from './declarations';
import { enrollmentTables } from './enrollments';
import { foundationTables } from './foundation';
import { issuanceTables } from './issuance';
import { packageTables } from './packages';
import { paymentTables } from './payments';
import { resultTables } from './results';
import { scheduleTables } from './schedule';
import { scoreTables } from './scores';
import { siteTables } from './sites';

type Workflows = Readonly<Record<string, TableMap>>;
type TableNames<W> = { [K in keyof W]: keyof W[K] }[keyof W];
type Doubled<W> = { [K in keyof W]: keyof W[K] & TableNames<Omit<W, K>> }[keyof W];
type Merged<W> = { [N in TableNames<W>]: { [K in keyof W]: N extends keyof W[K] ? W[K][N] : never }[keyof W] };

/** The workflows' tables in one map; a table two workflows both declare fails the typecheck (and, should a cast hide it, the import). */
function mergeTables<const W extends Workflows>(workflows: W & ([Doubled<W>] extends [never] ? unknown : { tableDeclaredTwice: Doubled<W> })): Merged<W> {
  const all: Record<string, unknown> = {};
  for (const [workflow, tables] of Object.entries(workflows as Workflows))
    for (const [name, table] of Object.entries(tables)) {
      if (name in all) throw new Error(`table ${name} of ${workflow} is declared twice`);
      all[name] = table;
    }
  return all as Merged<W>;
}

/** Every table the migrations create, one line per workflow; a test holds them to `PRAGMA table_info`. */
export const TABLES = mergeTables({
  foundation: foundationTables,
  audit: auditTables,
  catalog: catalogTables,
  packages: packageTables,
  candidates: candidateTables,
  enrollments: enrollmentTables,
  declarations: declarationTables,
  sites: siteTables,
  payments: paymentTables,
  schedule: scheduleTables,
  attendance: attendanceTables,
  scores: scoreTables,
  results: resultTables,
  issuance: issuanceTables,
});

/** The typed view kysely builds its SQL against. */
export type DB = DatabaseOf<typeof TABLES>;

export type { AttendanceTable } from './attendance';
export type { AuditPersonTable, AuditRefTable } from './audit';
export type { ColumnSpec, RowOf } from './columns';
export type { CandidatePhotoTable, CandidateTable } from './candidates';
export type { CertificateTable, DeclarationPlanTable, ExamPlanCertificateTable, ExamPlanTable, ExamSubjectTable, MajorTable, OrganisationTable } from './catalog';
export type { DeclarationTable, InstitutionMajorTable } from './declarations';
export type { EnrollmentDeletionTable, EnrollmentTable } from './enrollments';
export type { AuditLogTable, InstitutionTable, SchemaMigrationTable, SettingTable, UserTable } from './foundation';
export type { IssuanceRecordTable, IssuedCertificateTable, SignatureSealTable } from './issuance';
export type { PackageHistoryTable } from './packages';
export type { FeeTable, PaymentOrderLineTable, PaymentOrderTable } from './payments';
export type { SchedulePlanTable, ScheduleSessionTable, StaffTable } from './schedule';
export type { PlatformResultTable } from './results';
export type { ScoreDisputeTable, ScoreRevisionTable, ScoreTable } from './scores';
export type { ExamRoomTable, ExamSiteTable } from './sites';
