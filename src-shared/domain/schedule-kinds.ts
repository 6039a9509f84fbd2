import { z } from 'zod';
import { type KindDef, boundedText as text } from './package';
import { scheduleProblems } from './schedule';

const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 31);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:MM' });

/** The most seats one package may carry: 10,000 candidates × a plan's subjects, with room to spare. */
export const MAX_SCHEDULE_SEATS = 200_000;

const seatSchema = z
  .object({
    seat: z.number({ error: '座位号必须是数字' }).int({ error: '座位号必须是整数' }).min(1, { error: '座位号至少为 1' }).max(999, { error: '座位号不能超过 999' }),
    ticketNumber: z.string().regex(/^\d{20}$/, { error: '准考证号应为 20 位数字' }),
    idNumber: z.string().regex(/^\d{17}[\dX]$/, { error: '身份证号应为 18 位（最后一位可为 X）' }),
  })
  .strict();

/** A room of the institution's own (考场信息 as it sent them: its site and its name in the plan) and who sits where. */
const roomSchema = z
  .object({
    siteId: id,
    roomName: text(40),
    seats: z.array(seatSchema).min(1, { error: '考场没有安排考生' }).max(999),
  })
  .strict();

const sessionSchema = z
  .object({
    subjectCode: text(40),
    date: isoDate,
    start: hhmm,
    end: hhmm,
    rooms: z.array(roomSchema).min(1, { error: '场次没有安排考场' }).max(500),
  })
  .strict()
  .refine((s) => s.start < s.end, { error: '考试结束时间应晚于开始时间', path: ['end'] });

export const planScheduleSchema = z
  .object({
    planCode: text(40),
    /** When the platform made this schedule: a newer one replaces an older one. */
    issuedAt: z.iso.datetime({ offset: true }),
    sessions: z.array(sessionSchema).min(1, { error: '排考没有任何场次' }).max(1000),
  })
  .strict();

/** 排考: for each plan, its sessions, the rooms of each and the seats with their 准考证号. */
export const schedulePayload = z.object({ schedules: z.array(planScheduleSchema).min(1).max(20) }).strict();

const person = z.object({ name: text(40), phone: z.string().regex(/^1[3-9]\d{9}$/) }).strict();
const when = { date: isoDate, start: hhmm, end: hhmm, subjectCode: text(40), subjectName: text(200), siteId: id, siteName: text(100) };

/** 监考安排: per plan the platform scheduled, each room's invigilators and each site's patrol staff, session by session. */
export const invigilatorsPayload = z
  .object({
    plans: z
      .array(
        z
          .object({
            planCode: text(40),
            planName: text(200),
            rooms: z.array(z.object({ ...when, roomName: text(40), invigilators: z.array(person).max(20) }).strict()).max(20_000),
            patrols: z.array(z.object({ ...when, staff: z.array(person).min(1).max(20) }).strict()).max(20_000),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();

export type SchedulePayload = z.infer<typeof schedulePayload>;
export type PlanSchedule = z.infer<typeof planScheduleSchema>;
export type InvigilatorsPayload = z.infer<typeof invigilatorsPayload>;

export const SCHEDULE_FILE = 'payload/schedule.json';

export const scheduleKinds = {
  schedule: { label: '排考信息', direction: 'in', file: SCHEDULE_FILE, payload: schedulePayload },
  invigilators: { label: '监考安排', direction: 'out', file: 'payload/invigilators.json', payload: invigilatorsPayload },
} as const satisfies Record<string, KindDef>;

/** The payload's own rules beyond its shape, for the inbound module's `validate`. */
export function validateSchedulePayload(p: SchedulePayload): string | null {
  const problem = scheduleProblems(p, MAX_SCHEDULE_SEATS);
  return problem && `${SCHEDULE_FILE} 的内容不符合规则：${problem}`;
}
