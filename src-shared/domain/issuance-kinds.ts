import { z } from 'zod';
import { payloadText as text, type KindDef, boundedText as plain } from './package';
import { score } from './score-kinds';

const idNumber = z.string().regex(/^\d{17}[\dX]$/, { error: '身份证号应为 18 位（最后一位可为 X）' });
const level = z.enum(['初级', '中级', '高级']);
const at = z.iso.datetime({ offset: true, error: '时间应为带时区的 ISO 时间' });
/** The platform's own key of one 证书发放记录: how a decision and a certificate refer back to it. */
const recordId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, { error: '发放记录编号应为 1–40 位字母、数字或连字符' });

/** A handwritten signature as drawn (PNG, base64): small, bounded well above what a pad draws. */
export const MAX_SIGNATURE_BASE64 = 400_000;

/** 证书发放: the certificates the organisation already approved, waiting for the institution's decision. */
export const issuanceListPayload = z
  .object({
    lists: z
      .array(
        z
          .object({
            planCode: text(40),
            issuedAt: at,
            entries: z
              .array(
                z
                  .object({
                    recordId,
                    idNumber,
                    name: text(60),
                    certificateCode: text(40),
                    level,
                    composite: score.nullable(),
                  })
                  .strict(),
              )
              .max(50_000),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();

const base64Png = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: '签名图片应为 base64 编码的 PNG' })
  .max(MAX_SIGNATURE_BASE64, { error: '签名图片过大' });

/**
 * 确认签发 / 不予签发, irreversible: who signed, when, and why a refusal. The signature drawn on
 * screen belongs to the sitting in which the decisions were taken: sent once per sitting, not once
 * per decision (a sitting may decide thousands of records).
 */
export const issuanceDecisionsPayload = z
  .object({
    sittings: z
      .array(z.object({ sitting: z.number().int().positive(), signer: plain(60), signedAt: at, signaturePng: base64Png }).strict())
      .min(1)
      .max(1000),
    decisions: z
      .array(
        z
          .object({
            recordId,
            planCode: plain(40),
            idNumber,
            name: plain(60),
            certificateCode: plain(40),
            level,
            decision: z.enum(['confirmed', 'refused']),
            reason: z.string().trim().max(200).nullable(),
            /** The sitting (of `sittings`) whose signature this decision carries. */
            sitting: z.number().int().positive(),
            signer: plain(60),
            decidedAt: at,
          })
          .strict()
          .refine((d) => (d.decision === 'refused') === (d.reason !== null && d.reason.length > 0), { error: '不予签发须写明原因，确认签发不带原因', path: ['reason'] }),
      )
      .min(1)
      .max(50_000),
  })
  .strict()
  .refine((p) => p.decisions.every((d) => p.sittings.some((s) => s.sitting === d.sitting)), { error: '每条签发决定都应属于数据包中的一次签发（sittings）', path: ['decisions'] });

/** 电子证书: what the organisation issued after both sides signed — looked up by number and ID number (证书查验). */
export const certificatesPayload = z
  .object({
    certificates: z
      .array(
        z
          .object({
            number: z.string().regex(/^[A-Za-z0-9-]{6,40}$/, { error: '证书编号应为 6–40 位字母、数字或连字符' }),
            recordId,
            planCode: text(40),
            idNumber,
            name: text(60),
            certificateCode: text(40),
            certificateName: text(200),
            level,
            orgName: text(200),
            issuedOn: z.iso.date({ error: '发证日期应为实际存在的日期，格式 YYYY-MM-DD' }),
          })
          .strict(),
      )
      .min(1)
      .max(50_000),
  })
  .strict();

export type IssuanceListPayload = z.infer<typeof issuanceListPayload>;
export type IssuanceDecisionsPayload = z.infer<typeof issuanceDecisionsPayload>;
export type CertificatesPayload = z.infer<typeof certificatesPayload>;

/** Registered in package-kinds.ts by the issuance workflow. */
export const issuanceKinds = {
  'issuance-list': { label: '证书发放名单', direction: 'in', file: 'payload/issuance-list.json', payload: issuanceListPayload },
  'issuance-decisions': { label: '签发决定', direction: 'out', file: 'payload/issuance-decisions.json', payload: issuanceDecisionsPayload },
  certificates: { label: '电子证书', direction: 'in', file: 'payload/certificates.json', payload: certificatesPayload },
} as const satisfies Record<string, KindDef>;
