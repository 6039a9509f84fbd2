import { z } from 'zod';
import { checkPhone } from './candidate';
import { maskIdNumber } from './id-number';

/**
 * 排考 and 监考安排 (the manual's 2.2.9). A plan's schedule comes from the platform; until it does,
 * the site may draft its own from its rooms and enrollments with the same seating engine. A
 * draft has no 准考证号 (the platform issues them) and is marked 草稿 wherever it shows.
 */
export type ScheduleSource = 'draft' | 'platform';

export const SCHEDULE_SOURCE_LABELS: Record<ScheduleSource, string> = { draft: '草稿', platform: '平台排考' };

/** 每个考场每场至少的监考人数, unless the plan says otherwise. */
export const DEFAULT_MIN_INVIGILATORS = 2;
export const MIN_INVIGILATORS_RANGE = { min: 1, max: 10 };
/** The most people one room or one site's patrol may have in a session. */
export const MAX_DUTY_STAFF = 20;

export interface TimeSlot {
  date: string;
  start: string;
  end: string;
}

/** Two sittings at once: the same day and overlapping times (one ending as the other begins is not). */
export function overlaps(a: TimeSlot, b: TimeSlot): boolean {
  return a.date === b.date && a.start < b.end && b.start < a.end;
}

/** 2026-06-19 08:30–10:00 */
export function slotText(s: TimeSlot): string {
  return `${s.date} ${s.start}–${s.end}`;
}

/** The instant a sitting begins, as the institution's clock reads (`institutionDateTime`'s form). */
export function slotStart(s: TimeSlot): string {
  return `${s.date} ${s.start}:00`;
}

export const staffFields = z
  .object({
    name: z.string({ error: '姓名必须是文本' }).trim().min(1, { error: '请填写姓名' }).max(40, { error: '姓名不能超过 40 个字符' }),
    /** Spaces, dashes and +86 as people type them are dropped. */
    phone: z.string({ error: '请填写手机号' }).transform((raw, ctx) => {
      const checked = checkPhone(raw);
      if (checked.ok) return checked.value;
      ctx.addIssue({ code: 'custom', message: checked.problem.code === 'PHONE_EMPTY' ? '请填写手机号' : checked.problem.message });
      return z.NEVER;
    }),
    department: z.string({ error: '所在部门必须是文本' }).trim().max(60, { error: '所在部门不能超过 60 个字符' }).default(''),
    /** The invigilator account this teacher logs in with, if any: it then sees exactly these duties. */
    userId: z.number().int().positive().nullable().default(null),
  })
  .strict();

export type StaffFields = z.output<typeof staffFields>;

/** What `scheduleProblems` reads of a schedule package: the payload's shape, without its schema. */
interface ScheduleShape {
  schedules: readonly {
    planCode: string;
    sessions: readonly {
      subjectCode: string;
      date: string;
      start: string;
      end: string;
      rooms: readonly { siteId: number; roomName: string; seats: readonly { seat: number; ticketNumber: string; idNumber: string }[] }[];
    }[];
  }[];
}

/**
 * The rules a schedule package must keep on its own, before anything in the store is looked at:
 * each plan once, each session once, each room once per session and in one session at a time,
 * each seat once per room, each candidate once per subject, each 准考证号 once, and a bound on
 * the seats in all. The first problem, naming its place in the payload.
 */
export function scheduleProblems(p: ScheduleShape, maxSeats: number): string | null {
  const plans = new Set<string>();
  const tickets = new Map<string, string>();
  let total = 0;
  for (const [i, plan] of p.schedules.entries()) {
    const at = `schedules[${i}]`;
    if (plans.has(plan.planCode)) return `${at}.planCode：考试计划 ${plan.planCode} 的排考出现了两次`;
    plans.add(plan.planCode);
    const sessions = new Set<string>();
    const seated = new Map<string, string>();
    const roomSlots = new Map<string, { slot: TimeSlot; path: string }[]>();
    for (const [j, s] of plan.sessions.entries()) {
      const sp = `${at}.sessions[${j}]`;
      const key = `${s.subjectCode} ${s.date} ${s.start}`;
      if (sessions.has(key)) return `${sp}：科目 ${s.subjectCode} 在 ${s.date} ${s.start} 的场次出现了两次`;
      sessions.add(key);
      const rooms = new Set<string>();
      for (const [k, r] of s.rooms.entries()) {
        const rp = `${sp}.rooms[${k}]`;
        const room = `${r.siteId}/${r.roomName}`;
        if (rooms.has(room)) return `${rp}.roomName：考场“${r.roomName}”在同一场次中出现了两次`;
        rooms.add(room);
        const used = roomSlots.get(room) ?? [];
        const clash = used.find((o) => overlaps(o.slot, s));
        if (clash) return `${rp}.roomName：考场“${r.roomName}”在 ${slotText(s)} 同时安排了两个场次（另见 ${clash.path}）`;
        roomSlots.set(room, [...used, { slot: s, path: rp }]);
        const numbers = new Set<number>();
        for (const [m, seat] of r.seats.entries()) {
          const tp = `${rp}.seats[${m}]`;
          if (++total > maxSeats) return `${tp}：一个数据包最多 ${maxSeats} 个座位`;
          if (numbers.has(seat.seat)) return `${tp}.seat：座位号 ${seat.seat} 在考场“${r.roomName}”中出现了两次`;
          numbers.add(seat.seat);
          const candidate = `${seat.idNumber}/${s.subjectCode}`;
          const before = seated.get(candidate);
          if (before) return `${tp}.idNumber：考生 ${maskIdNumber(seat.idNumber)} 的科目 ${s.subjectCode} 安排了两次（另见 ${before}）`;
          seated.set(candidate, tp);
          const ticket = tickets.get(seat.ticketNumber);
          if (ticket) return `${tp}.ticketNumber：准考证号 ${seat.ticketNumber} 出现了两次（另见 ${ticket}）`;
          tickets.set(seat.ticketNumber, tp);
        }
      }
    }
  }
  return null;
}
