import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { checkCandidateIdNumber, checkEntryYear, checkName, checkPhone, checkPinyin, type FieldProblem } from '../../../src-shared/domain/candidate';
import { institutionDate } from '../../../src-shared/domain/institution-time';

/**
 * The form's live checks are the shared field rules the spreadsheet import and main use, so a
 * value the form accepts is one the server accepts, with the very same message.
 */
const fromCheck =
  (check: (value: unknown) => { ok: true } | { ok: false; problem: FieldProblem }): Rule =>
  () => ({
    validator: async (_: unknown, value: unknown) => {
      const r = check(value);
      if (!r.ok) throw new Error(r.problem.message);
    },
  });

export const currentYear = () => Number(institutionDate(new Date()).slice(0, 4));

export const nameRules: Rule[] = [fromCheck(checkName)];
export const idNumberRules: Rule[] = [fromCheck((v) => checkCandidateIdNumber(typeof v === 'number' ? v : String(v ?? '')))];
export const phoneRules: Rule[] = [fromCheck(checkPhone)];
export const entryYearRules: Rule[] = [fromCheck((v) => checkEntryYear(v, currentYear()))];

/** The pinyin must read the name as it stands; an empty one is filled in by the server. */
export const pinyinRules = (form: FormInstance): Rule[] => [
  fromCheck((v) => {
    const name = checkName(form.getFieldValue('name'));
    return name.ok ? checkPinyin(name.value, v) : { ok: true };
  }),
];

export const requiredText = (message: string): Rule[] => [{ required: true, whitespace: true, message }];
