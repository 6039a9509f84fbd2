import { z } from 'zod';
import { MAJOR_LEVELS } from './catalog';

/** 开设专业: a major the institution runs, with its level (专业层次). */
export const institutionMajorSchema = z
  .object({
    code: z
      .string({ error: '专业代码必须是文本' })
      .trim()
      .regex(/^[0-9A-Za-z]{4,12}$/, { error: '专业代码应为 4–12 位数字或字母（如 530802）' }),
    name: z.string({ error: '专业名称必须是文本' }).trim().min(1, { error: '请填写专业名称' }).max(60, { error: '专业名称不能超过 60 个字符' }),
    level: z.enum(MAJOR_LEVELS, { error: `专业层次应为 ${MAJOR_LEVELS.join('、')} 之一` }),
  })
  .strict();

export type InstitutionMajor = z.infer<typeof institutionMajorSchema>;

/** The import template's columns, in order. */
export const MAJOR_COLUMNS = [
  { field: 'code', header: '专业代码' },
  { field: 'name', header: '专业名称' },
  { field: 'level', header: '专业层次' },
] as const;
