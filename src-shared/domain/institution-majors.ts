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

export type InstitutionMajorField = keyof InstitutionMajor;

export interface MajorColumn {
  field: InstitutionMajorField;
  header: string;
  required: boolean;
  /** Other words people put in the header cell. */
  aliases: readonly string[];
  /** A line for the template's 填写说明 sheet. */
  rule: string;
  /** Kept as text in Excel: a code such as 080901 keeps its leading zero. */
  text?: boolean;
}

/** The import template's columns (批量导入开设专业), in order. */
export const MAJOR_COLUMNS: readonly MajorColumn[] = [
  {
    field: 'code',
    header: '专业代码',
    required: true,
    aliases: ['代码', '专业编码', '专业编号'],
    rule: '教育部专业目录中的代码，4–12 位数字或字母，如 530802；请保持本列为“文本”格式',
    text: true,
  },
  { field: 'name', header: '专业名称', required: true, aliases: ['专业', '名称'], rule: '专业的全称，不超过 60 个字符' },
  { field: 'level', header: '专业层次', required: true, aliases: ['层次', '培养层次', '办学层次', '学历层次'], rule: `${MAJOR_LEVELS.join(' / ')}，可从下拉列表选择` },
];
