import { institutionOps } from '../../../src-shared/api/institution';
import { handlersFor } from '../handler-kit';
import { getInstitution, updateInstitution } from './institution-service';

export const institutionHandlers = handlersFor(institutionOps)({
  'institution.get': getInstitution,
  'institution.update': updateInstitution,
});
