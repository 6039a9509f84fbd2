import type { Store } from '../../store/store';

/** One verdict of the platform's 考证结果, as its latest `results` package sent it. */
export interface PlatformResult {
  id: number;
  planCode: string;
  candidateId: number;
  idNumber: string;
  name: string;
  certificateCode: string;
  level: string;
  /** One decimal, as the platform reports it; null when its rule has none it reports. */
  composite: number | null;
  passed: boolean;
  issuedAt: string;
  receivedAt: string;
}

export interface PlatformResultWrite {
  planCode: string;
  candidateId: number;
  certificateCode: string;
  level: '初级' | '中级' | '高级';
  composite: number | null;
  passed: boolean;
  issuedAt: string;
}

interface Row {
  id: number;
  planCode: string;
  candidateId: number;
  idNumber: string;
  name: string;
  certificateCode: string;
  level: string;
  composite: number | null;
  passed: number;
  issuedAt: string;
  receivedAt: string;
}

const SELECT = `SELECT r.id, r.plan_code AS planCode, r.candidate_id AS candidateId, c.id_number AS idNumber, c.name, r.certificate_code AS certificateCode,
    r.level, r.composite, r.passed, r.issued_at AS issuedAt, r.received_at AS receivedAt
  FROM platform_results r JOIN candidates c ON c.id = r.candidate_id`;

const resultOf = (r: Row): PlatformResult => ({ ...r, passed: r.passed === 1 });

/** The platform's verdicts of a plan, in candidate order: what the cross-check and issuance read. */
export function loadPlatformResults(store: Store, planCode: string): PlatformResult[] {
  return (store.prepare(`${SELECT} WHERE r.plan_code = ? ORDER BY r.candidate_id, r.certificate_code, r.level`).all(planCode) as Row[]).map(resultOf);
}

/** Every stored verdict, for the import's comparison with what a package brings. */
export function loadAllPlatformResults(store: Store): PlatformResult[] {
  return (store.prepare(SELECT).all() as Row[]).map(resultOf);
}

/** How many verdicts the platform has sent per plan, and when the newest was issued. */
export function platformResultTotals(store: Store): Map<string, { count: number; latestIssuedAt: string }> {
  const rows = store.prepare('SELECT plan_code AS planCode, count(*) AS count, max(issued_at) AS latestIssuedAt FROM platform_results GROUP BY plan_code').all() as {
    planCode: string;
    count: number;
    latestIssuedAt: string;
  }[];
  return new Map(rows.map((r) => [r.planCode, { count: r.count, latestIssuedAt: r.latestIssuedAt }]));
}

/** A newer verdict of the same plan, candidate and certificate+level replaces the stored one. */
export function upsertPlatformResult(store: Store, r: PlatformResultWrite, receivedAt: string): void {
  store
    .prepare(
      `INSERT INTO platform_results (plan_code, candidate_id, certificate_code, level, composite, passed, issued_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (plan_code, candidate_id, certificate_code, level) DO UPDATE SET composite = excluded.composite, passed = excluded.passed,
         issued_at = excluded.issued_at, received_at = excluded.received_at`,
    )
    .run(r.planCode, r.candidateId, r.certificateCode, r.level, r.composite, r.passed ? 1 : 0, r.issuedAt, receivedAt);
}
