import type { IssuanceList, IssuanceRow } from '../../../src-shared/api/issuance';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import type { IssuanceStatus } from '../../../src-shared/domain/issuance';
import type { Store } from '../../store/store';
import { peekScoreState } from '../scores/score-lock';
import { loadSeal } from '../seal/seal-store';
import { unlistedPasses } from './issuance-progress';
import { countUnsentDecisions, loadRecords, type RecordRow } from './issuance-store';
import { localOutcomes, outcomeKey } from './local-outcomes';

const statusOf = (r: RecordRow): IssuanceStatus => r.decision ?? 'waiting';

/**
 * 证书发放管理: the platform's records, each beside the app's own result for its candidate, what
 * was decided on it and its certificate; and per plan, the passes no list names yet.
 */
export function listIssuance(store: Store, filter: { planCode?: string | undefined; status?: IssuanceStatus | undefined }, now: Date): IssuanceList {
  const records = loadRecords(store);
  const planNames = new Map(records.map((r) => [r.planCode, r.planName]));
  const scored = store.prepare('SELECT DISTINCT s.plan_code AS code, p.name FROM scores s JOIN exam_plans p ON p.code = s.plan_code').all() as { code: string; name: string }[];
  for (const p of scored) planNames.set(p.code, p.name);
  const outcomes = new Map([...planNames.keys()].map((code) => [code, localOutcomes(store, code)]));

  const listed = new Map<string, Set<string>>();
  for (const r of records) {
    const keys = listed.get(r.planCode) ?? new Set<string>();
    listed.set(r.planCode, keys.add(outcomeKey(r)));
  }
  const unlisted = [...outcomes]
    .map(([planCode, byKey]) => ({ planCode, planName: planNames.get(planCode)!, count: unlistedPasses(byKey, listed.get(planCode) ?? new Set()) }))
    .filter((u) => u.count > 0);

  const rows: IssuanceRow[] = records.map((r) => {
    const local = outcomes.get(r.planCode)?.get(outcomeKey(r));
    const status = statusOf(r);
    return {
      recordId: r.recordId,
      planCode: r.planCode,
      planName: r.planName,
      idNumber: maskIdNumber(r.idNumber),
      name: r.name,
      certificateCode: r.certificateCode,
      certificateName: r.certificateName,
      level: r.level,
      platformComposite: r.composite,
      local: local ? { passed: local.passed, composite: local.composite, reasons: local.reasons } : null,
      status,
      decision: r.decision ? { decision: r.decision, reason: r.reason, signer: r.signer!, decidedAt: r.decidedAt!, sentAt: r.sentAt } : null,
      certificateNumber: r.certificateNumber,
      confirmable: status === 'waiting' && local?.passed === true,
    };
  });
  const waitingPlans = [...new Set(rows.filter((r) => r.status === 'waiting').map((r) => r.planCode))];
  const inPublicity = waitingPlans.flatMap((code) => {
    const plan = peekScoreState(store, code, now);
    return plan && plan.stage !== 'locked' ? [{ planCode: code, planName: plan.name, end: plan.windows.publicity.end }] : [];
  });
  const inPlan = filter.planCode ? rows.filter((r) => r.planCode === filter.planCode) : rows;
  const counts: IssuanceList['counts'] = { all: inPlan.length, waiting: 0, confirmed: 0, refused: 0 };
  for (const r of inPlan) counts[r.status]++;
  return {
    rows: filter.status ? inPlan.filter((r) => r.status === filter.status) : inPlan,
    counts,
    plans: [...new Map(records.map((r) => [r.planCode, { code: r.planCode, name: r.planName }])).values()],
    unlisted,
    inPublicity: filter.planCode ? inPublicity.filter((p) => p.planCode === filter.planCode) : inPublicity,
    unsent: countUnsentDecisions(store),
    hasSeal: loadSeal(store) !== null,
  };
}
