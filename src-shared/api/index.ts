import { appOps } from './app';
import { mergeOps } from './contract';
import { attendanceOps } from './attendance';
import { auditOps } from './audit';
import { authOps } from './auth';
import { backupOps } from './backup';
import { candidateOps } from './candidates';
import { catalogOps } from './catalog';
import { declarationOps } from './declarations';
import { enrollmentOps } from './enrollments';
import { examDocOps } from './exam-docs';
import { institutionOps } from './institution';
import { issuanceOps } from './issuance';
import { jobOps } from './jobs';
import { packageOps } from './packages';
import { paymentOps } from './payments';
import { photoOps } from './photos';
import { resultOps } from './results';
import { scheduleOps } from './schedule';
import { sealOps } from './seal';
import { scoreOps } from './scores';
import { settingsOps } from './settings';
import { siteOps } from './sites';
import { statsOps } from './stats';
import { userOps } from './users';
import { yearboardOps } from './yearboard';

/** Every operation of the app, declared once. The transports expose exactly this map. */
export const contract = mergeOps(
  appOps,
  authOps,
  userOps,
  institutionOps,
  settingsOps,
  backupOps,
  auditOps,
  jobOps,
  catalogOps,
  packageOps,
  candidateOps,
  photoOps,
  declarationOps,
  yearboardOps,
  siteOps,
  paymentOps,
  enrollmentOps,
  scheduleOps,
  attendanceOps,
  examDocOps,
  resultOps,
  sealOps,
  issuanceOps,
  statsOps,
  scoreOps,
);

export type Contract = typeof contract;
export type OpName = keyof Contract;

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
