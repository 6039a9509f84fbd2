import { z } from 'zod';

/**
 * 人脸核身 results the platform sends back after receiving candidates (the manual's 2.2.4 (2)):
 * most pass; those that fail carry the platform's reason and wait for the school's 人工确认.
 */
export const realnameResultSchema = z
  .object({
    idNumber: z.string().regex(/^\d{17}[\dX]$/, { error: '身份证号应为 18 位' }),
    name: z.string().min(1).max(60),
    status: z.enum(['verified', 'failed']),
    reason: z.string().max(200).nullable(),
  })
  .strict();

export const realnameResultsPayload = z.object({ results: z.array(realnameResultSchema) }).strict();

export type RealnameResult = z.infer<typeof realnameResultSchema>;
