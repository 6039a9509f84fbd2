import { z } from 'zod';
import { empty, op, pageInput, type Page } from './contract';
import { PRINCIPAL_ONLY } from '../roles';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  actorRole: string | null;
  operation: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, { error: '日期格式应为 YYYY-MM-DD' });

export const auditQuery = z
  .object({
    actor: z.string().max(64).optional(),
    operation: z.string().max(64).optional(),
    entityType: z.string().max(64).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...pageInput,
  })
  .strict();

export const auditOps = {
  'audit.list': op<Page<AuditEntry>>()({ input: auditQuery, access: PRINCIPAL_ONLY, summary: '审计日志' }),
  'audit.facets': op<{ actors: string[]; operations: string[]; entityTypes: string[] }>()({
    input: empty,
    access: PRINCIPAL_ONLY,
    summary: '审计日志筛选项',
  }),
};
