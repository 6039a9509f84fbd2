import { z } from 'zod';
import { CERT_LEVELS } from './catalog';
import { facilitySchema, teacherSchema } from './declaration';
import type { KindDef } from './package';

const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 31);
const text = (max: number) => z.string().max(max);

/** 证书试点申报 as the institution sends them for review. */
export const declarationsPayload = z
  .object({
    declarations: z
      .array(
        z
          .object({
            id,
            planCode: text(40),
            province: text(40),
            batch: text(200),
            /** The plan asks the city's education bureau first (是否需要地市级教育局审批). */
            cityApproval: z.boolean(),
            year: z.number().int().min(2000).max(2100),
            certificateCode: text(40),
            certificateName: text(200),
            level: z.enum(CERT_LEVELS),
            majors: z.array(z.object({ code: text(40), name: text(200), level: text(20) }).strict()).max(200),
            proposedCount: z.number().int().min(1).max(100_000),
            teachers: z.array(teacherSchema).max(200),
            facilities: z.array(facilitySchema).max(100),
            notes: text(1000),
            submittedAt: z.iso.datetime({ offset: true }),
          })
          .strict(),
      )
      .max(10_000),
  })
  .strict();

/** The review of one declaration at one stage: the city's first when the plan asks for it, then the province's. */
export const declarationReviewSchema = z
  .object({
    declarationId: id,
    stage: z.enum(['city', 'province']),
    decision: z.enum(['approved', 'rejected']),
    /** The province's approved trainee count (may be below what was asked); absent for the city stage and rejections. */
    approvedCount: z.number().int().min(0).max(100_000).nullable(),
    reason: z.string().trim().max(500).nullable(),
    decidedAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .refine((r) => r.decision === 'rejected' || r.stage === 'city' || r.approvedCount !== null, { error: '审核通过时应给出批准培训人数', path: ['approvedCount'] })
  .refine((r) => r.decision === 'approved' || (r.reason ?? '').length > 0, { error: '审核不通过时应给出原因', path: ['reason'] });

export const declarationReviewsPayload = z.object({ reviews: z.array(declarationReviewSchema).max(20_000) }).strict();

export type DeclarationsPayload = z.infer<typeof declarationsPayload>;
export type DeclarationReview = z.infer<typeof declarationReviewSchema>;

export const declarationKinds = {
  declarations: { label: '证书试点申报', direction: 'out', file: 'payload/declarations.json', payload: declarationsPayload },
  'declaration-reviews': { label: '申报审核结果', direction: 'in', file: 'payload/declaration-reviews.json', payload: declarationReviewsPayload },
} as const satisfies Record<string, KindDef>;
