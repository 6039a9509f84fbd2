import { z } from 'zod';
import { ATTENDANCE_NOTE_MAX } from './attendance';
import { type KindDef, boundedText as text } from './package';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const count = z.number().int().min(0).max(200_000);

const seatSchema = z
  .object({
    seat: z.number().int().min(1).max(999),
    ticketNumber: z.string().regex(/^\d{20}$/),
    idNumber: z.string().regex(/^\d{17}[\dX]$/),
    name: text(60),
    /** pending (未签到), present (已到), absent (缺考), irregular (违纪). */
    status: z.enum(['pending', 'present', 'absent', 'irregular']),
    note: z.string().max(ATTENDANCE_NOTE_MAX).nullable(),
    checkedInAt: z.iso.datetime({ offset: true }).nullable(),
    recordedAt: z.iso.datetime({ offset: true }).nullable(),
    /** 人证不符 flags raised at the desk. */
    mismatchFlags: count,
    /** Recorded after the session ended (a coordinator's correction). */
    late: z.boolean(),
  })
  .strict();

const totals = z.object({ expected: count, present: count, absent: count, irregular: count, pending: count }).strict();

/** 考勤: per plan the platform scheduled, every seat of every room and session with what the room recorded. */
export const attendancePayload = z
  .object({
    plans: z
      .array(
        z
          .object({
            planCode: text(40),
            planName: text(200),
            sessions: z
              .array(
                z
                  .object({
                    subjectCode: text(40),
                    subjectName: text(200),
                    date: isoDate,
                    start: hhmm,
                    end: hhmm,
                    rooms: z
                      .array(z.object({ siteId: z.number().int().positive(), siteName: text(100), roomName: text(40), totals, seats: z.array(seatSchema).max(999) }).strict())
                      .max(500),
                  })
                  .strict(),
              )
              .max(1000),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();

export type AttendancePayload = z.infer<typeof attendancePayload>;

export const attendanceKinds = {
  attendance: { label: '考勤', direction: 'out', file: 'payload/attendance.json', payload: attendancePayload },
} as const satisfies Record<string, KindDef>;
