import { z } from 'zod';
import {
  certificateSchema,
  DECLARATION_PLAN_STATUSES,
  EXAM_PLAN_STATUSES,
  examSubjectSchema,
  majorSchema,
  organisationSchema,
  passRuleSchema,
  PLAN_WINDOWS,
  type PlanWindowKey,
} from '../../../src-shared/domain/catalog';

/**
 * A scenario file: what the simulated platform knows. It is the payloads of a catalog package
 * plus what cannot be fixed in a file — dates that move with the day a package is issued
 * ("D+5"), the province of whoever asks ("@institution") — and, per certificate+level, the
 * assessment (pass rule, subjects with weight and daily time) that every exam plan reuses.
 */

/** An absolute Beijing date, or a day offset from the issue day: "D", "D+5", "D-3". */
export const dateSpec = z.string().regex(/^(\d{4}-\d{2}-\d{2}|D([+-]\d{1,4})?)$/, { error: '日期应为 YYYY-MM-DD，或相对签发日的 D、D+n、D-n' });
export type DateSpec = z.infer<typeof dateSpec>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:MM' });
const windowSpec = z.object({ start: dateSpec, end: dateSpec }).strict();

/** The province of the institution the package is for. */
export const INSTITUTION_PROVINCE = '@institution';

export const assessmentSubjectSchema = z
  .object({
    subjectCode: z.string().min(1),
    passScore: z.number().min(0).max(1000),
    weight: z.number().min(0).max(100),
    /** The time of day the subject is sat, on each exam day of a plan. */
    time: z.object({ start: hhmm, end: hhmm }).strict(),
    durationMinutes: z.number().int().positive(),
  })
  .strict();

export const assessmentSchema = z
  .object({
    certificateCode: z.string().min(1),
    level: certificateSchema.shape.levels.element,
    passRule: passRuleSchema,
    subjects: z.array(assessmentSubjectSchema).min(1),
  })
  .strict();

export const declarationPlanSpecSchema = z
  .object({
    /** May hold {provinceCode} and {year}. */
    code: z.string().min(1),
    /** A province name, or "@institution". */
    province: z.string().min(1),
    /** May hold {year}. */
    batch: z.string().min(1),
    windowStart: dateSpec,
    windowEnd: dateSpec,
    byMajor: z.boolean(),
    cityApproval: z.boolean(),
    /** Left out: derived from the window on the issue day. */
    status: z.enum(DECLARATION_PLAN_STATUSES).optional(),
  })
  .strict();

export const examPlanSpecSchema = z
  .object({
    /** Code and name may hold {year} (issue year), {examYear} and {examMonth}. */
    code: z.string().min(1),
    name: z.string().min(1),
    orgCode: z.string().min(1),
    /** Left out: derived from the windows on the issue day. */
    status: z.enum(EXAM_PLAN_STATUSES).optional(),
    windows: z.object(Object.fromEntries(PLAN_WINDOWS.map((k) => [k, windowSpec])) as Record<PlanWindowKey, typeof windowSpec>).strict(),
    /** The days subjects are sat; left out: every day of the exam window. */
    examDays: z.array(dateSpec).min(1).optional(),
    certificates: z.array(z.object({ certificateCode: z.string().min(1), level: certificateSchema.shape.levels.element }).strict()).min(1),
  })
  .strict();

/**
 * 借考: a certificate whose exam needs equipment the schools of the scenario lack; a site that
 * declares it is not approved but sent to this site of another institution (answer-sites.ts).
 */
export const borrowedSiteSchema = z
  .object({
    certificateCode: z.string().min(1),
    site: z.string().min(1).max(200),
    institution: z.string().min(1).max(200),
    address: z.string().min(1).max(200),
  })
  .strict();

export const scenarioSchema = z
  .object({
    platform: z.object({ id: z.string().min(1).max(80), name: z.string().min(1).max(200) }).strict(),
    organisations: z.array(organisationSchema).min(1),
    certificates: z.array(certificateSchema).min(1),
    majors: z.array(majorSchema),
    subjects: z.array(examSubjectSchema),
    assessments: z.array(assessmentSchema),
    declarationPlans: z.array(declarationPlanSpecSchema),
    examPlans: z.array(examPlanSpecSchema),
    borrowedSites: z.array(borrowedSiteSchema).default([]),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;
export type ExamPlanSpec = z.infer<typeof examPlanSpecSchema>;
export type DeclarationPlanSpec = z.infer<typeof declarationPlanSpecSchema>;
export type BorrowedSite = z.infer<typeof borrowedSiteSchema>;
