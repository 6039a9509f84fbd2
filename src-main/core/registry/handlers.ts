import type { Contract } from '../../../src-shared/api';
import { joinDisjoint } from '../../../src-shared/join';
import { attendanceHandlers } from '../attendance/handlers';
import { auditHandlers } from '../audit/handlers';
import { authHandlers } from '../auth/handlers';
import { backupHandlers } from '../backup/handlers';
import { candidateHandlers } from '../candidates/handlers';
import { catalogHandlers } from '../catalog/handlers';
import { declarationHandlers } from '../declarations/handlers';
import { enrollmentHandlers } from '../enrollments/handlers';
import { examDocHandlers } from '../exam-docs/handlers';
import type { HandlersOf } from '../handler-kit';
import { institutionHandlers } from '../institution/handlers';
import { issuanceHandlers } from '../issuance/handlers';
import { jobHandlers } from '../job-control/handlers';
import { packageHandlers } from '../packages/handlers';
import { paymentHandlers } from '../payments/handlers';
import { photoHandlers } from '../photos/handlers';
import { resultHandlers } from '../results/handlers';
import { scheduleHandlers } from '../schedule/handlers';
import { sealHandlers } from '../seal/handlers';
import { scoreHandlers } from '../scores/handlers';
import { settingsHandlers } from '../settings/handlers';
import { siteHandlers } from '../sites/handlers';
import { appHandlers } from '../setup/handlers';
import { statsHandlers } from '../stats/handlers';
import { userHandlers } from '../users/handlers';
import { yearboardHandlers } from '../yearboard/handlers';

export type Handlers = HandlersOf<Contract>;

/**
 * One handler per operation of the contract, one line per workflow: a workflow left out is a
 * type error (its operations have no handler), one operation handled twice is refused at start.
 */
export const handlers: Handlers = joinDisjoint(
  'handler',
  appHandlers,
  authHandlers,
  userHandlers,
  institutionHandlers,
  settingsHandlers,
  backupHandlers,
  auditHandlers,
  jobHandlers,
  catalogHandlers,
  packageHandlers,
  candidateHandlers,
  photoHandlers,
  declarationHandlers,
  yearboardHandlers,
  siteHandlers,
  paymentHandlers,
  enrollmentHandlers,
  scheduleHandlers,
  attendanceHandlers,
  examDocHandlers,
  resultHandlers,
  sealHandlers,
  issuanceHandlers,
  statsHandlers,
  scoreHandlers,
);
