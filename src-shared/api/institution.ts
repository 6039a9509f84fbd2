import { z } from 'zod';
import type { ImportCounts, ImportIssue } from './candidates';
import { empty, op } from './contract';
import { fileId, type FileRef } from './files';
import type { JobInfo } from './jobs';
import { institutionFields, type Institution } from '../domain/institution';
import { institutionMajorSchema, type InstitutionMajor } from '../domain/institution-majors';
import { PRINCIPAL_ONLY, STAFF } from '../roles';

/** 完善院校基础信息: the institution, its majors, and what the platform still needs before a declaration. */
export interface InstitutionProfile {
  institution: Institution;
  majors: InstitutionMajor[];
  /** Missing pieces in words (院校类型, 联系邮箱, 开设专业…); empty when complete. */
  problems: string[];
}

/** A row of a majors sheet that changes a major the institution already has: only what changes. */
export interface MajorUpdatePreview {
  row: number;
  code: string;
  name: string;
  changes: { field: string; old: string; new: string }[];
}

/** 批量导入开设专业, checked: what a commit would write, every refused row by row and column. Nothing is written yet. */
export interface MajorImportPreview {
  fileName: string;
  fileHash: string;
  headerRow: number;
  counts: ImportCounts;
  errors: ImportIssue[];
  updates: MajorUpdatePreview[];
  /** Set when some rows were refused: the job's file with those rows and a reason column. */
  refusedFile: 'refused' | null;
}

export interface MajorImportResult {
  counts: ImportCounts;
  written: number;
}

const majorImportInput = z.object({ fileId }).strict();

/** The code identifies the institution in every package, so it is fixed after first run. */
export const institutionUpdateInput = institutionFields.omit({ code: true }).strict();

export const institutionOps = {
  'institution.get': op<Institution>()({ input: empty, access: 'user', summary: '院校信息' }),
  'institution.update': op<Institution>()({ input: institutionUpdateInput, access: PRINCIPAL_ONLY, mutates: true, summary: '修改院校信息' }),
  'institution.profile': op<InstitutionProfile>()({ input: empty, access: 'user', summary: '院校基础信息' }),
  'majors.save': op<InstitutionMajor[]>()({ input: institutionMajorSchema, access: STAFF, mutates: true, summary: '保存开设专业' }),
  'majors.delete': op<InstitutionMajor[]>()({ input: z.object({ code: z.string().trim().min(1).max(20) }).strict(), access: STAFF, mutates: true, summary: '删除开设专业' }),
  'majors.template': op<FileRef>()({ input: empty, access: STAFF, summary: '下载开设专业导入模板' }),
  'majors.importPreview': op<JobInfo<MajorImportPreview>>()({ input: majorImportInput, access: STAFF, summary: '检查开设专业表格' }),
  'majors.importCommit': op<JobInfo<MajorImportResult>>()({
    input: majorImportInput.extend({ fileHash: z.string().regex(/^[0-9a-f]{64}$/) }),
    access: STAFF,
    mutates: true,
    summary: '导入开设专业',
  }),
};
