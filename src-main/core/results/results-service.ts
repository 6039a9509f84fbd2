import type { z } from 'zod';
import type { ResultDisagreement, ResultPlanRow, ResultRow, ResultsCheck, resultsViewInput, ResultsView, ResultSubject } from '../../../src-shared/api/results';
import { passRuleText, ROUNDING_RULE } from '../../../src-shared/domain/certificate-results';
import { AppError } from '../../../src-shared/errors';
import type { CallContext } from '../call-context';
import { listPlans } from '../catalog/catalog-service';
import { crossCheck, type CheckedResult } from './cross-check';
import { certificateLabel, planInfo, type PlanInfo } from '../catalog/plan-certificates';
import { platformResultTotals } from './platform-results-store';

function requirePlan(call: CallContext, planCode: string): PlanInfo {
  const plan = planInfo(call.app.store, planCode);
  if (!plan) throw new AppError('NOT_FOUND', `考试计划 ${planCode} 不存在，请先导入平台的考试计划`);
  return plan;
}

/** The plans anyone enrolled in, and the platform's verdicts of each: what the 考证结果 page offers. */
export function resultPlans(call: CallContext): ResultPlanRow[] {
  const { store } = call.app;
  const enrolled = new Set(store.prepare('SELECT DISTINCT plan_code FROM enrollments').pluck().all() as string[]);
  const platform = platformResultTotals(store);
  return listPlans(call)
    .filter((p) => enrolled.has(p.code) || platform.has(p.code))
    .map((p) => {
      const { rows } = crossCheck(store, planInfo(store, p.code)!);
      return {
        code: p.code,
        name: p.name,
        phase: p.phase,
        computed: rows.filter((r) => r.local).length,
        decided: rows.filter((r) => r.local && r.local.outcome.passed !== null).length,
        platform: platform.get(p.code)?.count ?? 0,
      };
    });
}

/** The subjects of a row, with their names and whether the candidate enrolled in them. */
function subjectsOf(r: CheckedResult): ResultSubject[] {
  const names = new Map(r.certificate.subjects.map((s) => [s.subjectCode, s.name]));
  return (r.local?.outcome.subjects ?? []).map((s) => ({
    subjectCode: s.subjectCode,
    subjectName: names.get(s.subjectCode) ?? s.subjectCode,
    score: s.counted,
    absent: s.absent,
    enrolled: !r.local!.notEnrolled.includes(s.subjectCode),
    weight: s.weight,
    weighted: s.weighted,
    passScore: s.passScore,
    passed: s.passed,
  }));
}

/** Σ score × weight, exact: each part is a whole number of 1e-5 (tenths × hundredths of a percent). */
function sumOf(subjects: readonly ResultSubject[]): number | null {
  if (subjects.some((s) => s.weighted === null)) return null;
  return subjects.reduce((n, s) => n + Math.round(s.weighted! * 100_000), 0) / 100_000;
}

/** The rule's reasons name subjects by code; the page names them as people know them: 综合应用考核（794690）. */
function namedReasons(r: CheckedResult): string[] {
  const named = (text: string) => r.certificate.subjects.reduce((t, s) => t.replaceAll(s.subjectCode, `${s.name}（${s.subjectCode}）`), text);
  return (r.local?.outcome.reasons ?? []).map(named);
}

function rowOf(r: CheckedResult): ResultRow {
  const subjects = r.local ? subjectsOf(r) : [];
  return {
    key: r.key,
    candidateId: r.candidateId,
    name: r.name,
    idNumber: r.idNumber,
    certificateCode: r.certificate.certificateCode,
    certificateLabel: certificateLabel(r.certificate),
    level: r.certificate.level,
    rule: passRuleText(r.certificate.passRule),
    local: r.local ? { sum: sumOf(subjects), composite: r.local.outcome.composite, passed: r.local.outcome.passed, reasons: namedReasons(r), subjects } : null,
    platform: r.platform ? { composite: r.platform.composite, passed: r.platform.passed, issuedAt: r.platform.issuedAt } : null,
    status: r.status,
    differences: r.differences,
  };
}

