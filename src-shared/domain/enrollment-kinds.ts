import { z } from 'zod';
import { CANDIDATE_KINDS } from './candidate';
import { CERT_LEVELS } from './catalog';
import { ENROLL_MODES } from './enrollment';
import type { KindDef } from './package';

const text = (max: number) => z.string().max(max);

/** One enrollment as the platform takes it: the person, the plan, the certificate and level, the subject, and how it was enrolled. */
const enrollmentEntry = z
  .object({
    planCode: text(40),
    planName: text(200),
    idNumber: z.string().regex(/^\d{17}[\dX]$/),
    name: text(60),
    kind: z.enum(CANDIDATE_KINDS),
    certificateCode: text(40),
    certificateName: text(200),
    level: z.enum(CERT_LEVELS),
    subjectCode: text(40),
    subjectName: text(200),
    mode: z.enum(ENROLL_MODES),
    enrolledAt: z.iso.datetime({ offset: true }),
  })
  .strict();

/** 报考信息: the enrollments not yet sent, in the platform's two templates (按证书 / 按科目) beside this JSON. */
export const enrollmentsPayload = z.object({ enrollments: z.array(enrollmentEntry).max(500_000) }).strict();

/** 删除报考: sent enrollments deleted since, for the platform to delete too. */
export const enrollmentDeletionsPayload = z
  .object({
    deletions: z
      .array(
        enrollmentEntry
          .omit({ kind: true })
          .extend({ deletedAt: z.iso.datetime({ offset: true }) })
          .strict(),
      )
      .max(500_000),
  })
  .strict();

export type EnrollmentsPayload = z.infer<typeof enrollmentsPayload>;
export type EnrollmentDeletionsPayload = z.infer<typeof enrollmentDeletionsPayload>;

export const enrollmentKinds = {
  enrollments: { label: '报考信息', direction: 'out', file: 'payload/enrollments.json', payload: enrollmentsPayload },
  'enrollment-deletions': { label: '删除报考', direction: 'out', file: 'payload/enrollment-deletions.json', payload: enrollmentDeletionsPayload },
} as const satisfies Record<string, KindDef>;
