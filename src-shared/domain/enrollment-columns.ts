import type { EnrollSheet } from './enrollment';

/**
 * The columns of the platform's two 批量导入报考 templates (按证书 / 按科目) and of 批量删除报考,
 * with the words people put in header cells instead. Codes are kept as text in Excel: a subject
 * code like 098694 turned into a number loses its leading zero.
 */
export type EnrollField = 'name' | 'idNumber' | 'plan' | 'certificate' | 'level' | 'subject';

export interface EnrollColumn {
  field: EnrollField;
  header: string;
  required: boolean;
  aliases: string[];
  /** A line for the template's 填写说明 sheet. */
  rule: string;
  text?: boolean;
}

const NAME: EnrollColumn = {
  field: 'name',
  header: '姓名',
  required: false,
  aliases: ['考生姓名', '学生姓名'],
  rule: '可不填；填写时须与考生信息中的姓名一致，用来核对身份证号没有填错',
};
const ID: EnrollColumn = {
  field: 'idNumber',
  header: '身份证号',
  required: true,
  aliases: ['身份证号码', '身份证', '证件号码', '证件号'],
  rule: '已导入的考生的 18 位身份证号；请保持本列为“文本”格式',
  text: true,
};
const PLAN: EnrollColumn = {
  field: 'plan',
  header: '考试计划',
  required: true,
  aliases: ['考试计划编号', '计划编号', '考核计划', '考试计划名称'],
  rule: '从下拉列表选择（编号在前）；也可只填计划编号。须在该计划的报名时间内报考',
  text: true,
};
const CERTIFICATE = (required: boolean): EnrollColumn => ({
  field: 'certificate',
  header: '证书',
  required,
  aliases: ['证书名称', '报考证书', '证书编号', '证书代码'],
  rule: '从下拉列表选择；也可填证书编号或证书名称。须是本年度证书试点申报审核通过的证书',
  text: true,
});
const LEVEL = (required: boolean): EnrollColumn => ({ field: 'level', header: '证书等级', required, aliases: ['等级', '级别', '证书级别'], rule: '初级 / 中级 / 高级' });
const SUBJECT = (required: boolean): EnrollColumn => ({
  field: 'subject',
  header: '考试科目',
  required,
  aliases: ['科目', '科目编号', '科目代码', '科目名称', '报考科目'],
  rule: '从下拉列表选择（编号在前）；也可只填科目编号。科目须在该考试计划中，参考对象须与考生类别相符',
  text: true,
});

export const ENROLL_COLUMNS: Record<EnrollSheet, EnrollColumn[]> = {
  certificate: [NAME, ID, PLAN, CERTIFICATE(true), LEVEL(true)],
  subject: [NAME, ID, PLAN, SUBJECT(true)],
  delete: [
    NAME,
    ID,
    PLAN,
    { ...CERTIFICATE(false), rule: '与证书等级一起填写，删除该考生在本计划中这个证书的全部科目；只删一个科目时填“考试科目”' },
    LEVEL(false),
    { ...SUBJECT(false), rule: '只删除这一个科目时填写（编号在前）' },
  ],
};

/** "098694 基础考核" as a drop-down shows it: the code first, so the code can be read back. */
export function choiceLabel(code: string, name: string): string {
  return `${code} ${name}`;
}
