import { z } from 'zod';
import { CERT_LEVELS, EXAM_METHODS } from './catalog';
import { SITE_FILE_FORMATS, SITE_FILE_RULES } from './exam-site';
import type { KindDef } from './package';

const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 31);
const text = (max: number) => z.string().max(max);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The folder of a package that holds the sites' supporting documents, one file per stored document. */
export const SITE_FILES_DIR = 'site-files';

/** 考核站点申报 as the institution sends them: the form, its certificates, and its documents as files of the package. */
export const siteDeclarationPayload = z
  .object({
    sites: z
      .array(
        z
          .object({
            id,
            name: text(100),
            province: text(20),
            city: text(30),
            district: text(30),
            address: text(200),
            orgCode: text(40),
            orgName: text(200),
            certificates: z
              .array(z.object({ code: text(40), name: text(200), level: z.enum(CERT_LEVELS) }).strict())
              .min(1)
              .max(50),
            description: text(2000),
            contactName: text(40),
            contactPhone: z.string().regex(/^1[3-9]\d{9}$/),
            contactEmail: text(100),
            /** Each document's bytes are the package file `path` (under site-files/), listed with its SHA-256 in the manifest. */
            files: z
              .array(
                z
                  .object({
                    name: text(200),
                    format: z.enum(SITE_FILE_FORMATS),
                    size: z.number().int().min(1).max(SITE_FILE_RULES.maxBytes),
                    sha256,
                    path: z.string().startsWith(`${SITE_FILES_DIR}/`).max(260),
                  })
                  .strict(),
              )
              .max(SITE_FILE_RULES.maxFiles),
            submittedAt: z.iso.datetime({ offset: true }),
          })
          .strict(),
      )
      .max(1000),
  })
  .strict();

/** The organisation's decision on one site: approved, rejected with a reason, or 借考 at another institution's site. */
export const siteReviewSchema = z
  .object({
    siteId: id,
    decision: z.enum(['approved', 'rejected', 'borrowed']),
    reason: z.string().trim().max(500).nullable(),
    borrowed: z
      .object({ site: z.string().trim().min(1).max(200), institution: z.string().trim().min(1).max(200), address: z.string().trim().min(1).max(200) })
      .strict()
      .nullable(),
    decidedAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .refine((r) => r.decision !== 'rejected' || (r.reason ?? '').length > 0, { error: '审核不通过时应给出原因', path: ['reason'] })
  .refine((r) => (r.decision === 'borrowed') === (r.borrowed !== null), { error: '借考时（且只有借考时）应给出借考站点', path: ['borrowed'] });

export const siteReviewsPayload = z.object({ reviews: z.array(siteReviewSchema).max(1000) }).strict();

/** 考场信息: the rooms of every exam plan that has rooms. */
export const roomsPayload = z
  .object({
    rooms: z
      .array(
        z
          .object({
            planCode: text(40),
            planName: text(200),
            siteId: id,
            siteName: text(100),
            name: text(40),
            type: z.enum(EXAM_METHODS),
            seats: z.number().int().min(1).max(999),
            province: text(20),
            city: text(30),
            district: text(30),
            address: text(200),
            /** Empty: the room serves every certificate of the plan its site is approved for. */
            certificates: z.array(z.object({ code: text(40), level: z.enum(CERT_LEVELS) }).strict()).max(50),
          })
          .strict(),
      )
      .max(20_000),
  })
  .strict();

export type SiteDeclarationPayload = z.infer<typeof siteDeclarationPayload>;
export type SiteReview = z.infer<typeof siteReviewSchema>;
export type RoomsPayload = z.infer<typeof roomsPayload>;

export const siteKinds = {
  'site-declaration': { label: '考核站点申报', direction: 'out', file: 'payload/site-declaration.json', payload: siteDeclarationPayload },
  'site-reviews': { label: '考核站点审核结果', direction: 'in', file: 'payload/site-reviews.json', payload: siteReviewsPayload },
  rooms: { label: '考场信息', direction: 'out', file: 'payload/rooms.json', payload: roomsPayload },
} as const satisfies Record<string, KindDef>;
