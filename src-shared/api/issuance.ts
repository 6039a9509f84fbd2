import { z } from 'zod';
import { op, optionalText } from './contract';
import type { JobInfo } from './jobs';
import { ISSUANCE_DECISIONS, ISSUANCE_STATUSES, MAX_DECISIONS_AT_ONCE, MAX_REFUSAL_REASON, type IssuanceDecision, type IssuanceStatus } from '../domain/issuance';
import { MAX_SIGNATURE_BASE64 } from '../domain/issuance-kinds';
import { PRINCIPAL_ONLY, STAFF } from '../roles';

/** The app's own 考证结果 of the record's candidate, certificate and level (localResults). */
export interface LocalOutcome {
  passed: boolean | null;
  composite: number | null;
  reasons: string[];
}

/** One 证书发放记录 of the platform's 发放名单, with what the app computes and what was decided. */
export interface IssuanceRow {
  recordId: string;
  planCode: string;
  planName: string;
  /** Masked, as on every list. */
  idNumber: string;
  name: string;
  certificateCode: string;
  certificateName: string;
  level: string;
  /** The platform's 综合成绩. */
  platformComposite: number | null;
  /** Null when the candidate has no result of this certificate and level here (not enrolled in it). */
  local: LocalOutcome | null;
  status: IssuanceStatus;
  decision: { decision: IssuanceDecision; reason: string | null; signer: string; decidedAt: string; sentAt: string | null } | null;
  certificateNumber: string | null;
  /** Waiting, and the app's own result is a pass: only such a record may be confirmed. */
  confirmable: boolean;
}

export interface IssuanceList {
  rows: IssuanceRow[];
  counts: Record<IssuanceStatus | 'all', number>;
  /** The plans that have records, for the filter. */
  plans: { code: string; name: string }[];
  /** Per plan: candidates the app finds passed whom no 发放名单 lists yet (证书发放记录 still to come from the platform). */
  unlisted: { planCode: string; planName: string; count: number }[];
  /**
   * Plans with records waiting whose 公示 has not ended: their scores may still be corrected until
   * `end`. Confirming is allowed (the organisation lists once 成绩登记 ends) but the signer is told.
   */
  inPublicity: { planCode: string; planName: string; end: string }[];
  /** Decisions not yet sent in a 签发决定 package. */
  unsent: number;
  hasSeal: boolean;
}

export interface IssuanceDecideResult {
  decision: IssuanceDecision;
  decided: number;
  signedAt: string;
}

/** 证书查验: the certificate as the organisation issued it. */
export interface CertificateView {
  number: string;
  name: string;
  /** Masked: the person asking typed it in full. */
  idNumber: string;
  certificateCode: string;
  certificateName: string;
  level: string;
  orgName: string;
  issuedOn: string;
  planCode: string;
  planName: string;
}

export interface CertificatePdfResult {
  number: string;
  fileName: string;
  pdfFile: 'pdf';
}

const recordId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, { error: '发放记录编号不正确' });

export const issuanceDecideInput = z
  .object({
    recordIds: z
      .array(recordId)
      .min(1, { error: '请选择要签发的证书发放记录' })
      .max(MAX_DECISIONS_AT_ONCE, { error: `一次最多签发 ${MAX_DECISIONS_AT_ONCE} 条记录` })
      .refine((ids) => new Set(ids).size === ids.length, { error: '同一条记录选了两次' }),
    decision: z.enum(ISSUANCE_DECISIONS, { error: '请选择确认签发或不予签发' }),
    reason: optionalText('不予签发原因', MAX_REFUSAL_REASON),
    password: z.string({ error: '请输入密码' }).min(1, { error: '请输入密码' }).max(200),
    /** The signature drawn on screen: a PNG, base64 (no data: prefix). */
    signaturePng: z
      .string({ error: '请先在签名板上手写签名' })
      .min(1, { error: '请先在签名板上手写签名' })
      .max(MAX_SIGNATURE_BASE64, { error: '签名图片过大，请清除后重新签名' })
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: '签名图片格式不正确' }),
  })
  .strict()
  .refine((i) => i.decision !== 'refused' || (i.reason !== undefined && i.reason.length > 0), { error: '不予签发须写明原因', path: ['reason'] })
  .refine((i) => i.decision !== 'confirmed' || !i.reason, { error: '确认签发不填写原因', path: ['reason'] });

export const certificateLookupInput = z
  .object({
    number: z.string({ error: '请输入证书编号' }).trim().min(1, { error: '请输入证书编号' }).max(40, { error: '证书编号不能超过 40 个字符' }),
    idNumber: z
      .string({ error: '请输入身份证号' })
      .trim()
      .toUpperCase()
      .regex(/^\d{17}[\dX]$/, { error: '身份证号应为 18 位（最后一位可为 X）' }),
  })
  .strict();

/**
 * 证书发放 (the manual's 3.2) and 证书查验: coordinators may follow the list; deciding, and any
 * view of the seal (the electronic certificate carries it), is the principal's alone.
 */
export const issuanceOps = {
  'issuance.list': op<IssuanceList>()({
    input: z.object({ planCode: z.string().trim().min(1).max(40).optional(), status: z.enum(ISSUANCE_STATUSES).optional() }).strict(),
    access: STAFF,
    summary: '证书发放记录',
  }),
  'issuance.decide': op<IssuanceDecideResult>()({ input: issuanceDecideInput, access: PRINCIPAL_ONLY, mutates: true, summary: '签发证书' }),
  'certificates.lookup': op<CertificateView>()({ input: certificateLookupInput, access: STAFF, summary: '证书查验' }),
  'certificates.pdf': op<JobInfo<CertificatePdfResult>>()({ input: certificateLookupInput, access: PRINCIPAL_ONLY, summary: '查看电子证书' }),
};
