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

export const institutionFields = z.object({
  code: institutionCode,
  name: text('院校名称', 100),
  region: regionInput,
  address: optionalText('详细地址', 200),
  contactName: optionalText('联系人', 40),
  contactPhone: optionalText('联系电话', 30),
  contactEmail: z.union([z.literal(''), z.email({ error: '联系邮箱格式不正确' })]).optional(),
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
  updatedAt: string;
}
