import { packageOps } from '../../../src-shared/api/packages';
import { handlersFor } from '../handler-kit';
import { listHistory, packageFile, rewritePackage, startExport } from './history-service';
import { packageImportJob, packageInspectJob } from './inbound-jobs';
import { startExchange } from './online-exchange';

export const packageHandlers = handlersFor(packageOps)({
  'packages.inspect': (call, input) => {
    const file = call.app.files.resolve(input.fileId, call.actor);
    return call.app.jobs.start(
      packageInspectJob,
      { path: file.path, fileName: file.name, fileId: input.fileId },
      { title: '检查数据包', actor: call.actor, owner: call.sessionToken },
    );
  },
  'packages.import': (call, input) => {
    const file = call.app.files.resolve(input.fileId, call.actor);
    return call.app.jobs.start(
      packageImportJob,
      { path: file.path, fileName: file.name, fileId: input.fileId, expectedHash: input.fileHash },
      { title: '导入数据包', actor: call.actor, owner: call.sessionToken },
    );
  },
  'packages.export': startExport,
  'packages.history': listHistory,
  'packages.rewrite': rewritePackage,
  'packages.file': (call, input) => packageFile(call, input.id),
  'packages.exchange': startExchange,
});
