import type { LocalOutcome } from '../../../src-shared/api/issuance';
import type { Store } from '../../store/store';
import { localResults } from '../results/local-results';

export const outcomeKey = (r: { idNumber: string; certificateCode: string; level: string }) => `${r.idNumber}|${r.certificateCode}|${r.level}`;

/** The app's own 考证结果 of a plan (localResults, the one place they are computed), by ID number, certificate and level. */
export function localOutcomes(store: Store, planCode: string): Map<string, LocalOutcome & { name: string }> {
  return new Map(localResults(store, planCode).map((r) => [outcomeKey(r), { name: r.name, passed: r.outcome.passed, composite: r.outcome.composite, reasons: r.outcome.reasons }]));
}
