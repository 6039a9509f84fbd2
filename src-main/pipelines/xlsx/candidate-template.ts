import { CANDIDATE_KIND_LABELS, EDUCATION_LEVELS, type CandidateKind } from '../../../src-shared/domain/candidate';
import { MAJOR_LEVELS } from '../../../src-shared/domain/catalog';
import { CANDIDATE_COLUMNS } from '../../../src-shared/domain/candidate-columns';
import { templateWorkbook } from './template-workbook';

/**
 * The import template (批量导入考生信息): the platform's columns, ID and phone columns as text,
 * drop-downs for majors and levels, and a sheet of filling rules.
 */
export async function candidateTemplate(kind: CandidateKind, majors: string[]): Promise<Buffer> {
  const choices: Partial<Record<string, readonly string[]>> = { majorLevel: MAJOR_LEVELS, education: EDUCATION_LEVELS, ...(majors.length ? { major: majors } : {}) };
  return templateWorkbook({
    sheetName: `${CANDIDATE_KIND_LABELS[kind]}信息`,
    columns: CANDIDATE_COLUMNS[kind].map((c) => ({
      header: c.header,
      required: c.required,
      rule: c.rule,
      ...(c.text ? { text: true } : {}),
      ...(choices[c.field] ? { choices: choices[c.field]! } : {}),
      // Majors are the school's own words: warn, never stop the person typing one.
      ...(c.field === 'major' ? { lenient: true } : {}),
    })),
    notes: [
      '每位考生只需导入一次，以后每次考试都沿用；已有考生再次导入时按身份证号更新其信息。',
      '请不要合并单元格、不要插入公式；身份证号、手机号两列已设为文本格式，请勿改成数字。',
      '表头必须保留在第一行；导入时会逐行检查，出错的行会被列出并可下载修改后重新导入。',
    ],
  });
}
