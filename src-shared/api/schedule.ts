import { z } from 'zod';
import { empty, op, pageInput, type Page } from './contract';
import type { ExamMethod } from '../domain/catalog';
import type { PlanPhase } from '../domain/plan-phase';
import { MAX_DUTY_STAFF, MIN_INVIGILATORS_RANGE, staffFields, type ScheduleSource } from '../domain/schedule';
import { STAFF } from '../roles';

/** An exam plan as the schedule pages pick it, with where its schedule stands. */
export interface SchedulePlanRow {
  code: string;
  name: string;
  phase: PlanPhase;
  source: ScheduleSource | null;
  /** 平台排考, 草稿 or 未排考. */
  sourceLabel: string;
  sessions: number;
  seats: number;
  enrolled: number;
}

export interface SchedulePlans {
  plans: SchedulePlanRow[];
  /** An invigilator account sees only its own duties; one not on the staff list sees nothing. */
  assignedOnly: boolean;
  /** The staff member an invigilator account is, when it is one. */
  staffName: string | null;
}

/** What every schedule page says first: whose schedule this is, and for a draft what it could not seat. */
export interface ScheduleSummary {
  plan: { code: string; name: string; phase: PlanPhase };
  source: ScheduleSource | null;
  sourceLabel: string;
  /** When the platform made it (its schedule), or when the draft was built. */
  issuedAt: string | null;
  updatedAt: string | null;
  /** The engine's shortfalls, for a draft: "基础考核 08:30 场：机考考场座位 90，报考 112，缺 22". */
  shortfalls: string[];
  enrolled: number;
  seated: number;
  /** A draft built before the rooms or enrollments last changed. */
  stale: boolean;
  minInvigilators: number;
  canDraft: boolean;
  /** Why a draft cannot be built now, when it cannot. */
  draftBlocked: string | null;
}

export interface DraftResult {
  plan: string;
  sessions: number;
  rooms: number;
  seats: number;
  shortfalls: string[];
}

export interface OverviewSession {
  sessionId: number | null;
  subjectCode: string;
  subjectName: string;
  certificateName: string;
  level: string;
  start: string;
  end: string;
  enrolled: number;
  seated: number;
  rooms: number;
  /** 已安排 (the platform's), 草稿, or 未安排. */
  status: string;
}

/** 考点编排: one exam day. */
export interface OverviewDate {
  date: string;
  subjects: { code: string; name: string }[];
  seated: number;
  rooms: number;
  sessions: OverviewSession[];
  status: string;
}

export interface DutyPerson {
  staffId: number;
  name: string;
  phone: string;
}

/** 考场编排: one room in one session. */
export interface RoomSessionRow {
  scheduleRoomId: number;
  sessionId: number;
  roomId: number;
  roomName: string;
  roomType: ExamMethod;
  roomSeats: number;
  siteId: number;
  siteName: string;
  subjectCode: string;
  subjectName: string;
  certificateName: string;
  level: string;
  date: string;
  start: string;
  end: string;
  /** 应考人数. */
  expected: number;
  invigilators: DutyPerson[];
  patrol: DutyPerson[];
  /** Invigilators still missing for the plan's minimum (0: enough). */
  missing: number;
}

export interface RoomPlan {
  rows: RoomSessionRow[];
  minInvigilators: number;
  /** Rooms with fewer invigilators than the minimum, in these rows. */
  shortRooms: number;
}

/** 排考明细: one seat. */
export interface SeatRow {
  index: number;
  name: string;
  /** Masked as on every printed sheet: 370285*****5910. */
  idNumber: string;
  /** Null on a draft: the platform issues them. */
  ticketNumber: string | null;
  institution: string;
  seat: number;
  roomName: string;
  subjectName: string;
  date: string;
  start: string;
  end: string;
}

export interface StaffRow {
  id: number;
  name: string;
  phone: string;
  department: string;
  userId: number | null;
  /** The linked account's username and name. */
  account: { username: string; displayName: string } | null;
  duties: number;
}

export interface StaffList {
  staff: StaffRow[];
  /** Invigilator accounts, for linking; `staffId` names who already has one. */
  accounts: { id: number; username: string; displayName: string; phone: string | null; staffId: number | null }[];
}

const planCode = z.string().trim().min(1, { error: '请选择考试计划' }).max(40);
const rowId = z.number().int().positive();
const staffIds = z
  .array(rowId)
  .max(MAX_DUTY_STAFF, { error: `同一场次最多安排 ${MAX_DUTY_STAFF} 人` })
  .refine((ids) => new Set(ids).size === ids.length, { error: '同一个人选了两次' });

export const seatQuery = z
  .object({
    planCode,
    sessionId: rowId.optional(),
    scheduleRoomId: rowId.optional(),
    ...pageInput,
  })
  .strict();

export const scheduleOps = {
  'schedule.plans': op<SchedulePlans>()({ input: empty, access: 'user', summary: '排考的考试计划' }),
  'schedule.summary': op<ScheduleSummary>()({ input: z.object({ planCode }).strict(), access: 'user', summary: '排考概况' }),
  'schedule.draft': op<DraftResult>()({ input: z.object({ planCode }).strict(), access: STAFF, mutates: true, summary: '生成排考草稿' }),
  'schedule.overview': op<OverviewDate[]>()({ input: z.object({ planCode }).strict(), access: 'user', summary: '考点编排' }),
  'schedule.rooms': op<RoomPlan>()({ input: z.object({ planCode, date: z.string().max(10).optional() }).strict(), access: 'user', summary: '考场编排' }),
  'schedule.seats': op<Page<SeatRow>>()({ input: seatQuery, access: 'user', summary: '排考明细' }),

  'staff.list': op<StaffList>()({ input: empty, access: STAFF, summary: '监考人员名单' }),
  'staff.create': op<StaffRow>()({ input: staffFields, access: STAFF, mutates: true, summary: '添加监考人员' }),
  'staff.update': op<StaffRow>()({ input: staffFields.extend({ id: rowId }), access: STAFF, mutates: true, summary: '修改监考人员' }),
  'staff.delete': op<{ ok: true }>()({ input: z.object({ id: rowId }).strict(), access: STAFF, mutates: true, summary: '删除监考人员' }),

  'invigilation.setRoom': op<RoomSessionRow>()({
    input: z.object({ scheduleRoomId: rowId, staffIds }).strict(),
    access: STAFF,
    mutates: true,
    summary: '安排考场监考',
  }),
  'invigilation.setPatrol': op<DutyPerson[]>()({
    input: z.object({ sessionId: rowId, siteId: rowId, staffIds }).strict(),
    access: STAFF,
    mutates: true,
    summary: '安排巡考',
  }),
  'invigilation.setMinimum': op<ScheduleSummary>()({
    input: z
      .object({
        planCode,
        minimum: z
          .number({ error: '监考人数必须是数字' })
          .int({ error: '监考人数必须是整数' })
          .min(MIN_INVIGILATORS_RANGE.min, { error: `每个考场至少 ${MIN_INVIGILATORS_RANGE.min} 名监考` })
          .max(MIN_INVIGILATORS_RANGE.max, { error: `每个考场的监考人数不能超过 ${MIN_INVIGILATORS_RANGE.max}` }),
      })
      .strict(),
    access: STAFF,
    mutates: true,
    summary: '设置每个考场的监考人数',
  }),
};
