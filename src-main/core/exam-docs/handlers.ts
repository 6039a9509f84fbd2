import { examDocOps } from '../../../src-shared/api/exam-docs';
import { EXAM_DOC_TITLES } from '../../pipelines/pdf/exam-docs/write-exam-docs';
import { handlersFor } from '../handler-kit';
import { scopeOf } from '../schedule/scope';
import { examDocJob, ticketZipJob } from './exam-doc-jobs';
import { planPrint } from './select-rooms';

/** The checks run before the job starts, so a refusal (scope, window, size) answers the call itself. */
export const examDocHandlers = handlersFor(examDocOps)({
  'examDocs.render': (call, input) => {
    const scope = scopeOf(call);
    planPrint(call.app.store, scope, call.app.now(), input);
    return call.app.jobs.start(examDocJob, { ...input, scope }, { title: `打印${EXAM_DOC_TITLES[input.kind]}`, actor: call.actor, owner: call.sessionToken });
  },
  'examDocs.ticketZip': (call, input) => {
    const scope = scopeOf(call);
    planPrint(call.app.store, scope, call.app.now(), { ...input, kind: 'zip' });
    return call.app.jobs.start(ticketZipJob, { ...input, scope }, { title: '导出准考证 ZIP', actor: call.actor, owner: call.sessionToken });
  },
});
