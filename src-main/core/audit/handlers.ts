import { auditOps } from '../../../src-shared/api/audit';
import { handlersFor } from '../handler-kit';
import { auditFacets } from './audit-log';
import { listAudit, listAuditRows } from './audit-view';
import { startAuditExport } from './export-job';

export const auditHandlers = handlersFor(auditOps)({
  'audit.list': (call, input) => listAudit(call.app.store, input),
  'audit.rows': (call, input) => listAuditRows(call.app.store, input),
  'audit.facets': (call) => auditFacets(call.app.store),
  'audit.export': startAuditExport,
});
