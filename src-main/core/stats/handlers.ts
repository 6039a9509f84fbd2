import { statsOps } from '../../../src-shared/api/stats';
import { handlersFor } from '../handler-kit';
import { startStatsExport } from './export-job';
import { statsPlans } from './stats-queries';
import { planStats } from './stats-service';

export const statsHandlers = handlersFor(statsOps)({
  'stats.plans': (call) => statsPlans(call.app.store, call.app.now()),
  'stats.plan': (call, input) => planStats(call.app.store, input.planCode, input.binWidth, call.app.now()),
  'stats.export': startStatsExport,
});
