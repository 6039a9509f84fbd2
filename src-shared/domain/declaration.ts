import { z } from 'zod';
import { CERT_LEVELS } from './catalog';

/**
 * 证书试点申报 (the manual's section 1): a draft is the school's own; 提交审核 locks it; the
 * province (and first the city, when the plan asks for it) decides. Only a rejected declaration
 * can be edited and submitted again; an approved one is final.
 */
export const DECLARATION_STATUSES = ['draft', 'submitted', 'city_approved', 'approved', 'rejected'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

export const DECLARATION_STATUS_LABELS: Record<DeclarationStatus, string> = {
  draft: '待提交',
  submitted: '待审核',
  city_approved: '地市审核通过',
  approved: '审核通过',
  rejected: '审核不通过',
};

/** The manual's tabs: 全部 / 待提交 / 待审核 / 审核通过 / 审核不通过 (地市审核通过 still waits on the province). */
export const DECLARATION_TABS = [
  { key: 'all', label: '全部', statuses: DECLARATION_STATUSES },
  { key: 'draft', label: '待提交', statuses: ['draft'] },
  { key: 'pending', label: '待审核', statuses: ['submitted', 'city_approved'] },
  { key: 'approved', label: '审核通过', statuses: ['approved'] },
  { key: 'rejected', label: '审核不通过', statuses: ['rejected'] },
] as const satisfies readonly { key: string; label: string; statuses: readonly DeclarationStatus[] }[];

export type DeclarationTab = (typeof DECLARATION_TABS)[number]['key'];

export type DeclarationEvent = 'edit' | 'delete' | 'submit' | 'cityApprove' | 'approve' | 'reject';

/**
 * Every allowed move; anything else is refused in the core, and for submitted and decided
 * declarations by the database too (migration 0007's triggers hold the same table).
 */
const TRANSITIONS: Record<DeclarationStatus, Partial<Record<DeclarationEvent, DeclarationStatus | 'deleted'>>> = {
  draft: { edit: 'draft', delete: 'deleted', submit: 'submitted' },
  submitted: { cityApprove: 'city_approved', approve: 'approved', reject: 'rejected' },
  city_approved: { approve: 'approved', reject: 'rejected' },
  approved: {},
  rejected: { edit: 'rejected', submit: 'submitted' },
};

export function nextStatus(status: DeclarationStatus, event: DeclarationEvent): DeclarationStatus | 'deleted' | null {
  return TRANSITIONS[status][event] ?? null;
}

const count = (label: string, max = 100_000) =>
  z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须是整数` })
    .min(1, { error: `${label}至少为 1` })
    .max(max, { error: `${label}不能超过 ${max.toLocaleString('en-US')}` });

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字符` });

export const teacherSchema = z
  .object({
    name: text('教师姓名', 40),
    title: text('职称', 40),
    certificates: z.string().trim().max(200, { error: '持有证书不能超过 200 个字符' }).default(''),
  })
  .strict();

export const facilitySchema = z
  .object({
    name: text('场地名称', 60),
    seats: count('座位数', 999),
    equipment: z.string().trim().max(200, { error: '设备说明不能超过 200 个字符' }).default(''),
  })
  .strict();

/** The form and the import: what a coordinator fills in for one certificate and level. */
export const declarationFields = z
  .object({
    planCode: text('申报批次', 40),
    certificateCode: text('证书', 40),
    level: z.enum(CERT_LEVELS, { error: '证书等级应为初级、中级或高级' }),
    /** Institution major codes (required when the plan is by major). */
    majors: z.array(text('专业', 40)).max(200, { error: '专业不能超过 200 个' }).default([]),
    proposedCount: count('拟申报培训人数'),
    teachers: z.array(teacherSchema).max(200, { error: '师资不能超过 200 人' }).default([]),
    facilities: z.array(facilitySchema).max(100, { error: '场地不能超过 100 处' }).default([]),
    notes: z.string().trim().max(1000, { error: '备注不能超过 1000 个字符' }).default(''),
  })
  .strict();

export type DeclarationFields = z.output<typeof declarationFields>;

export interface Teacher {
  name: string;
  title: string;
  certificates: string;
}

export interface Facility {
  name: string;
  seats: number;
  equipment: string;
}

/** The year a declaration plan's quota belongs to: the calendar year its window opens in. */
export function quotaYear(windowStart: string): number {
  return Number(windowStart.slice(0, 4));
}

/** Whether a declaration plan's window is open on a Beijing date (both ends count, to 23:59). */
export function declarationWindowOpen(plan: { windowStart: string; windowEnd: string }, today: string): boolean {
  return plan.windowStart <= today && today <= plan.windowEnd;
}

/** Why a plan takes no new declaration today, or null: "申报时间为 2026-04-01 ~ 2026-04-04". */
export function declarationWindowRefusal(plan: { batch: string; windowStart: string; windowEnd: string }, today: string): string | null {
  if (declarationWindowOpen(plan, today)) return null;
  const when = `${plan.windowStart} 00:00 ~ ${plan.windowEnd} 23:59`;
  return today < plan.windowStart ? `“${plan.batch}”尚未开始申报（申报时间 ${when}）` : `“${plan.batch}”的申报已经结束（申报时间 ${when}）`;
}
