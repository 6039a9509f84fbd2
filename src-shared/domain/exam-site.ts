import { z } from 'zod';
import { fileId } from '../api/files';
import { CERT_LEVELS } from './catalog';
import { checkPhone } from './candidate';
import { regionInput } from './institution';

/**
 * 申报考核站点 (the manual's 2.2.5): a draft is the school's own; 提交（申报）locks it; the
 * evaluation organisation approves it, rejects it with a reason, or sends the school's
 * candidates to another institution's site (借考). Only a rejected site is edited and submitted
 * again; approved and borrowed are final.
 */
export const SITE_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'borrowed'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

export const SITE_STATUS_LABELS: Record<SiteStatus, string> = {
  draft: '待提交',
  submitted: '待审核',
  approved: '审核通过',
  rejected: '审核不通过',
  borrowed: '安排借考',
};

export type SiteEvent = 'edit' | 'delete' | 'submit' | 'approve' | 'reject' | 'borrow';

/** Every allowed move; migration 0007's triggers on exam_sites hold the same table. */
const TRANSITIONS: Record<SiteStatus, Partial<Record<SiteEvent, SiteStatus | 'deleted'>>> = {
  draft: { edit: 'draft', delete: 'deleted', submit: 'submitted' },
  submitted: { approve: 'approved', reject: 'rejected', borrow: 'borrowed' },
  approved: {},
  rejected: { edit: 'rejected', submit: 'submitted' },
  borrowed: {},
};

export function nextSiteStatus(status: SiteStatus, event: SiteEvent): SiteStatus | 'deleted' | null {
  return TRANSITIONS[status][event] ?? null;
}

/** Why a move is not allowed, in words a coordinator reads; null when it is. */
export function siteRefusal(status: SiteStatus, event: SiteEvent): string | null {
  if (nextSiteStatus(status, event)) return null;
  const label = SITE_STATUS_LABELS[status];
  switch (event) {
    case 'edit':
      return status === 'submitted' ? '考核站点已提交申报，提交后不能修改（审核不通过后可以修改再提交）' : `考核站点“${label}”，不能再修改`;
    case 'delete':
      return `只有待提交的考核站点可以删除；这个站点${label}`;
    case 'submit':
      return `考核站点“${label}”，不能再提交申报`;
    default:
      return `考核站点当前为“${label}”，不能再接受审核结果`;
  }
}

/** 其他佐证材料: pdf or Word documents, told apart by their content. */
export const SITE_FILE_FORMATS = ['pdf', 'doc', 'docx'] as const;
export type SiteFileFormat = (typeof SITE_FILE_FORMATS)[number];
export const SITE_FILE_RULES = {
  maxBytes: 20 * 1024 * 1024,
  /** Per site: a declaration's evidence, not an archive (and a package stays well inside its 200 MB). */
  maxFiles: 5,
};

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字符` });

/** The candidates' mobile rule (GB mobile, +86 and separators forgiven), said for the contact. */
export const contactMobile = z.string({ error: '请填写联系人手机' }).transform((raw, ctx) => {
  const checked = checkPhone(raw);
  if (checked.ok) return checked.value;
  ctx.addIssue({ code: 'custom', message: checked.problem.code === 'PHONE_EMPTY' ? '请填写联系人手机' : checked.problem.message });
  return z.NEVER;
});

export const contactEmail = z
  .string({ error: '请填写联系人邮箱' })
  .trim()
  .min(1, { error: '请填写联系人邮箱' })
  .max(100, { error: '联系人邮箱不能超过 100 个字符' })
  .pipe(z.email({ error: '联系人邮箱格式不正确' }));

export const siteCertificate = z.object({ certificateCode: text('证书编号', 40), level: z.enum(CERT_LEVELS, { error: '证书等级应为初级、中级或高级' }) }).strict();

const storedFileId = z.number().int().positive();

/** The manual's form. Files: those already stored to keep (the others are removed), and new uploads. */
export const siteFields = z
  .object({
    name: text('站点名称', 100),
    region: regionInput,
    address: text('详细地址', 200),
    orgCode: text('申报对象', 40),
    certificates: z
      .array(siteCertificate)
      .min(1, { error: '请至少添加一个申报的证书' })
      .max(50, { error: '一个站点最多申报 50 个证书等级' })
      .refine((list) => new Set(list.map((c) => `${c.certificateCode}/${c.level}`)).size === list.length, { error: '同一证书等级添加了两次' }),
    description: text('考点简介', 2000),
    contactName: text('联系人姓名', 40),
    contactPhone: contactMobile,
    contactEmail,
    keepFiles: z.array(storedFileId).max(SITE_FILE_RULES.maxFiles).default([]),
    addFiles: z
      .array(fileId)
      .max(SITE_FILE_RULES.maxFiles, { error: `其他佐证材料最多 ${SITE_FILE_RULES.maxFiles} 个文件` })
      .default([]),
  })
  .strict();

export type SiteFields = z.output<typeof siteFields>;
export type SiteCertificate = z.output<typeof siteCertificate>;

/** The manual's naming advice, 学校名称 + 证书简称 + 考核站点: "昌平职业技术学校Python证书考核站点". */
export function suggestedSiteName(schoolName: string, shortNames: readonly string[]): string {
  const names = [...new Set(shortNames.map((n) => n.trim()).filter(Boolean))];
  return names.length ? `${schoolName}${names.join('、')}证书考核站点` : `${schoolName}考核站点`;
}

/** "该证书的考生将到 X 借考": what a borrowed site tells the coordinator. */
export function borrowedText(b: { site: string; institution: string; address: string }): string {
  return `该证书的考生将到“${b.site}”借考（${b.institution}，${b.address}）`;
}
