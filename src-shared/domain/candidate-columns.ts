import type { CandidateKind } from './candidate';

/**
 * The platform's import template columns (the manual: 姓名、姓名拼音、身份证号、手机号、就读专业、
 * 专业层次、入学年份), and the words people actually put in header cells instead.
 */
export type CandidateField = 'name' | 'namePinyin' | 'idNumber' | 'phone' | 'major' | 'majorLevel' | 'entryYear' | 'education' | 'employer';

export interface CandidateColumn {
  field: CandidateField;
  header: string;
  required: boolean;
  aliases: string[];
  /** A line for the template's 填写说明 sheet. */
  rule: string;
  /** Kept as text in Excel (long digit strings). */
  text?: boolean;
}

const NAME: CandidateColumn = { field: 'name', header: '姓名', required: true, aliases: ['考生姓名', '学生姓名'], rule: '2–30 个汉字，少数民族姓名可含“·”' };
const PINYIN: CandidateColumn = {
  field: 'namePinyin',
  header: '姓名拼音',
  required: false,
  aliases: ['拼音', '姓名全拼'],
  rule: '可不填，系统按姓名自动生成（多音字姓氏按姓氏读音）；填写时须与姓名读音一致',
};
const ID: CandidateColumn = {
  field: 'idNumber',
  header: '身份证号',
  required: true,
  aliases: ['身份证号码', '身份证', '证件号码', '证件号'],
  rule: '18 位二代身份证号，末位 X 大写；请保持本列为“文本”格式',
  text: true,
};
const PHONE: CandidateColumn = { field: 'phone', header: '手机号', required: true, aliases: ['手机号码', '手机', '联系电话', '联系方式'], rule: '11 位中国大陆手机号', text: true };

export const CANDIDATE_COLUMNS: Record<CandidateKind, CandidateColumn[]> = {
  school: [
    NAME,
    PINYIN,
    ID,
    PHONE,
    { field: 'major', header: '就读专业', required: true, aliases: ['专业', '专业名称', '所学专业'], rule: '本校的专业名称，可从下拉列表选择' },
    { field: 'majorLevel', header: '专业层次', required: true, aliases: ['层次', '学历层次', '培养层次'], rule: '中职 / 高职专科 / 职业本科 / 本科' },
    { field: 'entryYear', header: '入学年份', required: true, aliases: ['入学年', '年级', '入学时间'], rule: '四位年份，如 2024' },
  ],
  social: [
    NAME,
    PINYIN,
    ID,
    PHONE,
    { field: 'education', header: '最高学历', required: false, aliases: ['学历', '文化程度'], rule: '初中 / 高中 / 中专 / 大专 / 本科 / 硕士研究生 / 博士研究生' },
    { field: 'employer', header: '工作单位', required: false, aliases: ['单位', '单位名称', '工作单位名称'], rule: '可不填' },
  ],
};
