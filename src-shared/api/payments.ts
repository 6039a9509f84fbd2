import { z } from 'zod';
import { empty, op } from './contract';
import type { ImportCounts, ImportIssue } from './candidates';
import { fileId, type FileRef } from './files';
import type { JobInfo } from './jobs';
import { CERT_LEVELS } from '../domain/catalog';
import { feeFen, PAYMENT_BASES, PAYMENT_STATUSES, type PaymentBasis, type PaymentGroup, type PaymentStatus } from '../domain/payment';
import { STAFF } from '../roles';

export interface PaymentOrderRow {
  id: number;
  orderNo: string;
  planCode: string;
  planName: string;
  basis: PaymentBasis;
  basisLabel: string;
  source: 'selection' | 'import';
  status: PaymentStatus;
  statusLabel: string;
  lineCount: number;
  amountFen: number;
  createdAt: string;
  sentAt: string | null;
  confirmedAt: string | null;
  canDelete: boolean;
}

export interface PaymentLineRow {
  idNumber: string;
  name: string;
  certificateCode: string;
  certificateName: string;
  level: string;
  subjectCode: string | null;
  subjectName: string | null;
  feeFen: number;
  /** 已缴费: every enrollment the line pays for is marked paid. */
  paid: boolean;
}

export interface PaymentOrderDetail extends PaymentOrderRow {
  orgName: string;
  groups: PaymentGroup[];
  lines: PaymentLineRow[];
}

export interface PaymentOrderList {
  rows: PaymentOrderRow[];
  counts: Record<PaymentStatus | 'all', number>;
}

/** An exam plan with enrollments: how many are still to be put in an order, and how its orders are made. */
export interface PaymentPlanRow {
  code: string;
  name: string;
  orgName: string;
  enrolled: number;
  /** Unpaid enrollments not in any order yet. */
  open: number;
  paid: number;
  /** The way this plan's orders are made, once it has one (one way per plan). */
  basis: PaymentBasis | null;
  certificates: { certificateCode: string; certificateName: string; level: string }[];
  subjects: { code: string; name: string; certificateName: string; level: string }[];
}

/** What 生成缴费单 would make from a selection, before anything is written. */
export interface PaymentPreview {
  planCode: string;
  planName: string;
  basis: PaymentBasis;
  lineCount: number;
  amountFen: number;
  groups: PaymentGroup[];
  /** Certificates or subjects of the selection without a fee: the order cannot be made until they have one. */
  missingFees: string[];
  /** Why some open enrollments are left out (by certificate: that certificate already charged in an earlier order). */
  notes: string[];
  /** Why no order can be made at all (nothing open, the plan's other basis): null when one can. */
  refusal: string | null;
}

export interface FeeRow {
  basis: PaymentBasis;
  certificateCode: string;
  certificateName: string;
  level: string;
  subjectCode: string | null;
  subjectName: string | null;
  orgName: string;
  feeFen: number | null;
}

export interface PaymentImportPreview {
  fileName: string;
  fileHash: string;
  planCode: string;
  planName: string;
  basis: PaymentBasis;
  headerRow: number;
  counts: ImportCounts;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** What the order would hold: the accepted rows' lines, grouped. */
  lineCount: number;
  amountFen: number;
  groups: PaymentGroup[];
  refusedFile: string | null;
}

export interface PaymentImportResult {
  counts: ImportCounts;
  order: PaymentOrderRow;
}

export interface PaymentPdfResult {
  orderNo: string;
  fileName: string;
  /** The key of the written file for `jobs.file`. */
  pdfFile: 'pdf';
}

const id = z.object({ id: z.number().int().positive() }).strict();
const planCode = z.string().trim().min(1, { error: '请选择考试计划' }).max(40);
const basis = z.enum(PAYMENT_BASES, { error: '请选择按报考证书还是按报考科目生成' });

/** 生成缴费单 from a selection: a plan's open enrollments, optionally one certificate (and level) or one subject. */
export const paymentSelection = z
  .object({
    planCode,
    basis,
    certificateCode: z.string().trim().min(1).max(40).optional(),
    level: z.enum(CERT_LEVELS).optional(),
    subjectCode: z.string().trim().min(1).max(40).optional(),
  })
  .strict()
  .refine((s) => (s.certificateCode === undefined) === (s.level === undefined), { error: '按证书筛选时请同时选择证书和等级', path: ['level'] });

export type PaymentSelection = z.infer<typeof paymentSelection>;

const feeKey = z.union([
  z.object({ basis: z.literal('certificate'), certificateCode: z.string().trim().min(1).max(40), level: z.enum(CERT_LEVELS) }).strict(),
  z.object({ basis: z.literal('subject'), subjectCode: z.string().trim().min(1).max(40) }).strict(),
]);

export const paymentImportInput = z.object({ fileId, planCode, basis }).strict();

export const paymentOps = {
  'payments.list': op<PaymentOrderList>()({ input: z.object({ status: z.enum(PAYMENT_STATUSES).optional() }).strict(), access: STAFF, summary: '缴费单列表' }),
  'payments.get': op<PaymentOrderDetail>()({ input: id, access: STAFF, summary: '查看缴费单' }),
  'payments.plans': op<PaymentPlanRow[]>()({ input: empty, access: STAFF, summary: '可生成缴费单的考试计划' }),
  'payments.preview': op<PaymentPreview>()({ input: paymentSelection, access: STAFF, summary: '预览缴费单' }),
  'payments.create': op<PaymentOrderDetail>()({ input: paymentSelection, access: STAFF, mutates: true, summary: '生成缴费单' }),
  'payments.delete': op<{ ok: true }>()({ input: id, access: STAFF, mutates: true, summary: '删除缴费单' }),
  'payments.print': op<JobInfo<PaymentPdfResult>>()({ input: id, access: STAFF, summary: '打印缴费单' }),
  'payments.template': op<FileRef>()({ input: z.object({ planCode, basis }).strict(), access: STAFF, summary: '下载缴费单导入模板' }),
  'payments.importPreview': op<JobInfo<PaymentImportPreview>>()({ input: paymentImportInput, access: STAFF, summary: '检查缴费单表格' }),
  'payments.importCommit': op<JobInfo<PaymentImportResult>>()({
    input: paymentImportInput.extend({ fileHash: z.string().regex(/^[0-9a-f]{64}$/) }),
    access: STAFF,
    mutates: true,
    summary: '导入生成缴费单',
  }),
  'fees.list': op<FeeRow[]>()({ input: empty, access: STAFF, summary: '收费标准' }),
  'fees.update': op<FeeRow[]>()({
    input: z
      .object({
        /** feeFen null: no fee for it any more. */
        fees: z
          .array(z.object({ key: feeKey, feeFen: feeFen.nullable() }).strict())
          .min(1, { error: '没有要保存的收费标准' })
          .max(2000),
      })
      .strict(),
    access: STAFF,
    mutates: true,
    summary: '设置收费标准',
  }),
};
