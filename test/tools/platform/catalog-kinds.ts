import type { z } from 'zod';
import type { catalogPayload, DeclarationPlan, declarationPlansPayload, ExamPlan, examPlansPayload, examSubjectsPayload } from '../../../src-shared/domain/catalog';
import { PLAN_WINDOWS } from '../../../src-shared/domain/catalog';
import { daysFrom, resolveDate } from './dates';
import { provinceOf, type Province } from './province';
import { INSTITUTION_PROVINCE, type DeclarationPlanSpec, type ExamPlanSpec, type Scenario } from './scenario-schema';

/** The four inbound payloads a catalog package carries, keyed by package kind. */
export interface CatalogKinds {
  catalog: z.infer<typeof catalogPayload>;
  'declaration-plans': z.infer<typeof declarationPlansPayload>;
  'exam-subjects': z.infer<typeof examSubjectsPayload>;
  'exam-plans': z.infer<typeof examPlansPayload>;
}

export interface IssueTarget {
  /** Null when it cannot be known: the plans of "@institution" are then left out. */
  province: Province | null;
  /** The Beijing date the package is issued on: "D" of the scenario. */
  issueDay: string;
}

/** Fills {name} placeholders; an unknown one is a scenario error, caught by the loader's check. */
export function fillTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

/** The scenario as the platform would send it to one institution on one day. */
export function catalogKinds(scenario: Scenario, target: IssueTarget): CatalogKinds {
  const year = target.issueDay.slice(0, 4);
  return {
    catalog: { organisations: scenario.organisations, certificates: scenario.certificates, majors: scenario.majors },
    'declaration-plans': {
      plans: scenario.declarationPlans.flatMap((spec) => {
        const plan = declarationPlan(spec, target, year);
        return plan ? [plan] : [];
      }),
    },
    'exam-subjects': { subjects: scenario.subjects },
    'exam-plans': { plans: scenario.examPlans.map((spec) => examPlan(scenario, spec, target.issueDay, year)) },
  };
}

function declarationPlan(spec: DeclarationPlanSpec, target: IssueTarget, year: string): DeclarationPlan | null {
  const province = spec.province === INSTITUTION_PROVINCE ? target.province : (provinceOf('', spec.province) ?? { code: null, name: spec.province });
  if (!province) return null;
  // An unknown province has no code: its {provinceCode} stays unfilled and the loader says so.
  const vars: Record<string, string> = { year, ...(province.code ? { provinceCode: province.code } : {}) };
  const windowStart = resolveDate(spec.windowStart, target.issueDay);
  const windowEnd = resolveDate(spec.windowEnd, target.issueDay);
  const status = spec.status ?? (target.issueDay < windowStart ? '未开始' : target.issueDay <= windowEnd ? '申报中' : '已结束');
  return {
    code: fillTemplate(spec.code, vars),
    province: province.name,
    batch: fillTemplate(spec.batch, vars),
    windowStart,
    windowEnd,
    byMajor: spec.byMajor,
    cityApproval: spec.cityApproval,
    status,
  };
}

function examPlan(scenario: Scenario, spec: ExamPlanSpec, issueDay: string, year: string): ExamPlan {
  const windows = Object.fromEntries(
    PLAN_WINDOWS.map((k) => [k, { start: resolveDate(spec.windows[k].start, issueDay), end: resolveDate(spec.windows[k].end, issueDay) }]),
  ) as ExamPlan['windows'];
  const examDays = spec.examDays?.map((d) => resolveDate(d, issueDay)) ?? daysFrom(windows.exam.start, windows.exam.end);
  const vars = { year, examYear: windows.exam.start.slice(0, 4), examMonth: String(Number(windows.exam.start.slice(5, 7))) };
  // A platform plan is 已发布 until its papers are set for the exam, and 已结束 after publicity.
  const status = spec.status ?? (issueDay < windows.exam.start ? '已发布' : issueDay <= windows.publicity.end ? '已出卷' : '已结束');
  return {
    code: fillTemplate(spec.code, vars),
    name: fillTemplate(spec.name, vars),
    orgCode: spec.orgCode,
    status,
    windows,
    certificates: spec.certificates.map(({ certificateCode, level }) => {
      const assessment = scenario.assessments.find((a) => a.certificateCode === certificateCode && a.level === level);
      // The loader refuses a scenario whose plan names an assessment it lacks; this is that promise.
      if (!assessment) throw new Error(`no assessment for ${certificateCode} ${level}`);
      return {
        certificateCode,
        level,
        passRule: assessment.passRule,
        subjects: assessment.subjects.map((s) => ({
          subjectCode: s.subjectCode,
          passScore: s.passScore,
          weight: s.weight,
          sessions: examDays.map((date) => ({ date, start: s.time.start, end: s.time.end })),
          durationMinutes: s.durationMinutes,
        })),
      };
    }),
  };
}
