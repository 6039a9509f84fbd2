import { compositeText, verdictLabel, type ResultCheckStatus } from '../../../src-shared/domain/certificate-results';
import type { Store } from '../../store/store';
import { localResults, type LocalResult } from './local-results';
import type { PlanCertificateInfo, PlanInfo } from '../catalog/plan-certificates';
import { loadPlatformResults, type PlatformResult } from './platform-results-store';

/** One candidate × certificate+level of a plan, the app's outcome beside the platform's verdict. */
export interface CheckedResult {
  key: string;
  candidateId: number;
  idNumber: string;
  name: string;
  certificate: PlanCertificateInfo;
  local: LocalResult | null;
  platform: PlatformResult | null;
  status: ResultCheckStatus;
  differences: string[];
}

export interface CrossCheck {
  rows: CheckedResult[];
  /** The platform's newest time of issue for the plan; null while it has sent no verdict (nothing to compare yet). */
  platformIssuedAt: string | null;
}

/**
 * What differs between the two sides, in words. The verdict always counts; the composite only
 * when the platform reports one (a rule without a composite pass mark has none it reports).
 */
function differencesOf(local: LocalResult | null, platform: PlatformResult | null): string[] {
  if (!local) return ['本院校没有这项考证结果：考生没有报考这个证书'];
  if (!platform) return ['平台没有发来这项考证结果'];
  const out: string[] = [];
  const mine = local.outcome;
  if (mine.passed === null) out.push(`本院校成绩未齐，平台已判定${verdictLabel(platform.passed)}`);
  else if (mine.passed !== platform.passed) out.push(`结果不一致：本院校计算为${verdictLabel(mine.passed)}，平台为${verdictLabel(platform.passed)}`);
  if (platform.composite !== null && mine.composite !== null && Math.round(mine.composite * 10) !== Math.round(platform.composite * 10))
    out.push(`综合成绩不一致：本院校计算为 ${compositeText(mine.composite)}，平台为 ${compositeText(platform.composite)}`);
  return out;
}

/** A certificate the plan no longer lists (a catalog re-imported since the platform's verdict). */
const unlisted = (certificateCode: string, level: string): PlanCertificateInfo => ({
  certificateCode,
  certificateName: certificateCode,
  shortName: certificateCode,
  level: level as PlanCertificateInfo['level'],
  passRule: { compositePassScore: null, allSubjectsPass: false },
  subjects: [],
});

/**
 * The cross-check of a plan (考证结果核对): every candidate × certificate+level either side has,
 * the app's outcome from localResults beside the platform's stored verdict. A difference in the
 * verdict or the composite, or one side missing, is a disagreement — listed, never resolved by
 * taking either side. Until the platform sends any verdict for the plan, every row awaits it.
 * In candidate order, each candidate's certificates by code and level.
 */
export function crossCheck(store: Store, plan: PlanInfo): CrossCheck {
  const version = storeVersion(store);
  let cached = checks.get(store);
  if (cached?.version !== version) checks.set(store, (cached = { version, plans: new Map() }));
  const hit = cached.plans.get(plan.code);
  if (hit) return hit;
  const check = compute(store, plan);
  cached.plans.set(plan.code, check);
  return check;
}

/**
 * What the store holds changed since: a commit of another connection (the import job's worker)
 * moves data_version, one of this connection moves total_changes. The page asks for a page at a
 * time over a plan of ten thousand; between changes it pages through one computation.
 */
function storeVersion(store: Store): string {
  return `${String(store.db.pragma('data_version', { simple: true }))}/${String(store.prepare('SELECT total_changes()').pluck().get())}`;
}

const checks = new WeakMap<Store, { version: string; plans: Map<string, CrossCheck> }>();

function compute(store: Store, plan: PlanInfo): CrossCheck {
  const order = new Map(plan.certificates.map((c, i) => [`${c.certificateCode}/${c.level}`, i]));
  const keyOf = (candidateId: number, certificateCode: string, level: string) => `${candidateId}/${certificateCode}/${level}`;
  const platform = new Map(loadPlatformResults(store, plan.code).map((r) => [keyOf(r.candidateId, r.certificateCode, r.level), r]));
  const platformIssuedAt = [...platform.values()].reduce<string | null>(
    (latest, r) => (latest === null || Date.parse(r.issuedAt) > Date.parse(latest) ? r.issuedAt : latest),
    null,
  );
  const row = (local: LocalResult | null, theirs: PlatformResult | null): CheckedResult => {
    const who = (local ?? theirs)!;
    const certificateCode = local?.certificateCode ?? theirs!.certificateCode;
    const level = local?.level ?? theirs!.level;
    const differences = platformIssuedAt === null ? [] : differencesOf(local, theirs);
    return {
      key: keyOf(who.candidateId, certificateCode, level),
      candidateId: who.candidateId,
      idNumber: who.idNumber,
      name: who.name,
      certificate: plan.certificates[order.get(`${certificateCode}/${level}`) ?? -1] ?? unlisted(certificateCode, level),
      local,
      platform: theirs,
      status: platformIssuedAt === null ? 'awaiting' : differences.length ? 'disagree' : 'agree',
      differences,
    };
  };
  const rows: CheckedResult[] = [];
  for (const local of localResults(store, plan.code)) {
    const key = keyOf(local.candidateId, local.certificateCode, local.level);
    rows.push(row(local, platform.get(key) ?? null));
    platform.delete(key);
  }
  for (const theirs of platform.values()) rows.push(row(null, theirs));
  const rank = (r: CheckedResult) => order.get(`${r.certificate.certificateCode}/${r.certificate.level}`) ?? order.size;
  rows.sort((a, b) => a.candidateId - b.candidateId || rank(a) - rank(b));
  return { rows, platformIssuedAt };
}
