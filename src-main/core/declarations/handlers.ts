import { declarationOps } from '../../../src-shared/api/declarations';
import { handlersFor } from '../handler-kit';
import {
  createDeclaration,
  currentYear,
  deleteDeclaration,
  getDeclaration,
  listDeclarationPlanRows,
  listDeclarations,
  quotaReport,
  submitDeclaration,
  updateDeclaration,
} from './declarations-service';

export const declarationHandlers = handlersFor(declarationOps)({
  'declarations.plans': listDeclarationPlanRows,
  'declarations.list': listDeclarations,
  'declarations.get': (call, input) => getDeclaration(call, input.id),
  'declarations.create': createDeclaration,
  'declarations.update': updateDeclaration,
  'declarations.delete': (call, input) => deleteDeclaration(call, input.id),
  'declarations.submit': (call, input) => submitDeclaration(call, input.id),
  'quota.get': (call, input) => quotaReport(call.app.store, input.year ?? currentYear(call)),
});
