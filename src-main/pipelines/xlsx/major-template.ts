import { MAJOR_LEVELS } from '../../../src-shared/domain/catalog';
import { MAJOR_COLUMNS, type InstitutionMajor } from '../../../src-shared/domain/institution-majors';
import { templateWorkbook } from './template-workbook';

/**
 * The 开设专业 import template: the institution's majors so far (edit them or add rows), the code
 * column as text so Excel keeps a leading zero, a drop-down for 专业层次, and a sheet of filling rules.
 */
export async function majorTemplate(majors: readonly InstitutionMajor[]): Promise<Buffer> {
  return templateWorkbook({
    sheetName: '开设专业',
    columns: MAJOR_COLUMNS.map((c) => ({
      header: c.header,
      required: true,
      rule: c.rule,
      width: c.field === 'name' ? 30 : 16,
      ...(c.text ? { text: true } : {}),
      ...(c.field === 'level' ? { choices: MAJOR_LEVELS } : {}),
    })),
    rows: majors.map((m) => MAJOR_COLUMNS.map((c) => m[c.field])),
    notes: [
      '表中已列出本院校现有的开设专业，可以直接修改名称或层次，或在下方添加新的专业；按专业代码对应，同一代码只能出现一次。',
      '导入只新增或修改专业，不会删除：表中没有的专业保持不变；要删除专业，请在“院校信息”页操作。',
      '请不要合并单元格、不要插入公式；表头必须保留。导入时会逐行检查，出错的行会被列出并可下载修改后重新导入。',
    ],
  });
}
