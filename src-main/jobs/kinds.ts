import { backupJob } from '../core/backup/backup-job';
import { candidateExportJob } from '../core/candidates/export-job';
import { candidateImportJob } from '../core/candidates/import-job';
import { exchangeJob } from '../core/packages/exchange-job';
import { exportJob } from '../core/packages/export-job';
import { photoImportJob } from '../core/photos/photo-import-job';
import type { JobKinds } from './job-context';

/** Every kind of job the app runs in a worker, by name. */
export const jobKinds: JobKinds = {
  backup: backupJob,
  'package-export': exportJob,
  'package-exchange': exchangeJob,
  'candidate-import': candidateImportJob,
  'candidate-export': candidateExportJob,
  'photo-import': photoImportJob,
};
