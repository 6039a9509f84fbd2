import { z } from 'zod';
import { EXAM_METHODS, type ExamMethod } from './catalog';
import { siteCertificate, type SiteCertificate } from './exam-site';
import { regionInput } from './institution';

/**
 * 设置考场信息 (the manual's 2.2.6): the rooms of one exam plan at one of the school's approved
 * sites. A room's type decides which subjects it can hold: 排考 puts a 机考 subject only into
 * 机考 rooms.
 */
export const ROOM_SEATS = { min: 1, max: 999 };

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字符` });

export const roomSeats = z
  .number({ error: '考场座位数必须是数字' })
  .int({ error: '考场座位数必须是整数' })
  .min(ROOM_SEATS.min, { error: `考场座位数至少为 ${ROOM_SEATS.min}` })
  .max(ROOM_SEATS.max, { error: `考场座位数不能超过 ${ROOM_SEATS.max}` });

export const roomFields = z
  .object({
    planCode: text('考试计划', 40),
    siteId: z.number({ error: '请选择站点' }).int().positive({ error: '请选择站点' }),
    name: text('考场名称', 40),
    type: z.enum(EXAM_METHODS, { error: '请选择考场类型（机考、实操或笔试）' }),
    seats: roomSeats,
    region: regionInput,
    address: text('详细地址', 200),
    /** 考试的证书, of the plan; empty: every certificate of the plan the site is approved for. */
    certificates: z
      .array(siteCertificate)
      .max(50, { error: '考试的证书不能超过 50 个' })
      .default([])
      .refine((list) => new Set(list.map((c) => `${c.certificateCode}/${c.level}`)).size === list.length, { error: '同一证书等级选了两次' }),
  })
  .strict();

export type RoomFields = z.output<typeof roomFields>;

/** Where a subject's candidate count comes from: 报考 when there is any, else the expected number, else the year's quota. */
export type CandidateSource = 'enrolled' | 'expected' | 'quota' | 'none';

export const CANDIDATE_SOURCE_LABELS: Record<CandidateSource, string> = {
  enrolled: '已报考',
  expected: '预计人数',
  quota: '本年度指标',
  none: '暂无人数',
};

export interface CapacitySubjectInput {
  code: string;
  name: string;
  method: ExamMethod;
  certificateCode: string;
  certificateName: string;
  level: string;
  sessions: number;
  enrolled: number;
  expected: number | null;
  quota: number | null;
}

export interface CapacityRoomInput {
  id: number;
  name: string;
  siteName: string;
  type: ExamMethod;
  seats: number;
  /** The certificates it serves: its own list, or when that is empty the plan's certificates its site is approved for. */
  serves: SiteCertificate[];
}

export interface CapacitySubject extends CapacitySubjectInput {
  candidates: number;
  source: CandidateSource;
  /** Seats of the matching rooms in one session. */
  seatsPerSession: number;
  /** seatsPerSession × sessions. */
  seats: number;
  shortfall: number;
  /** "…：机考考场还缺 37 个座位（…）", or null when the seats suffice. */
  message: string | null;
}

export interface FlaggedRoom {
  id: number;
  name: string;
  siteName: string;
  type: ExamMethod;
  message: string;
}

/**
 * 考位检查: each subject's candidates against the seats of the plan's rooms of its method that
 * serve its certificate, times its sessions; and the rooms that count for no subject at all.
 */
export function checkCapacity(subjects: readonly CapacitySubjectInput[], rooms: readonly CapacityRoomInput[]): { subjects: CapacitySubject[]; flaggedRooms: FlaggedRoom[] } {
  const serves = (room: CapacityRoomInput, s: CapacitySubjectInput) =>
    room.type === s.method && room.serves.some((c) => c.certificateCode === s.certificateCode && c.level === s.level);
  const checked = subjects.map((s): CapacitySubject => {
    const [candidates, source]: [number, CandidateSource] =
      s.enrolled > 0 ? [s.enrolled, 'enrolled'] : s.expected !== null ? [s.expected, 'expected'] : s.quota !== null ? [s.quota, 'quota'] : [0, 'none'];
    const seatsPerSession = rooms.filter((r) => serves(r, s)).reduce((sum, r) => sum + r.seats, 0);
    const seats = seatsPerSession * s.sessions;
    const shortfall = Math.max(0, candidates - seats);
    const message = shortfall
      ? `${s.certificateName}（${s.level}）${s.name}（${s.code}）：${s.method}考场还缺 ${shortfall} 个座位（考生 ${candidates} 人，${s.sessions} 个场次共 ${seats} 个座位）`
      : null;
    return { ...s, candidates, source, seatsPerSession, seats, shortfall, message };
  });
  const methods = new Set(subjects.map((s) => s.method));
  const flaggedRooms = rooms.flatMap((r): FlaggedRoom[] => {
    if (subjects.some((s) => serves(r, s))) return [];
    const where = `考场“${r.name}”（${r.siteName}）`;
    const message = methods.has(r.type) ? `${where}的证书没有${r.type}科目，不计入任何科目的座位` : `${where}是${r.type}考场，本计划没有${r.type}科目`;
    return [{ id: r.id, name: r.name, siteName: r.siteName, type: r.type, message }];
  });
  return { subjects: checked, flaggedRooms };
}
