import { sealOps } from '../../../src-shared/api/seal';
import { handlersFor } from '../handler-kit';
import { sealPreviewJob } from './seal-preview-job';
import { requireSealPng, sealImage, sealStatus, uploadSeal } from './seal-service';

export const sealHandlers = handlersFor(sealOps)({
  'seal.status': (call) => sealStatus(call.app.store),
  'seal.image': (call) => sealImage(call.app.store),
  'seal.upload': uploadSeal,
  // Refused at once without a seal, rather than by the job a moment later.
  'seal.preview': (call) => (requireSealPng(call.app.store), call.app.jobs.start(sealPreviewJob, {}, { title: '预览签名章效果', actor: call.actor, owner: call.sessionToken })),
});
