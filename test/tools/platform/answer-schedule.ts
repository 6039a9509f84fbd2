import { z } from 'zod';
import type { WrittenPackage } from '../../../src-main/pipelines/packages/write-package';
import type { ExamPlan, ExamSubject } from '../../../src-shared/domain/catalog';
import type { PlanSchedule, SchedulePayload } from '../../../src-shared/domain/schedule-kinds';
import { seat, ticketNumber, type SeatRoom } from '../../../src-shared/domain/seating';
import { seatedSittings, seatingSubjects, seedOf } from '../../../src-shared/domain/seating-input';
import type { RoomsPayload } from '../../../src-shared/domain/site-kinds';
import { AppError } from '../../../src-shared/errors';
import type { AnswerContext, InboundKinds } from './answerers';
import { catalogKinds } from './catalog-kinds';
import { issueDayOf } from './dates';
import { issuePackage } from './issue-package';
import type { Platform } from './platform';
import { provinceOf } from './province';

/** One enrollment as the platform has it from the institution: the candidate, the subject, and the group to spread apart. */
export const scheduleEnrollment = z
  .object({ planCode: z.string().min(1).max(40), idNumber: z.string().regex(/^\d{17}[\dX]$/), subjectCode: z.string().min(1).max(40), group: z.string().max(200) })
  .strict();
export type ScheduleEnrollment = z.infer<typeof scheduleEnrollment>;
export const scheduleEnrollmentsFile = z.object({ enrollments: z.array(scheduleEnrollment).max(200_000) }).strict();

export interface ScheduleRequest {
  plan: ExamPlan;
  subjects: readonly ExamSubject[];
  /** The institution's rooms of this plan, as its 考场信息 package sent them. */
  rooms: RoomsPayload['rooms'];
  enrollments: readonly ScheduleEnrollment[];
  issuedAt: Date;
  seed?: number;
}

/**
 * The organisation's schedule of one plan (排考): the seating engine over the institution's rooms
 * and its enrollments — the same engine the site drafts with — and a 准考证号 for every seat. The
 * same request gets the same schedule.
 */
export function scheduleFor(req: ScheduleRequest): { schedule: PlanSchedule; shortfalls: string[] } {
  const subjects = new Map(req.subjects.map((s) => [s.code, s]));
  const rooms: SeatRoom[] = req.rooms
    .filter((r) => r.planCode === req.plan.code)
    .map((r) => ({ key: `${r.siteId}/${r.name}`, name: r.name, type: r.type, seats: r.seats, certificates: r.certificates.map((c) => `${c.code}/${c.level}`) }));
  const sittings = req.plan.certificates.flatMap((c) =>
    c.subjects.map((s) => ({
      code: s.subjectCode,
      name: subjects.get(s.subjectCode)?.name ?? s.subjectCode,
      method: subjects.get(s.subjectCode)?.method ?? '机考',
      certificate: `${c.certificateCode}/${c.level}`,
      sessions: s.sessions,
    })),
  );
  const enrollments = req.enrollments.filter((e) => e.planCode === req.plan.code);
  const plan = seat({
    subjects: seatingSubjects(
      sittings,
      enrollments.map((e, i) => ({ key: String(i), subjectCode: e.subjectCode, group: e.group })),
    ),
    rooms,
    seed: req.seed ?? seedOf(`platform ${req.plan.code}`),
  });
  // 准考证号 digits: the room's place among its site's rooms, the sitting's among the plan's.
  const roomIndex = new Map<string, number>();
  for (const site of new Set(req.rooms.map((r) => r.siteId)))
    rooms
      .filter((r) => r.key.startsWith(`${site}/`))
      .map((r) => r.key)
      .sort((a, b) => a.localeCompare(b, 'zh-CN'))
      .forEach((key, i) => roomIndex.set(key, i + 1));
  const sittingKeys = [...new Set(sittings.flatMap((s) => s.sessions.map((x) => `${x.date} ${x.start} ${s.code}`)))].sort();
  const schedule: PlanSchedule = {
    planCode: req.plan.code,
    issuedAt: req.issuedAt.toISOString(),
    sessions: seatedSittings(plan).map((s) => ({
      subjectCode: s.subjectCode,
      date: s.date,
      start: s.start,
      end: s.end,
      rooms: s.rooms.map((r) => {
        const [siteId, roomName] = [Number(r.roomKey.split('/')[0]), r.roomKey.slice(r.roomKey.indexOf('/') + 1)];
        return {
          siteId,
          roomName,
          seats: r.seats.map((x) => ({
            seat: x.seat,
            idNumber: enrollments[Number(x.candidateKey)]!.idNumber,
            ticketNumber: ticketNumber({
              planCode: req.plan.code,
              siteId,
              roomIndex: roomIndex.get(r.roomKey)!,
              sessionIndex: sittingKeys.indexOf(`${s.date} ${s.start} ${s.subjectCode}`) + 1,
              seat: x.seat,
            }),
          })),
        };
      }),
    })),
  };
  return { schedule, shortfalls: plan.shortfalls.map((s) => s.message) };
}

