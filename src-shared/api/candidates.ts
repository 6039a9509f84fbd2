import { z } from 'zod';
import { empty, op } from './contract';
import type { JobInfo } from './jobs';
import { fileId, type FileRef } from './files';
import { CANDIDATE_KINDS, REALNAME_STATUSES, type Candidate, type CandidateKind, type RealnameStatus } from '../domain/candidate';
import { STAFF } from '../roles';

/** A row of the candidate list: the candidate plus what still keeps them from enrolling. */
export interface CandidateRow extends Candidate {
  missing: string[];
}

export const candidateFilter = z
  .object({
    kind: z.enum(CANDIDATE_KINDS),
    /** Name, pinyin (with or without spaces), ID number or phone, any part. */
    search: z.string().trim().max(60).optional(),
    major: z.string().max(100).optional(),
    majorLevel: z.string().max(20).optional(),
    entryYear: z.number().int().optional(),
    hasPhoto: z.boolean().optional(),
    realnameStatus: z.enum(REALNAME_STATUSES).optional(),
    complete: z.boolean().optional(),
  })
  .strict();

export type CandidateFilter = z.infer<typeof candidateFilter>;

export const CANDIDATE_SORTS = ['name', 'namePinyin', 'idNumber', 'major', 'entryYear', 'updatedAt'] as const;

export const candidateListInput = candidateFilter.extend({
  sort: z.enum(CANDIDATE_SORTS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

/** 导出: a view and, when it comes from a list, that list's order (the rows come as the person sees them); without a sort, in import order. */
export const candidateExportInput = candidateFilter.extend({
  sort: z.enum(CANDIDATE_SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});

export type CandidateExportInput = z.infer<typeof candidateExportInput>;

export interface CandidatePage {
  total: number;
  offset: number;
  rows: CandidateRow[];
}

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** The single add/edit form; the same field rules as the spreadsheet import apply in main. */
export const candidateInput = z
  .object({
    kind: z.enum(CANDIDATE_KINDS),
    name: z.string().max(60),
    namePinyin: z.string().max(120).optional(),
    idNumber: z.string().max(40),
    phone: z.string().max(40),
    major: optionalText(100),
    majorLevel: optionalText(20),
    entryYear: z.number().int().nullable().optional(),
    education: optionalText(20),
    employer: optionalText(200),
  })
  .strict();

export interface ImportIssue {
  /** The row number Excel shows. */
  row: number;
  /** The template's header name. */
  column: string;
  code: string;
  message: string;
}

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
  refused: number;
}

export interface CandidateUpdatePreview {
  row: number;
  idNumber: string;
  name: string;
  changes: { field: string; old: unknown; new: unknown }[];
}

export interface CandidateImportPreview {
  fileName: string;
  fileHash: string;
  kind: CandidateKind;
  mode: 'create' | 'update';
  headerRow: number;
  counts: ImportCounts;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  updates: CandidateUpdatePreview[];
  /** Set when some rows were refused: the job's file with those rows and a reason column. */
  refusedFile: string | null;
}

export interface CandidateExportResult {
  count: number;
  /** The key of the written file for `jobs.file`. */
  exportFile: 'export';
}

export interface CandidateImportResult {
  counts: ImportCounts;
  written: number;
}

export const importInput = z
  .object({
    fileId,
    kind: z.enum(CANDIDATE_KINDS),
    /** create: new rows and updates of the same person; update: 批量修改, rows must exist. */
    mode: z.enum(['create', 'update']).default('create'),
  })
  .strict();

export const candidateOps = {
  'candidates.list': op<CandidatePage>()({ input: candidateListInput, access: STAFF, summary: '考生列表' }),
  'candidates.facets': op<{ majors: string[]; majorLevels: string[]; entryYears: number[] }>()({
    input: z.object({ kind: z.enum(CANDIDATE_KINDS) }).strict(),
    access: STAFF,
    summary: '考生筛选项',
  }),
  'candidates.get': op<CandidateRow>()({ input: z.object({ id: z.number().int().positive() }).strict(), access: STAFF, summary: '考生详情' }),
  'candidates.create': op<CandidateRow>()({ input: candidateInput, access: STAFF, mutates: true, summary: '新增考生' }),
  'candidates.update': op<CandidateRow>()({ input: candidateInput.extend({ id: z.number().int().positive() }), access: STAFF, mutates: true, summary: '修改考生' }),
  'candidates.delete': op<{ ok: true }>()({ input: z.object({ id: z.number().int().positive() }).strict(), access: STAFF, mutates: true, summary: '删除考生' }),
  'candidates.template': op<FileRef>()({ input: z.object({ kind: z.enum(CANDIDATE_KINDS) }).strict(), access: STAFF, summary: '下载考生导入模板' }),
  'candidates.importPreview': op<JobInfo<CandidateImportPreview>>()({ input: importInput, access: STAFF, summary: '检查考生表格' }),
  'candidates.importCommit': op<JobInfo<CandidateImportResult>>()({
    input: importInput.extend({ fileHash: z.string().regex(/^[0-9a-f]{64}$/) }),
    access: STAFF,
    mutates: true,
    summary: '导入考生',
  }),
  'candidates.export': op<JobInfo<CandidateExportResult>>()({ input: candidateExportInput, access: STAFF, summary: '导出考生' }),
  'candidates.photo': op<{ dataUrl: string; width: number; height: number } | null>()({
    input: z.object({ id: z.number().int().positive() }).strict(),
    access: STAFF,
    summary: '考生照片',
  }),
  'realname.confirm': op<CandidateRow>()({
    input: z.object({ id: z.number().int().positive() }).strict(),
    access: STAFF,
    mutates: true,
    summary: '人工确认实名信息',
  }),
  'candidates.summary': op<Record<CandidateKind, { total: number; incomplete: number; noPhoto: number; realnameFailed: number }>>()({
    input: empty,
    access: STAFF,
    summary: '考生概况',
  }),
};

export type { RealnameStatus };
