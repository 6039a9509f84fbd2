import type { Contract, OpName } from '../../src-shared/api';
import type { OutputOf, ParsedInputOf } from '../../src-shared/api/contract';
import { auditFacets, listAudit } from './audit/audit-log';
import * as auth from './auth/auth-service';
import { backups, restoreBackup, startBackup } from './backup/backup-service';
import type { CallContext } from './call-context';
import { jobFile, photoOf, startExport as startCandidateExport, startImport, templateFile } from './candidates/candidate-files';
import {
  candidateFacets,
  candidateSummary,
  confirmRealname,
  createCandidate,
  deleteCandidate,
  getCandidate,
  listCandidates,
  updateCandidate,
} from './candidates/candidates-service';
import { getPlan, listCertificates, listDeclarationPlans, listMajors, listPlans, listSubjects } from './catalog/catalog-service';
import { listHistory, packageFile, rewritePackage, startExport } from './packages/history-service';
import { importPackage, inspectPackage } from './packages/import-service';
import { startExchange } from './packages/online-exchange';
import { getInstitution, updateInstitution } from './institution/institution-service';
import { exportLogs } from './logs/export-logs';
import { setCandidatePhoto, startPhotoImport } from './photos/photo-service';
import { readSettings, updateSettings } from './settings/settings-service';
import { createInstitution } from './setup/setup-service';
import { createUser, listUsers, resetPassword, updateUser } from './users/users-service';

export type Handler<K extends OpName> = (call: CallContext, input: ParsedInputOf<Contract[K]>) => OutputOf<Contract[K]> | Promise<OutputOf<Contract[K]>>;
export type Handlers = { [K in OpName]: Handler<K> };

/** One handler per declared operation; the type refuses a missing or an extra one. */
export const handlers: Handlers = {
  'app.info': (call) => call.app.info(),
  'setup.create': createInstitution,
  'app.exportLogs': exportLogs,

  'auth.login': auth.login,
  'auth.logout': auth.logout,
  'auth.session': auth.currentSession,
  'auth.lock': auth.lock,
  'auth.unlock': auth.unlock,
  'auth.touch': () => ({ ok: true }),
  'auth.changePassword': auth.changePassword,

  'users.list': listUsers,
  'users.create': createUser,
  'users.update': updateUser,
  'users.resetPassword': resetPassword,

  'institution.get': getInstitution,
  'institution.update': updateInstitution,

  'settings.get': (call) => readSettings(call.app.store),
  'settings.update': updateSettings,

  'backup.list': backups,
  'backup.create': startBackup,
  'backup.restore': (call, input) => restoreBackup(call, input.name),

  'audit.list': (call, input) => listAudit(call.app.store, input),
  'audit.facets': (call) => auditFacets(call.app.store),

  'catalog.certificates': (call) => listCertificates(call.app.store),
  'catalog.subjects': (call) => listSubjects(call.app.store),
  'catalog.majors': (call) => listMajors(call.app.store),
  'catalog.declarationPlans': (call) => listDeclarationPlans(call.app.store),
  'plans.list': listPlans,
  'plans.get': (call, input) => getPlan(call, input.code),

  'packages.inspect': (call, input) => inspectPackage(call, input.fileId),
  'packages.import': (call, input) => importPackage(call, input.fileId, input.fileHash),
  'packages.export': startExport,
  'packages.history': listHistory,
  'packages.rewrite': rewritePackage,
  'packages.file': (call, input) => packageFile(call, input.id),
  'packages.exchange': startExchange,

  'candidates.list': (call, input) => listCandidates(call.app.store, input),
  'candidates.facets': (call, input) => candidateFacets(call.app.store, input.kind),
  'candidates.get': (call, input) => getCandidate(call.app.store, input.id),
  'candidates.create': createCandidate,
  'candidates.update': updateCandidate,
  'candidates.delete': (call, input) => deleteCandidate(call, input.id),
  'candidates.template': (call, input) => templateFile(call, input.kind),
  'candidates.importPreview': startImport,
  'candidates.importCommit': startImport,
  'candidates.export': startCandidateExport,
  'candidates.photo': (call, input) => photoOf(call, input.id),
  'candidates.summary': (call) => candidateSummary(call.app.store),
  'realname.confirm': (call, input) => confirmRealname(call, input.id),
  'jobs.file': (call, input) => jobFile(call, input.id, input.key),

  'photos.importPreview': startPhotoImport,
  'photos.importCommit': startPhotoImport,
  'candidates.setPhoto': setCandidatePhoto,

  'jobs.get': (call, input) => (call.app.jobs.assertMayControl(input.id, call.actor), call.app.jobs.get(input.id)),
  'jobs.list': (call) => call.app.jobs.list(call.actor),
  'jobs.cancel': (call, input) => (call.app.jobs.assertMayControl(input.id, call.actor), call.app.jobs.cancel(input.id)),
};
