import { z } from 'zod';
import { empty, op, pageInput, type Page } from './contract';
import type { JobInfo } from './jobs';
import { PRINCIPAL_ONLY } from '../roles';

/** One field of an entry as old → new, both as a person reads them (ID numbers masked). */
export interface AuditChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/**
 * An audit entry as the principal reads it: names instead of ids, the change field by field.
 * Built by the core, so the page and the export show the same; no full ID number anywhere.
 */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  actorLabel: string;
  actorRole: string | null;
  operation: string;
  operationLabel: string;
  entityType: string;
  entityTypeLabel: string;
  entityId: string | null;
  /** 张三（370285*****5910）, 赵校长（zhaoxz）, 第 3 号数据包：证书目录、考试计划… */
  entityLabel: string;
  /** What `changes` holds: old → new of an update, what was recorded, or what was there before a deletion. */
  changeKind: 'updated' | 'created' | 'deleted';
  changes: AuditChange[];
  /** The change in one line, for the list and the export. */
  summary: string;
  /** An import's rows inside this entry (0: none), read page by page with `audit.rows`. */
  rowCount: number;
}

/** One row of an import entry: a candidate added, a plan changed, a photo replaced. */
export interface AuditRow {
  entity: string;
  title: string;
  status: string;
  changes: AuditChange[];
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, { error: '日期格式应为 YYYY-MM-DD' });

export const auditFilter = z
  .object({
    actor: z.string().max(64).optional(),
    operation: z.string().max(64).optional(),
    entityType: z.string().max(64).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** A candidate (name, part of the ID number) or an account (username, name). */
    search: z.string().trim().max(40, { error: '搜索内容不能超过 40 个字符' }).optional(),
  })
  .strict();

export type AuditFilter = z.output<typeof auditFilter>;

export const auditQuery = auditFilter.extend(pageInput).strict();

export const auditRowsQuery = z
  .object({
    id: z.number().int().min(1),
    /** Only the rows about this candidate (the list's search). */
    search: z.string().trim().max(40).optional(),
    ...pageInput,
  })
  .strict();

export interface AuditFacet {
  value: string;
  label: string;
}

export interface AuditExportResult {
  count: number;
  exportFile: 'export';
}

export const auditOps = {
  'audit.list': op<Page<AuditEntry>>()({ input: auditQuery, access: PRINCIPAL_ONLY, summary: '审计日志' }),
  'audit.rows': op<Page<AuditRow>>()({ input: auditRowsQuery, access: PRINCIPAL_ONLY, summary: '审计日志中一次导入的明细' }),
  'audit.facets': op<{ actors: AuditFacet[]; operations: AuditFacet[]; entityTypes: AuditFacet[] }>()({
    input: empty,
    access: PRINCIPAL_ONLY,
    summary: '审计日志筛选项',
  }),
  'audit.export': op<JobInfo<AuditExportResult>>()({ input: auditFilter, access: PRINCIPAL_ONLY, summary: '导出审计日志' }),
};
