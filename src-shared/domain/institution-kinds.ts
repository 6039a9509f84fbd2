import { z } from 'zod';
import type { KindDef } from './package';

export const institutionPayload = z
  .object({
    code: z.string(),
    name: z.string(),
    province: z.string(),
    city: z.string(),
    district: z.string(),
    address: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    contactEmail: z.string().nullable(),
    // Added with 证书申报: absent from packages of earlier versions, which the platform still reads.
    schoolType: z.string().nullable().optional(),
    /** 开设专业, with their level (专业层次). */
    majors: z
      .array(z.object({ code: z.string(), name: z.string(), level: z.string() }).strict())
      .max(2000)
      .optional(),
  })
  .strict();

/** 院校信息, sent to the platform. */
export const institutionKinds = {
  institution: { label: '院校信息', direction: 'out', file: 'payload/institution.json', payload: institutionPayload },
} as const satisfies Record<string, KindDef>;
