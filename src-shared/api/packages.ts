import { z } from 'zod';
import { op, pageInput, type Page } from './contract';
import { fileId, type FileRef } from './files';
import type { JobInfo } from './jobs';
import { STAFF } from '../roles';

export interface KindCount {
  new: number;
  changed: number;
  unchanged: number;
}

/** Per kind: what an import adds, changes or finds already there. */
export type KindCounts = Record<string, KindCount>;

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface EntityChange {
  kind: string;
  /** Chinese name of the entity type: 证书, 考试科目, 考试计划… */
  entity: string;
  key: string;
  title: string;
  status: 'new' | 'changed';
  changes: FieldChange[];
}

export type SignatureInfo = { status: 'verified'; keyId: string } | { status: 'unsigned' };

export interface PackagePreview {
  fileId: string;
  fileName: string;
  fileHash: string;
  kinds: string[];
  sender: { type: string; id: string; name: string };
  sequence: number;
  createdAt: string;
  formatVersion: number;
  signature: SignatureInfo;
  /** Set when exactly this package was applied before: importing it again changes nothing. */
  alreadyApplied: { at: string; by: string } | null;
  counts: KindCounts;
  /** New and changed entities (unchanged ones are only counted). */
  changes: EntityChange[];
  changesTruncated: boolean;
}

export interface ImportResult {
  applied: boolean;
  counts: KindCounts;
  message: string;
  historyId: number | null;
}

export interface HistoryRow {
  id: number;
  direction: 'in' | 'out';
  kinds: string[];
  sequence: number;
  senderName: string;
  packageCreatedAt: string;
  processedAt: string;
  actor: string;
  result: 'applied' | 'written';
  /** Inbound: new/changed/unchanged per kind; outbound: how many of each kind were sent. */
  counts: KindCounts | Record<string, number>;
  fileHash: string;
  fileName: string;
  signature: string;
  canRewrite: boolean;
  uploadedAt: string | null;
}

export interface ExportResult {
  historyId: number;
  fileName: string;
  /** Where it was written on this PC. */
  path: string;
  sequence: number;
  counts: Record<string, number>;
  fileHash: string;
  size: number;
}

export interface ExchangeResult {
  pushed: { historyId: number; fileName: string }[];
  pulled: (ImportResult & { fileName: string })[];
}

/** A folder on this PC to write into; the server checks it exists and is writable. */
const folder = z.string().trim().min(1).max(1000).optional();

export const packageOps = {
  'packages.inspect': op<JobInfo<PackagePreview>>()({ input: z.object({ fileId }).strict(), access: STAFF, summary: '检查数据包' }),
  'packages.import': op<JobInfo<ImportResult>>()({
    input: z.object({ fileId, fileHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    access: STAFF,
    mutates: true,
    summary: '导入数据包',
  }),
  'packages.export': op<JobInfo<ExportResult>>()({
    input: z
      .object({
        kinds: z.array(z.string()).min(1, { error: '请至少选择一种数据' }),
        folder,
        /** 考生信息: also send candidates who cannot enroll yet (default: only complete ones). */
        includeIncomplete: z.boolean().optional(),
      })
      .strict(),
    access: STAFF,
    mutates: true,
    summary: '生成数据包',
  }),
  'packages.history': op<Page<HistoryRow>>()({
    input: z.object({ direction: z.enum(['in', 'out']).optional(), ...pageInput }).strict(),
    access: STAFF,
    summary: '交换记录',
  }),
  'packages.rewrite': op<{ path: string; fileName: string }>()({
    input: z.object({ id: z.number().int().positive(), folder: z.string().trim().min(1, { error: '请填写要写入的文件夹' }).max(1000) }).strict(),
    access: STAFF,
    summary: '重新写出数据包',
  }),
  /** Offers an outbound package for download (the browser's own save dialog). */
  'packages.file': op<FileRef>()({ input: z.object({ id: z.number().int().positive() }).strict(), access: STAFF, summary: '下载数据包' }),
  'packages.exchange': op<JobInfo<ExchangeResult>>()({ input: z.object({}).strict(), access: STAFF, mutates: true, summary: '在线交换数据包' }),
};
