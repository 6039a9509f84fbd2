import type { Store } from '../../store/store';
import { loadSeal } from '../seal/seal-store';
import { localOutcomes, outcomeKey } from './local-outcomes';

/** How the 发放名单's records stand, counted as 证书发放管理 would list them. */
export interface IssuanceProgress {
  records: number;
  waiting: number;
  confirmed: number;
  refused: number;
  /** Decided, and the decision not yet sent. */
  unsent: number;
  /** With the organisation's 电子证书. */
  issued: number;
  /** Confirmed and sent, the certificate still to come. */
  awaited: number;
  /** The plans' local passes no record names. */
  unlisted: number;
  hasSeal: boolean;
}

/** The passes of a plan's local outcomes (by outcomeKey) that no record of its list names. */
export function unlistedPasses(outcomes: ReadonlyMap<string, { passed: boolean | null }>, listed: ReadonlySet<string>): number {
  let n = 0;
  for (const [key, o] of outcomes) if (o.passed === true && !listed.has(key)) n++;
  return n;
}

/**
 * The home page's 发证 step: the records of `planCodes` and every earlier record still open
 * (waiting for a decision, a decision not sent, a confirmation without its certificate), and the
 * local passes of `planCodes` not listed. Counted in SQL: only the plans of `planCodes` that have
 * scores compute their outcomes, never every plan the store has ever scored.
 */
export function issuanceProgress(store: Store, planCodes: readonly string[]): IssuanceProgress {
  const codes = JSON.stringify(planCodes);
  const counts = store
    .prepare(
      `SELECT count(*) AS records, coalesce(sum(d.id IS NULL), 0) AS waiting, coalesce(sum(d.decision = 'confirmed'), 0) AS confirmed,
         coalesce(sum(d.decision = 'refused'), 0) AS refused, coalesce(sum(d.id IS NOT NULL AND x.sent_at IS NULL), 0) AS unsent,
         coalesce(sum(ic.number IS NOT NULL), 0) AS issued,
         coalesce(sum(d.decision = 'confirmed' AND ic.number IS NULL AND x.sent_at IS NOT NULL), 0) AS awaited
       FROM issuance_records r JOIN exam_plans p ON p.code = r.plan_code JOIN certificates c ON c.code = r.certificate_code
         LEFT JOIN issuance_decisions d ON d.record_id = r.record_id LEFT JOIN issuance_decisions_sent x ON x.decision_id = d.id
         LEFT JOIN issued_certificates ic ON ic.record_id = r.record_id
       WHERE r.plan_code IN (SELECT value FROM json_each(?)) OR d.id IS NULL OR x.sent_at IS NULL OR (d.decision = 'confirmed' AND ic.number IS NULL)`,
    )
    .get(codes) as Omit<IssuanceProgress, 'unlisted' | 'hasSeal'>;
  const scored = store.prepare('SELECT DISTINCT plan_code FROM scores WHERE plan_code IN (SELECT value FROM json_each(?))').pluck().all(codes) as string[];
  const listedIn = store.prepare('SELECT id_number AS idNumber, certificate_code AS certificateCode, level FROM issuance_records WHERE plan_code = ?');
  const listed = (code: string) => new Set((listedIn.all(code) as Parameters<typeof outcomeKey>[0][]).map(outcomeKey));
  const unlisted = scored.reduce((n, code) => n + unlistedPasses(localOutcomes(store, code), listed(code)), 0);
  return { ...counts, unlisted, hasSeal: loadSeal(store) !== null };
}
