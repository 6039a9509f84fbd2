import { z } from 'zod';
import { empty, op } from './contract';
import { fileId, type FileRef } from './files';
import type { PlanPhase } from '../domain/plan-phase';
import { roomFields, type CandidateSource, type CapacitySubject, type FlaggedRoom } from '../domain/exam-room';
import { SITE_STATUSES, siteFields, type SiteFileFormat, type SiteStatus } from '../domain/exam-site';
import type { ExamMethod } from '../domain/catalog';
import { STAFF } from '../roles';

export interface NamedCertificate {
  certificateCode: string;
  certificateName: string;
  level: string;
}

export interface BorrowedSite {
  site: string;
  institution: string;
  address: string;
}

/** A site as the store holds it, but for its certificates, files and description. */
export interface SitePlace {
  id: number;
  name: string;
  province: string;
  city: string;
  district: string;
  address: string;
  orgCode: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  status: SiteStatus;
  reason: string | null;
  borrowed: BorrowedSite | null;
  submittedAt: string | null;
  sentAt: string | null;
  decidedAt: string | null;
}

export interface SiteRow extends SitePlace {
  orgName: string;
  certificates: NamedCertificate[];
  statusLabel: string;
  /** "该证书的考生将到 X 借考（…）" for a borrowed site. */
  borrowedText: string | null;
  fileCount: number;
  /** What a person may do now, as the core decides it. */
  canEdit: boolean;
  canSubmit: boolean;
  canDelete: boolean;
}

export interface SiteFileRow {
  id: number;
  name: string;
  format: SiteFileFormat;
  size: number;
  createdAt: string;
}

export interface SiteDetail extends SiteRow {
  description: string;
  files: SiteFileRow[];
}

export interface SiteList {
  rows: SiteRow[];
  counts: Record<SiteStatus | 'all', number>;
}

/** An exam plan as the rooms page picks it. */
export interface RoomPlanRow {
  code: string;
  name: string;
  orgName: string;
  phase: PlanPhase;
  roomCount: number;
  seatCount: number;
}

/** An approved site of the school that can hold the plan: its address pre-fills a room's. */
export interface RoomSiteRow {
  id: number;
  name: string;
  province: string;
  city: string;
  district: string;
  address: string;
  /** The plan's certificates the site is approved for. */
  certificates: NamedCertificate[];
}

/** A room as the store holds it, but for its certificates. */
export interface RoomPlace {
  id: number;
  planCode: string;
  siteId: number;
  name: string;
  type: ExamMethod;
  seats: number;
  province: string;
  city: string;
  district: string;
  address: string;
}

export interface RoomRow extends RoomPlace {
  siteName: string;
  /** Empty: every certificate of the plan its site is approved for. */
  certificates: NamedCertificate[];
}

export interface PlanRooms {
  plan: { code: string; name: string; certificates: NamedCertificate[] };
  rooms: RoomRow[];
  sites: RoomSiteRow[];
}

/** 考场沿用: what copying an earlier plan's rooms adds, and what it leaves out and why. */
export interface RoomCopyReport {
  from: string;
  to: string;
  copied: { name: string; siteName: string; type: ExamMethod; seats: number }[];
  skipped: { name: string; siteName: string; reason: string }[];
}

export interface CapacitySubjectRow extends CapacitySubject {
  sourceLabel: string;
}

export interface CapacityReport {
  plan: string;
  planName: string;
  subjects: CapacitySubjectRow[];
  flaggedRooms: FlaggedRoom[];
  /** Every shortfall and flagged room, in words: empty when the rooms suffice. */
  warnings: string[];
}

export type { CandidateSource };

const id = z.object({ id: z.number().int().positive() }).strict();
const planCode = z.string().trim().min(1, { error: '请选择考试计划' }).max(40);

export const siteOps = {
  'sites.list': op<SiteList>()({ input: z.object({ status: z.enum(SITE_STATUSES).optional() }).strict(), access: STAFF, summary: '考核站点列表' }),
  'sites.get': op<SiteDetail>()({ input: id, access: STAFF, summary: '查看考核站点' }),
  'sites.create': op<SiteDetail>()({ input: siteFields, access: STAFF, mutates: true, summary: '新建考核站点申报' }),
  'sites.update': op<SiteDetail>()({ input: siteFields.extend({ id: z.number().int().positive() }), access: STAFF, mutates: true, summary: '修改考核站点申报' }),
  'sites.delete': op<{ ok: true }>()({ input: id, access: STAFF, mutates: true, summary: '删除考核站点申报' }),
  'sites.submit': op<SiteDetail>()({
    input: z.object({ id: z.number().int().positive(), confirm: z.literal(true, { error: '提交后不能修改，请先确认' }) }).strict(),
    access: STAFF,
    mutates: true,
    summary: '提交考核站点申报',
  }),
  /** An uploaded document checked as the form picks it (it is checked again when saved). */
  'sites.checkFile': op<{ name: string; size: number; format: SiteFileFormat }>()({ input: z.object({ fileId }).strict(), access: STAFF, summary: '检查佐证材料' }),
  'sites.file': op<FileRef>()({ input: id, access: STAFF, summary: '下载佐证材料' }),

  'rooms.plans': op<RoomPlanRow[]>()({ input: empty, access: STAFF, summary: '考场管理的考试计划' }),
  'rooms.list': op<PlanRooms>()({ input: z.object({ planCode }).strict(), access: STAFF, summary: '考场列表' }),
  'rooms.create': op<RoomRow>()({ input: roomFields, access: STAFF, mutates: true, summary: '新建考场' }),
  'rooms.update': op<RoomRow>()({ input: roomFields.extend({ id: z.number().int().positive() }), access: STAFF, mutates: true, summary: '修改考场' }),
  'rooms.delete': op<{ ok: true }>()({ input: id, access: STAFF, mutates: true, summary: '删除考场' }),
  'rooms.copyPreview': op<RoomCopyReport>()({ input: z.object({ from: planCode, to: planCode }).strict(), access: STAFF, summary: '预览考场沿用' }),
  'rooms.copy': op<RoomCopyReport>()({ input: z.object({ from: planCode, to: planCode }).strict(), access: STAFF, mutates: true, summary: '沿用考场' }),
  'capacity.get': op<CapacityReport>()({ input: z.object({ planCode }).strict(), access: STAFF, summary: '考位检查' }),
  'capacity.setExpected': op<CapacityReport>()({
    input: z
      .object({
        planCode,
        subjectCode: z.string().trim().min(1).max(40),
        /** Null: no expected number (the quota, or nothing, counts again). */
        expected: z
          .number({ error: '预计人数必须是数字' })
          .int({ error: '预计人数必须是整数' })
          .min(0, { error: '预计人数不能为负数' })
          .max(100_000, { error: '预计人数不能超过 100,000' })
          .nullable(),
      })
      .strict(),
    access: STAFF,
    mutates: true,
    summary: '设置预计考试人数',
  }),
};
