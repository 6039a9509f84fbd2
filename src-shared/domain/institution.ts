import { z } from 'zod';
import { text, optionalText } from '../api/contract';
import { findRegion } from '../regions';

/** 学校标识码: the MoE's 10-digit school code. */
export const institutionCode = z
  .string({ error: '院校代码必须是文本' })
  .trim()
  .regex(/^\d{10}$/, { error: '院校代码应为教育部 10 位学校标识码' });

export const regionInput = z
  .object({
    province: text('省份', 20),
    city: text('城市', 30),
    district: text('区县', 30),
  })
  .superRefine((r, ctx) => {
    const found = findRegion(r.province, r.city, r.district);
    if (!found.ok) ctx.addIssue({ code: 'custom', message: found.message, path: [found.field] });
  });

/** 院校类型, as the platform's institution form lists them. */
export const SCHOOL_TYPES = ['中等职业学校', '高等职业学校（专科）', '职业本科学校', '普通本科学校', '技工院校', '其他'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const institutionFields = z.object({
  code: institutionCode,
  name: text('院校名称', 100),
  region: regionInput,
  address: optionalText('详细地址', 200),
  contactName: optionalText('联系人', 40),
  contactPhone: optionalText('联系电话', 30),
  contactEmail: z.union([z.literal(''), z.email({ error: '联系邮箱格式不正确' })]).optional(),
  schoolType: z.enum(SCHOOL_TYPES, { error: '请选择院校类型' }).optional(),
});

export interface Institution {
  code: string;
  name: string;
  province: string;
  city: string;
  district: string;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  schoolType: SchoolType | null;
  updatedAt: string;
}

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * 完善院校基础信息: what the platform asks before any declaration. Each missing piece in words,
 * so the declaration page can say what to complete.
 */
export function profileProblems(inst: Institution, majorCount: number): string[] {
  const problems: string[] = [];
  if (!inst.schoolType) problems.push('院校类型');
  if (!inst.address) problems.push('详细地址');
  if (!inst.contactName) problems.push('联系人');
  if (!inst.contactPhone) problems.push('联系电话');
  else if (!MOBILE.test(inst.contactPhone) && !/^0\d{2,3}-?\d{7,8}$/.test(inst.contactPhone)) problems.push('联系电话（手机号或带区号的座机号）');
  if (!inst.contactEmail) problems.push('联系邮箱');
  if (majorCount === 0) problems.push('开设专业（至少一个）');
  return problems;
}
