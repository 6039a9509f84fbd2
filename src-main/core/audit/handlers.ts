import { auditOps } from '../../../src-shared/api/audit';
import { handlersFor } from '../handler-kit';
import { auditFacets, listAudit } from './audit-log';

export const auditHandlers = handlersFor(auditOps)({
  'audit.list': (call, input) => listAudit(call.app.store, input),
  'audit.facets': (call) => auditFacets(call.app.store),
});
