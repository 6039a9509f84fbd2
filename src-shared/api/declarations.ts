import { z } from 'zod';
import { empty, op } from './contract';
import { DECLARATION_TABS, declarationFields, type DeclarationStatus, type DeclarationTab, type Facility, type Teacher } from '../domain/declaration';
import { STAFF } from '../roles';

/** A province declaration plan (申报批次) as the declaration page lists it. */
export interface DeclarationPlanRow {
  code: string;
  province: string;
  batch: string;
  windowStart: string;
  windowEnd: string;
  byMajor: boolean;
  cityApproval: boolean;
  status: string;
  year: number;
  /** Open today (Beijing date): a new declaration may be made in it. */
  open: boolean;
  /** Why not, with the window, when it is not open. */
  closedReason: string | null;
}

export interface DeclarationRow {
  id: number;
  planCode: string;
  batch: string;
  year: number;
  certificateCode: string;
  certificateName: string;
  /** 颁证机构: the certificate's evaluation organisation. */
  orgName: string;
  level: string;
  proposedCount: number;
  approvedCount: number | null;
  status: DeclarationStatus;
  statusLabel: string;
  reason: string | null;
  rejectedStage: 'city' | 'province' | null;
  submittedAt: string | null;
  sentAt: string | null;
  decidedAt: string | null;
  /** What a person may do now, as the core decides it. */
  canEdit: boolean;
  canSubmit: boolean;
  canDelete: boolean;
}

export interface DeclarationDetail extends DeclarationRow {
  majors: { code: string; name: string; level: string }[];
  teachers: Teacher[];
  facilities: Facility[];
  notes: string;
}

export interface DeclarationList {
  rows: DeclarationRow[];
  /** Live counts for the manual's tabs. */
  counts: Record<DeclarationTab, number>;
}

export interface QuotaRow {
  certificateCode: string;
  certificateName: string;
  level: string;
  approved: number;
  used: number;
  left: number;
}

export interface QuotaReport {
  year: number;
  /** 试点院校 this year: at least one declaration of the year approved. */
  pilot: boolean;
  rows: QuotaRow[];
  /** Earlier years' quota: 已作废 (not usable across years). */
  past: { year: number; rows: QuotaRow[] }[];
}

const id = z.object({ id: z.number().int().positive() }).strict();
const tabKeys = DECLARATION_TABS.map((t) => t.key) as [DeclarationTab, ...DeclarationTab[]];

export const declarationOps = {
  'declarations.plans': op<DeclarationPlanRow[]>()({ input: empty, access: STAFF, summary: '申报计划' }),
  'declarations.list': op<DeclarationList>()({
    input: z.object({ tab: z.enum(tabKeys).default('all'), year: z.number().int().min(2000).max(2100).optional() }).strict(),
    access: STAFF,
    summary: '证书试点申报列表',
  }),
  'declarations.get': op<DeclarationDetail>()({ input: id, access: STAFF, summary: '查看证书试点申报' }),
  'declarations.create': op<DeclarationDetail>()({ input: declarationFields, access: STAFF, mutates: true, summary: '新建证书试点申报' }),
  'declarations.update': op<DeclarationDetail>()({
    input: declarationFields.extend({ id: z.number().int().positive() }),
    access: STAFF,
    mutates: true,
    summary: '修改证书试点申报',
  }),
  'declarations.delete': op<{ ok: true }>()({ input: id, access: STAFF, mutates: true, summary: '删除证书试点申报' }),
  'declarations.submit': op<DeclarationDetail>()({
    input: z.object({ id: z.number().int().positive(), confirm: z.literal(true, { error: '提交后不能修改，请先确认' }) }).strict(),
    access: STAFF,
    mutates: true,
    summary: '提交证书试点申报审核',
  }),
  'quota.get': op<QuotaReport>()({ input: z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict(), access: 'user', summary: '本年度指标' }),
};
