import { compositeText, verdictLabel } from '../../../src-shared/domain/certificate-results';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { institutionDateTime } from '../../../src-shared/domain/institution-time';
import type { ResultsPayload } from '../../../src-shared/domain/score-kinds';
import type { Store } from '../../store/store';
import { issuedAfterPackage, nameDisagreement, refuseReference, type EntityRecord, type Fields, type InboundModules, type ReferenceContext } from '../packages/kind-module';
import { certificateLabel, planInfo, type PlanInfo } from '../catalog/plan-certificates';
import { loadAllPlatformResults, upsertPlatformResult, type PlatformResult } from './platform-results-store';

type PlanResults = ResultsPayload['results'][number];
type Entry = PlanResults['entries'][number];

function refuse(path: string, message: string): never {
  return refuseReference('results', path, message);
}

const keyOf = (planCode: string, idNumber: string, certificateCode: string, level: string) => `platform-result:${planCode}:${idNumber}:${certificateCode}:${level}`;
const fieldsOf = (r: { composite: number | null; passed: boolean }): Fields => ({
  平台综合成绩: r.composite === null ? null : compositeText(r.composite),
  平台结果: verdictLabel(r.passed),
});
const who = (e: { idNumber: string; name: string }) => `身份证号 ${maskIdNumber(e.idNumber)}（${e.name}）的考生`;

/** What a plan's entries resolve to: the plan, its candidates by ID number, and which certificate+level each candidate enrolled in. */
function planLookups(store: Store, plan: PlanInfo) {
  const certOfSubject = new Map(plan.certificates.flatMap((c) => c.subjects.map((s) => [s.subjectCode, `${c.certificateCode}/${c.level}`] as const)));
  const enrolled = new Set<string>();
  const rows = store
    .prepare('SELECT c.id_number AS idNumber, e.subject_code AS subjectCode FROM enrollments e JOIN candidates c ON c.id = e.candidate_id WHERE e.plan_code = ?')
    .all(plan.code) as { idNumber: string; subjectCode: string }[];
  for (const r of rows) {
    const cert = certOfSubject.get(r.subjectCode);
    if (cert) enrolled.add(`${r.idNumber}/${cert}`);
  }
  return { enrolled, certificates: new Map(plan.certificates.map((c) => [`${c.certificateCode}/${c.level}`, c])) };
}

function candidateIds(store: Store): Map<string, { id: number; name: string }> {
  return new Map(
    (store.prepare('SELECT id_number AS idNumber, id, name FROM candidates').all() as { idNumber: string; id: number; name: string }[]).map((c) => [
      c.idNumber,
      { id: c.id, name: c.name },
    ]),
  );
}

/**
 * A verdict the store holds is replaced only by a newer one: the same verdict again (whenever
 * issued) changes nothing; a different one issued no later than the stored one is refused, so an
 * old package's figures never overwrite what the platform said since.
 */
function checkNewer(stored: PlatformResult | undefined, plan: PlanResults, e: Entry, path: string, label: string): void {
  if (!stored || (stored.composite === e.composite && stored.passed === e.passed)) return;
  if (new Date(plan.issuedAt).getTime() > new Date(stored.issuedAt).getTime()) return;
  refuse(
    path,
    `${who(e)}的 ${label} 已有平台在 ${institutionDateTime(new Date(stored.issuedAt))} 发布的考证结果（${verdictLabel(stored.passed)}），这份（${institutionDateTime(new Date(plan.issuedAt))} 发布）不比它新，已拒绝`,
  );
}

