import { z } from 'zod';
import { excerpt } from '../excerpt';
import { SCORE_RANGE } from './score-kinds';

/**
 * What the platform sends about certificates and exams (the manual's 2.2.2–2.2.3), as the
 * payloads of inbound packages. Each schema is the contract of one package file.
 */

export const CERT_LEVELS = ['初级', '中级', '高级'] as const;
export type CertLevel = (typeof CERT_LEVELS)[number];

export const MAJOR_LEVELS = ['中职', '高职专科', '职业本科', '本科'] as const;
export const EXAM_METHODS = ['机考', '实操', '笔试'] as const;
export type ExamMethod = (typeof EXAM_METHODS)[number];

const code = (label: string) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(40);
const name = (label: string) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:MM' });

export const organisationSchema = z.object({ code: code('机构编码'), name: name('机构名称') }).strict();

export const certificateSchema = z
  .object({
    code: code('证书编号'),
    name: name('证书名称'),
    shortName: name('证书简称'),
    orgCode: code('培训评价组织编码'),
    levels: z.array(z.enum(CERT_LEVELS)).min(1, { error: '证书至少有一个等级' }),
  })
  .strict();

export const majorSchema = z.object({ code: code('专业代码'), name: name('专业名称'), level: z.enum(MAJOR_LEVELS) }).strict();

export const catalogPayload = z
  .object({
    organisations: z.array(organisationSchema),
    certificates: z.array(certificateSchema),
    majors: z.array(majorSchema),
  })
  .strict();

export const DECLARATION_PLAN_STATUSES = ['未开始', '申报中', '已结束'] as const;

export const declarationPlanSchema = z
  .object({
    code: code('申报计划编号'),
    province: name('省份'),
    batch: name('申报批次'),
    windowStart: isoDate,
    windowEnd: isoDate,
    byMajor: z.boolean(),
    cityApproval: z.boolean(),
    status: z.enum(DECLARATION_PLAN_STATUSES),
  })
  .strict()
  .refine((p) => p.windowStart <= p.windowEnd, { error: '申报开始日期晚于结束日期', path: ['windowEnd'] });

export const declarationPlansPayload = z.object({ plans: z.array(declarationPlanSchema) }).strict();

export const SUBJECT_STATUSES = ['已启用', '已停用'] as const;
/** 参考对象: who sits the subject (the manual: when not 所有考生, enrolment must say which). */
export const CANDIDATE_TARGETS = ['所有考生', '院校考生', '社会考生'] as const;

export const examSubjectSchema = z
  .object({
    code: code('科目编号'),
    name: name('科目名称'),
    method: z.enum(EXAM_METHODS),
    certificateCode: code('证书编号'),
    level: z.enum(CERT_LEVELS),
    target: z.enum(CANDIDATE_TARGETS),
    status: z.enum(SUBJECT_STATUSES),
  })
  .strict();

export const examSubjectsPayload = z.object({ subjects: z.array(examSubjectSchema) }).strict();

const window = z
  .object({ start: isoDate, end: isoDate })
  .strict()
  .refine((w) => w.start <= w.end, { error: '开始日期晚于结束日期', path: ['end'] });

export const PLAN_WINDOWS = ['registration', 'ticketPrint', 'exam', 'scoreEntry', 'publicity'] as const;
export type PlanWindowKey = (typeof PLAN_WINDOWS)[number];
export const PLAN_WINDOW_LABELS: Record<PlanWindowKey, string> = {
  registration: '报名',
  ticketPrint: '准考证打印',
  exam: '考试',
  scoreEntry: '成绩登记',
  publicity: '公示',
};

export const examSessionSchema = z
  .object({ date: isoDate, start: hhmm, end: hhmm })
  .strict()
  .refine((s) => s.start < s.end, { error: '考试结束时间应晚于开始时间', path: ['end'] });

export const planSubjectSchema = z
  .object({
    subjectCode: code('科目编号'),
    passScore: z
      .number()
      .min(0)
      .max(SCORE_RANGE.max, { error: `合格分数不能超过 ${SCORE_RANGE.max} 分` }),
    /** 所占总成绩比例, in percent. */
    weight: z.number().min(0).max(100),
    sessions: z.array(examSessionSchema).min(1, { error: '科目至少有一个考试场次' }),
    durationMinutes: z.number().int().positive(),
  })
  .strict();

/** 考核通过条件: a composite pass mark, every subject passing, or both. */
export const passRuleSchema = z
  .object({
    compositePassScore: z
      .number()
      .min(0)
      .max(SCORE_RANGE.max, { error: `综合成绩合格分数不能超过 ${SCORE_RANGE.max} 分` })
      .nullable(),
    allSubjectsPass: z.boolean(),
  })
  .strict()
  .refine((r) => r.compositePassScore !== null || r.allSubjectsPass, { error: '考核通过条件至少要有一项' });

export const planCertificateSchema = z
  .object({
    certificateCode: code('证书编号'),
    level: z.enum(CERT_LEVELS),
    passRule: passRuleSchema,
    subjects: z.array(planSubjectSchema).min(1, { error: '考核证书至少有一个科目' }),
  })
  .strict();

export const EXAM_PLAN_STATUSES = ['未发布', '已发布', '已出卷', '已结束'] as const;

export const examPlanSchema = z
  .object({
    code: code('计划编号'),
    name: name('计划名称'),
    orgCode: code('考核单位编码'),
    status: z.enum(EXAM_PLAN_STATUSES),
    windows: z.object(Object.fromEntries(PLAN_WINDOWS.map((k) => [k, window])) as Record<PlanWindowKey, typeof window>).strict(),
    certificates: z.array(planCertificateSchema).min(1, { error: '考试计划至少有一个考核证书' }),
  })
  .strict();

export const examPlansPayload = z.object({ plans: z.array(examPlanSchema) }).strict();

export type Organisation = z.infer<typeof organisationSchema>;
export type Certificate = z.infer<typeof certificateSchema>;
export type Major = z.infer<typeof majorSchema>;
export type DeclarationPlan = z.infer<typeof declarationPlanSchema>;
export type ExamSubject = z.infer<typeof examSubjectSchema>;
export type ExamPlan = z.infer<typeof examPlanSchema>;
export type PlanCertificate = z.infer<typeof planCertificateSchema>;
export type PlanSubject = z.infer<typeof planSubjectSchema>;
export type ExamSession = z.infer<typeof examSessionSchema>;

/** Weights of one certificate's subjects must make 100% (to a hundredth, for 33.33 × 3). */
export function weightProblems(plan: ExamPlan): string[] {
  return plan.certificates
    .filter((c) => Math.abs(c.subjects.reduce((s, x) => s + x.weight, 0) - 100) > 0.011)
    .map((c) => {
      const sum = c.subjects.reduce((s, x) => s + x.weight, 0);
      return `考试计划“${excerpt(plan.name, 40)}”（${excerpt(plan.code, 40)}）中证书 ${c.certificateCode}（${c.level}）的科目权重合计为 ${Number(sum.toFixed(2))}%，应为 100%`;
    });
}