/** The plan and subjects as the platform published them to the institution on `issueDay`. */
export function publishedPlan(platform: Platform, institutionCode: string, planCode: string, issueDay: string): { plan: ExamPlan; subjects: ExamSubject[] } {
  const kinds = catalogKinds(platform.scenario, { province: provinceOf(institutionCode), issueDay });
  const plan = kinds['exam-plans'].plans.find((p) => p.code === planCode);
  if (!plan) throw new AppError('NOT_FOUND', `平台没有考试计划 ${planCode}（按 ${issueDay} 发布的目录）。`);
  return { plan, subjects: kinds['exam-subjects'].subjects };
}

export interface ScheduleIssue {
  institutionCode: string;
  planCode: string;
  rooms: RoomsPayload['rooms'];
  enrollments: readonly ScheduleEnrollment[];
  out: string;
  now?: Date;
  /** The day the catalog was issued (plans are dated from it); default: the day of `now`. */
  catalogDay?: string;
  /** When the schedule says it was made; default `now`. A later one replaces an earlier one. */
  issuedAt?: Date;
  seed?: number;
}

/** 排考信息 on demand: a signed `schedule` package for one plan. */
export async function issueSchedulePackage(platform: Platform, opts: ScheduleIssue): Promise<{ written: WrittenPackage; schedule: PlanSchedule; shortfalls: string[] }> {
  const now = opts.now ?? new Date();
  const { plan, subjects } = publishedPlan(platform, opts.institutionCode, opts.planCode, opts.catalogDay ?? issueDayOf(now));
  const { schedule, shortfalls } = scheduleFor({
    plan,
    subjects,
    rooms: opts.rooms,
    enrollments: opts.enrollments,
    issuedAt: opts.issuedAt ?? now,
    ...(opts.seed === undefined ? {} : { seed: opts.seed }),
  });
  if (!schedule.sessions.length) throw new AppError('STATE', `考试计划 ${opts.planCode} 没有可以排考的考生（没有报考记录，或没有合适的考场）。`);
  const payload: SchedulePayload = { schedules: [schedule] };
  const written = await issuePackage(platform, { schedule: payload }, { institutionCode: opts.institutionCode, out: opts.out, now });
  return { written, schedule, shortfalls };
}

/**
 * The hook for the merge with the enrollment workflow: the answer to an outbound `enrollments`
 * package, one schedule per plan enrolled, over the rooms the same package carries (export
 * `rooms,enrollments` together). Wire it as `ANSWERERS.enrollments = (payload, ctx) =>
 * scheduleAnswer(ctx, <payload's enrollments as ScheduleEnrollment[]>)` in answerers.ts.
 */
export function scheduleAnswer(ctx: AnswerContext, enrollments: readonly ScheduleEnrollment[]): InboundKinds {
  const rooms = (ctx.payloads.rooms as RoomsPayload | undefined)?.rooms ?? [];
  const planCodes = [...new Set(enrollments.map((e) => e.planCode))].sort();
  const schedules = planCodes.flatMap((code) => {
    const { plan, subjects } = publishedPlan(ctx.platform, ctx.manifest.institutionCode, code, ctx.catalogDay);
    const { schedule } = scheduleFor({ plan, subjects, rooms, enrollments, issuedAt: ctx.now });
    return schedule.sessions.length ? [schedule] : [];
  });
  return schedules.length ? { schedule: { schedules } satisfies SchedulePayload } : {};
}
