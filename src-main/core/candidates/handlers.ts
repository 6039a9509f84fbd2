import { candidateOps } from '../../../src-shared/api/candidates';
import { handlersFor } from '../handler-kit';
import { photoOf, startCommit, startExport, startCheck, templateFile } from './candidate-files';
import { candidateFacets, candidateSummary, confirmRealname, createCandidate, deleteCandidate, getCandidate, listCandidates, updateCandidate } from './candidates-service';

export const candidateHandlers = handlersFor(candidateOps)({
  'candidates.list': (call, input) => listCandidates(call.app.store, input),
  'candidates.facets': (call, input) => candidateFacets(call.app.store, input.kind),
  'candidates.get': (call, input) => getCandidate(call.app.store, input.id),
  'candidates.create': createCandidate,
  'candidates.update': updateCandidate,
  'candidates.delete': (call, input) => deleteCandidate(call, input.id),
  'candidates.template': (call, input) => templateFile(call, input.kind),
  'candidates.importPreview': startCheck,
  'candidates.importCommit': startCommit,
  'candidates.export': startExport,
  'candidates.photo': (call, input) => photoOf(call, input.id),
  'candidates.summary': (call) => candidateSummary(call.app.store),
  'realname.confirm': (call, input) => confirmRealname(call, input.id),
});
