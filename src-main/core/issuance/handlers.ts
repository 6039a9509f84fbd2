import { issuanceOps } from '../../../src-shared/api/issuance';
import { handlersFor } from '../handler-kit';
import { requireSealPng } from '../seal/seal-service';
import { certificatePdfJob } from './certificate-pdf-job';
import { decideIssuance } from './decide-service';
import { findCertificate, lookupCertificate } from './lookup-service';
import { listIssuance } from './issuance-view';

export const issuanceHandlers = handlersFor(issuanceOps)({
  'issuance.list': (call, input) => listIssuance(call.app.store, input, call.app.now()),
  'issuance.decide': decideIssuance,
  'certificates.lookup': (call, input) => lookupCertificate(call.app.store, input),
  'certificates.pdf': (call, input) => {
    // Refused at once (not found, no seal), rather than by the job a moment later.
    findCertificate(call.app.store, input);
    requireSealPng(call.app.store);
    return call.app.jobs.start(certificatePdfJob, input, { title: '生成电子证书', actor: call.actor, owner: call.sessionToken });
  },
});
