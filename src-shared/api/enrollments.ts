import { z } from 'zod';
import { empty, op } from './contract';
import { candidateFilter, type ImportIssue } from './candidates';
import { fileId, type FileRef } from './files';
import type { JobInfo } from './jobs';
import { CANDIDATE_KINDS, type CandidateKind } from '../domain/candidate';
import { CERT_LEVELS, type ExamMethod } from '../domain/catalog';
import { ENROLL_LIMITS, ENROLL_MODES, ENROLL_SHEETS, type EnrollMode, type EnrollSheet } from '../domain/enrollment';
import { STAFF } from '../roles';

/** A row of 报考管理: one subject a candidate is enrolled in, with the person and the plan. */
export interface EnrollmentRow {
  id: number;
  candidateId: number;
  name: string;
  idNumber: string;
  kind: CandidateKind;
  major: string | null;
  majorLevel: string | null;
  entryYear: number | null;
  planCode: string;
  planName: string;
  certificateCode: string;
  certificateName: string;
  level: string;
  subjectCode: string;
  subjectName: string;
  method: ExamMethod;
  mode: EnrollMode;
  paid: boolean;
  /** When it went to the platform in a 报考信息 package; null while not yet sent. */
  sentAt: string | null;
  createdAt: string;
}

/** The list's filters. 班级 is not among them: the candidate template has no class column (the manual's 2.2.4). */
export const enrollmentFilter = z
  .object({
    planCode: z.string().max(40).optional(),
    certificateCode: z.string().max(40).optional(),
    level: z.enum(CERT_LEVELS).optional(),
    subjectCode: z.string().max(40).optional(),
    paid: z.boolean().optional(),
    kind: z.enum(CANDIDATE_KINDS).optional(),
    major: z.string().max(100).optional(),
    entryYear: z.number().int().min(2000).max(2100).optional(),
    /** Name, pinyin or ID number, any part. */
    search: z.string().trim().max(60).optional(),
  })
  .strict();

export type EnrollmentFilter = z.infer<typeof enrollmentFilter>;

export const ENROLLMENT_SORTS = ['createdAt', 'name', 'idNumber', 'subject'] as const;
export type EnrollmentSort = (typeof ENROLLMENT_SORTS)[number];

export const enrollmentListInput = enrollmentFilter.extend({
  sort: z.enum(ENROLLMENT_SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const enrollmentExportInput = enrollmentFilter.extend({ sort: z.enum(ENROLLMENT_SORTS).optional(), order: z.enum(['asc', 'desc']).optional() });
export type EnrollmentExportInput = z.infer<typeof enrollmentExportInput>;

export interface EnrollmentPage {
  total: number;
  offset: number;
  rows: EnrollmentRow[];
}

/** The counts at the top of the list, for the view as filtered. 人次: a candidate in a plan for a certificate and level. */
export interface EnrollmentSummary {
  enrollments: number;
  candidates: number;
  paid: number;
  byPlan: { code: string; name: string; candidates: number; enrollments: number }[];
  byCertificate: { code: string; name: string; level: string; candidates: number; enrollments: number }[];
  bySubject: { code: string; name: string; certificateName: string; level: string; enrollments: number }[];
}

export interface EnrollmentFacets {
  plans: { code: string; name: string }[];
  certificates: { code: string; name: string; levels: string[] }[];
  subjects: { code: string; name: string; certificateCode: string; level: string }[];
  majors: string[];
  entryYears: number[];
}

export interface EnrollPlanSubject {
  code: string;
  name: string;
  method: ExamMethod;
  /** 参考对象: 所有考生, 院校考生 or 社会考生. */
  target: string;
}

export interface EnrollPlanCertificate {
  code: string;
  name: string;
  shortName: string;
  level: string;
  subjects: EnrollPlanSubject[];
  /** The year's quota from approved declarations; null when none was approved (no enrolling in it). */
  quota: { approved: number; used: number; left: number } | null;
}

/** An exam plan as the 报考 dialog and the templates offer it. */
export interface EnrollPlanRow {
  code: string;
  name: string;
  registration: { start: string; end: string };
  /** Inside its registration window today (Beijing date). */
  open: boolean;
  /** Why not, with the window, when it is not open. */
  closedReason: string | null;
  year: number;
  certificates: EnrollPlanCertificate[];
}

/** 报考 from the candidate list: the people chosen (by id, or every one of a filtered view). */
export const candidateSelection = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1, { error: '请先选择考生' }).max(ENROLL_LIMITS.maxRows) }).strict(),
  z.object({ filter: candidateFilter }).strict(),
]);