function checkPlan(ctx: ReferenceContext, p: PlanResults, i: number, ids: Map<string, { id: number; name: string }>, stored: Map<string, PlatformResult>): void {
  const at = `results[${i}]`;
  const plan = planInfo(ctx.store, p.planCode);
  if (!plan) refuse(`${at}.planCode`, `考试计划 ${p.planCode} 不存在，请先导入平台的考试计划`);
  const { enrolled, certificates } = planLookups(ctx.store, plan);
  const seen = new Set<string>();
  p.entries.forEach((e, j) => {
    const ep = `${at}.entries[${j}]`;
    const cert = certificates.get(`${e.certificateCode}/${e.level}`);
    if (!cert) refuse(`${ep}.certificateCode`, `考试计划“${plan.name}”（${plan.code}）没有考核证书 ${e.certificateCode}（${e.level}）`);
    const label = certificateLabel(cert);
    const candidate = ids.get(e.idNumber);
    if (!candidate) refuse(`${ep}.idNumber`, `${who(e)}不是本院校的考生`);
    const misnamed = nameDisagreement(e.name, candidate.name, e.idNumber);
    if (misnamed) refuse(`${ep}.name`, `考试计划“${plan.name}”第 ${j + 1} 条：${misnamed}`);
    if (!enrolled.has(`${e.idNumber}/${e.certificateCode}/${e.level}`)) refuse(`${ep}.idNumber`, `${who(e)}没有报考考试计划“${plan.name}”的 ${label}`);
    const key = keyOf(p.planCode, e.idNumber, e.certificateCode, e.level);
    if (seen.has(key)) refuse(ep, `${who(e)}的 ${label} 在同一份考证结果中出现了两次`);
    seen.add(key);
    checkNewer(stored.get(key), p, e, ep, label);
  });
}

/**
 * 考证结果 as the platform computed it, per plan, candidate and certificate+level: stored beside
 * the app's own computation and compared with it on the 考证结果 page — never taken over. Every
 * entry must name a plan, a candidate of this institution and a certificate+level of the plan
 * that candidate enrolled in; anything else refuses the whole package, naming the entry.
 */
export const resultInbound: InboundModules<'results'> = {
  results: {
    dependsOn: ['exam-plans'],
    validate: (p, manifest) =>
      issuedAfterPackage(
        'results',
        manifest,
        p.results.map((r, i) => ({ path: `results[${i}].issuedAt`, at: r.issuedAt })),
      ),
    checkReferences(p, ctx) {
      const plans = new Set<string>();
      p.results.forEach((r, i) => {
        if (plans.has(r.planCode)) refuse(`results[${i}].planCode`, `考试计划 ${r.planCode} 的考证结果在同一个数据包中出现了两次`);
        plans.add(r.planCode);
      });
      const ids = candidateIds(ctx.store);
      const stored = new Map(loadAllPlatformResults(ctx.store).map((r) => [keyOf(r.planCode, r.idNumber, r.certificateCode, r.level), r]));
      p.results.forEach((r, i) => checkPlan(ctx, r, i, ids, stored));
    },
    records(p, store, now): EntityRecord[] {
      const ids = candidateIds(store);
      const receivedAt = now.toISOString();
      return p.results.flatMap((r) => {
        const plan = planInfo(store, r.planCode);
        const certificates = new Map(plan?.certificates.map((c) => [`${c.certificateCode}/${c.level}`, c]));
        return r.entries.map((e) => {
          const cert = certificates.get(`${e.certificateCode}/${e.level}`);
          const candidateId = ids.get(e.idNumber)!.id;
          return {
            kind: 'results' as const,
            entity: '考证结果',
            key: keyOf(r.planCode, e.idNumber, e.certificateCode, e.level),
            title: `${e.name}（${maskIdNumber(e.idNumber)}）· ${cert ? certificateLabel(cert) : `${e.certificateCode}（${e.level}）`} · ${plan?.name ?? r.planCode}`,
            fields: fieldsOf(e),
            write: (target: Store) =>
              upsertPlatformResult(
                target,
                { planCode: r.planCode, candidateId, certificateCode: e.certificateCode, level: e.level, composite: e.composite, passed: e.passed, issuedAt: r.issuedAt },
                receivedAt,
              ),
          };
        });
      });
    },
    existing: (store) => new Map(loadAllPlatformResults(store).map((r) => [keyOf(r.planCode, r.idNumber, r.certificateCode, r.level), fieldsOf(r)])),
  },
};
