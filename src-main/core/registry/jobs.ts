import { jobRegistry } from '../../jobs/define-job';
import { auditExportJob } from '../audit/export-job';
import { backupJob } from '../backup/backup-job';
import { candidateExportJob } from '../candidates/export-job';
import { candidateCheckJob, candidateCommitJob } from '../candidates/import-job';
import { majorCheckJob, majorCommitJob } from '../institution/majors-import-job';
import { enrollmentExportJob } from '../enrollments/export-job';
import { enrollCheckJob, enrollCommitJob } from '../enrollments/import-job';
import { examDocJob, ticketZipJob } from '../exam-docs/exam-doc-jobs';
import { exchangeJob } from '../packages/exchange-job';
import { certificatePdfJob } from '../issuance/certificate-pdf-job';
import { exportJob } from '../packages/export-job';
import { packageImportJob, packageInspectJob } from '../packages/inbound-jobs';
import { paymentCheckJob, paymentCommitJob } from '../payments/import-job';
import { paymentPdfJob } from '../payments/order-pdf';
import { photoCheckJob, photoCommitJob } from '../photos/photo-import-job';
import { sealPreviewJob } from '../seal/seal-preview-job';
import { statsExportJob } from '../stats/export-job';

/** Every job the app runs in a worker, one line per workflow; the runner refuses a job not listed here. */
export const JOBS = jobRegistry(
  [backupJob],
  [auditExportJob],
  [exportJob, exchangeJob, packageInspectJob, packageImportJob],
  [candidateCheckJob, candidateCommitJob, candidateExportJob],
  [photoCheckJob, photoCommitJob],
  [majorCheckJob, majorCommitJob],
  [paymentCheckJob, paymentCommitJob, paymentPdfJob],
  [enrollCheckJob, enrollCommitJob, enrollmentExportJob],
  [examDocJob, ticketZipJob],
  [sealPreviewJob, certificatePdfJob],
  [statsExportJob],
);
