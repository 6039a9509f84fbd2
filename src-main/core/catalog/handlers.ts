import { catalogOps } from '../../../src-shared/api/catalog';
import { handlersFor } from '../handler-kit';
import { getPlan, listCertificates, listDeclarationPlans, listMajors, listPlans, listSubjects } from './catalog-service';

export const catalogHandlers = handlersFor(catalogOps)({
  'catalog.certificates': (call) => listCertificates(call.app.store),
  'catalog.subjects': (call) => listSubjects(call.app.store),
  'catalog.majors': (call) => listMajors(call.app.store),
  'catalog.declarationPlans': (call) => listDeclarationPlans(call.app.store),
  'plans.list': listPlans,
  'plans.get': (call, input) => getPlan(call, input.code),
});
