import { resultOps } from '../../../src-shared/api/results';
import { handlersFor } from '../handler-kit';
import { resultPlans, resultsCheck, resultsView } from './results-service';

export const resultHandlers = handlersFor(resultOps)({
  'results.plans': resultPlans,
  'results.view': resultsView,
  'results.check': (call, input) => resultsCheck(call, input.planCode),
});
