import { scoreOps } from '../../../src-shared/api/scores';
import { handlersFor } from '../handler-kit';
import { flagScore, withdrawDispute } from './dispute-service';
import { candidateScores, listScores, scorePlans } from './score-views';

export const scoreHandlers = handlersFor(scoreOps)({
  'scores.plans': scorePlans,
  'scores.list': listScores,
  'scores.candidate': candidateScores,
  'scores.flag': flagScore,
  'scores.withdraw': withdrawDispute,
});
