import { jobOps } from '../../../src-shared/api/jobs';
import { handlersFor } from '../handler-kit';

export const jobHandlers = handlersFor(jobOps)({
  'jobs.get': (call, input) => (call.app.jobs.assertMayControl(input.id, call.actor), call.app.jobs.get(input.id)),
  'jobs.list': (call) => call.app.jobs.list(call.actor),
  'jobs.cancel': (call, input) => (call.app.jobs.assertMayControl(input.id, call.actor), call.app.jobs.cancel(input.id)),
  'jobs.file': (call, input) => {
    call.app.jobs.assertMayControl(input.id, call.actor);
    const path = call.app.jobs.fileOf(input.id, input.key);
    // Job files are named `<timestamp>-<name>`: the person gets the name.
    return call.app.files.register(path, path.split(/[\\/]/).pop()!.replace(/^\d+-/, ''), call.actor);
  },
});
