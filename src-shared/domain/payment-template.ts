import type { PaymentBasis } from './payment';

/**
 * The platform's two templates for 生成缴费申请单 (the manual's 2.2.8): 按报考证书, one row per
 * enrolled certificate of a candidate; 按报考科目, one row per enrolled subject. The plan is
 * chosen where the sheet is imported, so it is not a column.
 */
export type PaymentField = 'idNumber' | 'name' | 'certificate' | 'level' | 'subjectCode' | 'subjectName';

export interface PaymentColumn {
  field: PaymentField;
  header: string;
  required: boolean;
  aliases: string[];
  rule: string;
  /** Kept as text in Excel (long digit strings, codes with leading zeros). */
  text?: boolean;
}

const ID: PaymentColumn = {
  field: 'idNumber',
  header: '身份证号',
  required: true,
  aliases: ['身份证号码', '身份证', '证件号码', '证件号'],
  rule: '已报考本考试计划的考生的 18 位身份证号；请保持本列为“文本”格式',
  text: true,
};
const NAME: PaymentColumn = { field: 'name', header: '姓名', required: true, aliases: ['考生姓名', '学生姓名'], rule: '与考生信息中的姓名一致，用来核对身份证号' };

export const PAYMENT_COLUMNS: Record<PaymentBasis, PaymentColumn[]> = {
  certificate: [
    ID,
    NAME,
    {
      field: 'certificate',
      header: '报考证书',
      required: true,
      aliases: ['证书名称', '证书', '证书编号', '证书代码'],
      rule: '证书名称（或简称、证书编号），如“物流管理职业技能等级证书”',
    },
    { field: 'level', header: '证书等级', required: true, aliases: ['等级', '级别'], rule: '初级 / 中级 / 高级' },
  ],
  subject: [
    ID,
    NAME,
    { field: 'certificate', header: '报考证书', required: false, aliases: ['证书名称', '证书', '证书编号', '证书代码'], rule: '可不填；只填科目名称时，用来确定是哪个证书的科目' },
    { field: 'level', header: '证书等级', required: false, aliases: ['等级', '级别'], rule: '可不填；只填科目名称时必填' },
    {
      field: 'subjectCode',
      header: '科目编码',
      required: false,
      aliases: ['科目代码', '科目编号', '考试科目编码'],
      rule: '考试科目的编码，如 098694；请保持本列为“文本”格式',
      text: true,
    },
    { field: 'subjectName', header: '报考科目', required: false, aliases: ['科目名称', '考试科目', '科目'], rule: '科目名称；填写了科目编码时可不填' },
  ],
};
