import type { PlanStats } from '../../../src-shared/api/stats';
import { planStatistics, type BinWidth } from '../../../src-shared/domain/score-stats';
import type { Store } from '../../store/store';
import { planScoreRows } from '../results/local-results';
import { certificateResultRows, planHead, scoreTotals, subjectScoreRows } from './stats-queries';

/**
 * 统计分析 of one plan as it stands: read in one transaction, so the rates, the distributions and
 * the totals all come from the same scores even while a score package is being imported.
 */
export function planStats(store: Store, planCode: string, binWidth: BinWidth, now: Date): PlanStats {
  return store.db.transaction(() => {
    const head = planHead(store, planCode, now);
    const rows = planScoreRows(store, planCode);
    const scores = subjectScoreRows(rows);
    const results = certificateResultRows(store, planCode, rows);
    return {
      plan: { code: head.meta.code, name: head.meta.name, orgName: head.orgName, phase: head.phase },
      binWidth,
      scores: {
        enrolled: scores.length,
        scored: scores.filter((s) => s.scored).length,
        absent: scores.filter((s) => s.scored && s.absent).length,
        ...scoreTotals(store, planCode),
      },
      ...planStatistics(head.meta, results, scores, binWidth),
    };
  })();
}