const FILTERS: Record<z.output<typeof resultsViewInput>['filter'], (r: CheckedResult) => boolean> = {
  all: () => true,
  disagree: (r) => r.status === 'disagree',
  agree: (r) => r.status === 'agree',
  passed: (r) => r.local?.outcome.passed === true,
  failed: (r) => r.local?.outcome.passed === false,
  undecided: (r) => r.local !== null && r.local.outcome.passed === null,
};

/**
 * 考证结果 of one plan, a page at a time (a plan holds ten thousand candidates): the counts over
 * the whole plan, then the rows the filter, certificate and search keep.
 */
export function resultsView(call: CallContext, input: z.output<typeof resultsViewInput>): ResultsView {
  const plan = requirePlan(call, input.planCode);
  const { rows, platformIssuedAt } = crossCheck(call.app.store, plan);
  const local = rows.flatMap((r) => (r.local ? [r.local.outcome.passed] : []));
  const search = input.search?.toUpperCase();
  const kept = rows.filter(
    (r) =>
      FILTERS[input.filter](r) &&
      (!input.certificate || `${r.certificate.certificateCode}/${r.certificate.level}` === input.certificate) &&
      (!search || r.name.includes(search) || r.idNumber.includes(search)),
  );
  const start = (input.page - 1) * input.pageSize;
  return {
    plan: { code: plan.code, name: plan.name },
    rounding: ROUNDING_RULE,
    certificates: plan.certificates.map((c) => ({
      certificateCode: c.certificateCode,
      label: certificateLabel(c),
      level: c.level,
      rule: passRuleText(c.passRule),
      subjects: c.subjects.map((s) => ({ code: s.subjectCode, name: s.name, weight: s.weight, passScore: s.passScore })),
    })),
    counts: {
      computed: local.length,
      passed: local.filter((p) => p === true).length,
      failed: local.filter((p) => p === false).length,
      undecided: local.filter((p) => p === null).length,
      platform: rows.filter((r) => r.platform).length,
      agree: rows.filter((r) => r.status === 'agree').length,
      disagree: rows.filter((r) => r.status === 'disagree').length,
    },
    platformIssuedAt,
    rows: { items: kept.slice(start, start + input.pageSize).map(rowOf), total: kept.length, page: input.page, pageSize: input.pageSize },
  };
}

function disagreementOf(r: CheckedResult): ResultDisagreement {
  const scores = new Map((r.local?.outcome.subjects ?? []).map((s) => [s.subjectCode, s]));
  return {
    candidate: { idNumber: r.idNumber, name: r.name },
    certificate: r.certificate.certificateCode,
    level: r.certificate.level,
    local: r.local ? { composite: r.local.outcome.composite, passed: r.local.outcome.passed } : null,
    platform: r.platform ? { composite: r.platform.composite, passed: r.platform.passed } : null,
    inputs: {
      rule: { ...r.certificate.passRule, rounding: ROUNDING_RULE },
      subjects: r.certificate.subjects.map((s) => {
        const got = scores.get(s.subjectCode);
        return { subject: s.subjectCode, name: s.name, score: got && !got.absent ? got.counted : null, absent: got?.absent ?? false, weight: s.weight, passScore: s.passScore };
      }),
    },
  };
}

/** `results check`: the counts, and every disagreement with both figures and the inputs of the local one. */
export function resultsCheck(call: CallContext, planCode: string): ResultsCheck {
  const plan = requirePlan(call, planCode);
  const { rows } = crossCheck(call.app.store, plan);
  return {
    plan: plan.code,
    computed: rows.filter((r) => r.local).length,
    platform: rows.filter((r) => r.platform).length,
    agree: rows.filter((r) => r.status === 'agree').length,
    disagreements: rows.filter((r) => r.status === 'disagree').map(disagreementOf),
  };
}