export const enrollInput = z
  .object({
    candidates: candidateSelection,
    planCode: z.string().trim().min(1, { error: '请选择考试计划' }).max(40),
    mode: z.enum(ENROLL_MODES),
    certificateCode: z.string().trim().max(40).optional(),
    level: z.enum(CERT_LEVELS).optional(),
    subjectCodes: z.array(z.string().trim().min(1).max(40)).max(ENROLL_LIMITS.maxSubjects).optional(),
  })
  .strict()
  .refine((i) => i.mode !== 'certificate' || (i.certificateCode && i.level), { error: '请选择证书和等级', path: ['certificateCode'] })
  .refine((i) => i.mode !== 'subject' || (i.subjectCodes?.length ?? 0) > 0, { error: '请至少选择一个科目', path: ['subjectCodes'] });

export type EnrollInput = z.infer<typeof enrollInput>;

/** A candidate of a selection who cannot be enrolled (or a note about one), and why. */
export interface CandidateIssue {
  candidateId: number;
  name: string;
  idNumber: string;
  code: string;
  message: string;
}

export interface EnrollPreview {
  plan: { code: string; name: string };
  /** candidates: chosen; accepted / refused: of them; enrollments: the subjects that would be written. */
  counts: { candidates: number; accepted: number; refused: number; enrollments: number };
  /** What keeps the whole request from going in (the window, the certificate, the quota): nothing would be written. */
  problems: string[];
  refusals: CandidateIssue[];
  warnings: CandidateIssue[];
}

export interface EnrollResult {
  counts: EnrollPreview['counts'];
  written: number;
}

/** accepted / refused: rows; enrollments: the subject enrollments the accepted rows write (or delete). */
export interface EnrollCounts {
  accepted: number;
  refused: number;
  enrollments: number;
}

export interface EnrollImportPreview {
  fileName: string;
  fileHash: string;
  sheet: EnrollSheet;
  headerRow: number;
  counts: EnrollCounts;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Set when some rows were refused: the job's file with those rows and a reason column. */
  refusedFile: string | null;
}

export interface EnrollImportResult {
  counts: EnrollCounts;
  /** Subject enrollments written (or, deleting, removed). */
  written: number;
}

export const enrollImportInput = z.object({ fileId, sheet: z.enum(ENROLL_SHEETS) }).strict();

export const enrollmentOps = {
  'enrollments.list': op<EnrollmentPage>()({ input: enrollmentListInput, access: STAFF, summary: '报考列表' }),
  'enrollments.summary': op<EnrollmentSummary>()({ input: enrollmentFilter, access: STAFF, summary: '报考统计' }),
  'enrollments.facets': op<EnrollmentFacets>()({ input: empty, access: STAFF, summary: '报考筛选项' }),
  'enrollments.plans': op<EnrollPlanRow[]>()({ input: empty, access: STAFF, summary: '可报考的考试计划' }),
  'enrollments.preview': op<EnrollPreview>()({ input: enrollInput, access: STAFF, summary: '检查报考' }),
  'enrollments.enroll': op<EnrollResult>()({ input: enrollInput, access: STAFF, mutates: true, summary: '报考' }),
  'enrollments.template': op<FileRef>()({ input: z.object({ sheet: z.enum(ENROLL_SHEETS) }).strict(), access: STAFF, summary: '下载报考导入模板' }),
  'enrollments.importPreview': op<JobInfo<EnrollImportPreview>>()({ input: enrollImportInput, access: STAFF, summary: '检查报考表格' }),
  'enrollments.importCommit': op<JobInfo<EnrollImportResult>>()({
    input: enrollImportInput.extend({ fileHash: z.string().regex(/^[0-9a-f]{64}$/) }),
    access: STAFF,
    mutates: true,
    summary: '批量导入报考',
  }),
  'enrollments.export': op<JobInfo<{ count: number; exportFile: 'export' }>>()({ input: enrollmentExportInput, access: STAFF, summary: '导出报考' }),
};
