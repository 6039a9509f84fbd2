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
  })
  .strict();

/** 院校信息, sent to the platform. */
export const institutionKinds = {
  institution: { label: '院校信息', direction: 'out', file: 'payload/institution.json', payload: institutionPayload },
} as const satisfies Record<string, KindDef>;
