import { z } from 'zod';
import { CANDIDATE_KINDS } from './candidate';

/** Candidates as an outbound package carries them (beside the platform's xlsx and photo ZIP). */
export const candidatePayloadSchema = z
  .object({
    kind: z.enum(CANDIDATE_KINDS),
    name: z.string(),
    namePinyin: z.string(),
    idNumber: z.string().regex(/^\d{17}[\dX]$/),
    phone: z.string().nullable(),
    major: z.string().nullable(),
    majorLevel: z.string().nullable(),
    entryYear: z.number().int().nullable(),
    education: z.string().nullable(),
    employer: z.string().nullable(),
    /** Path of the photo inside the package's photo ZIP, when there is one. */
    photo: z.string().nullable(),
  })
  .strict();

export const candidatesPayload = z.object({ candidates: z.array(candidatePayloadSchema) }).strict();
export type CandidatePayload = z.infer<typeof candidatePayloadSchema>;
