import { excerpt } from '../excerpt';
import { PROVINCE_CODES } from '../regions';
import { institutionDate } from './institution-time';

/**
 * 居民身份证号码 by GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence, check
 * digit (ISO 7064 MOD 11-2). Input from spreadsheets arrives in every shape a person or Excel
 * can make; `normaliseIdNumber` undoes the harmless ones, `checkIdNumber` names the rest.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Full-width digits and X, lowercase x, spaces and dashes inside: what people type or paste. */
export function normaliseIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[xＸｘ]/g, 'X')
    .replace(/[\s\u3000\-－]/g, '');
}

export type IdProblem =
  | { code: 'ID_EMPTY'; message: string }
  | { code: 'ID_EXCEL_NUMBER'; message: string }
  | { code: 'ID_LENGTH'; message: string }
  | { code: 'ID_CHARACTERS'; message: string }
  | { code: 'ID_REGION'; message: string }
  | { code: 'ID_BIRTH_DATE'; message: string }
  /** A real date, but no candidate is that young or that old (`checkCandidateIdNumber`). */
  | { code: 'ID_BIRTH_RANGE'; message: string }
  | { code: 'ID_CHECK_DIGIT'; message: string };

export type IdCheck = { ok: true; value: string; birthDate: string; sex: '男' | '女' } | { ok: false; problem: IdProblem };

/** The institution's date today, to refuse birth dates in the future. */
export function todayString(today?: string): string {
  return today ?? institutionDate(new Date());
}

export function checkIdNumber(raw: string | number | null | undefined, today?: string): IdCheck {
  if (raw === null || raw === undefined || String(raw).trim() === '') return { ok: false, problem: { code: 'ID_EMPTY', message: '身份证号不能为空' } };
  // Excel turned the column into numbers: 3.70285E+17 in text, or a number past 15 digits that lost its tail.
  if (typeof raw === 'number' || /^\d(\.\d+)?E\+\d+$/i.test(String(raw).trim())) {
    const shown = typeof raw === 'number' ? String(raw) : String(raw).trim();
    if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || /E/i.test(shown) || String(raw).length >= 16)
      return {
        ok: false,
        problem: { code: 'ID_EXCEL_NUMBER', message: `身份证号被 Excel 当成了数字（${excerpt(shown)}），后几位已经丢失。请把该列设为“文本”格式后重新填写身份证号` },
      };
  }
  const value = normaliseIdNumber(String(raw));
  if (/^\d{15}$/.test(value)) return { ok: false, problem: { code: 'ID_LENGTH', message: '这是 15 位的旧身份证号，请填写 18 位的二代身份证号' } };
  if (value.length !== 18) return { ok: false, problem: { code: 'ID_LENGTH', message: `身份证号应为 18 位，这里有 ${value.length} 位` } };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: { code: 'ID_CHARACTERS', message: '身份证号只能由数字和最后一位的 X 组成' } };
  if (/^\d{15}000$/.test(value) && checkDigit(value.slice(0, 17)) !== '0')
    return { ok: false, problem: { code: 'ID_EXCEL_NUMBER', message: '身份证号末三位是 000，像是被 Excel 当成数字后丢失了最后几位。请把该列设为“文本”格式后重新填写' } };
  if (!PROVINCE_CODES.has(value.slice(0, 2)) && !['71', '81', '82'].includes(value.slice(0, 2)))
    return { ok: false, problem: { code: 'ID_REGION', message: `身份证号的地区码 ${value.slice(0, 6)} 不是有效的省级行政区划代码` } };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  // setUTCFullYear, not Date.UTC: that one reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  // Any real calendar date is a valid number (the standard's own example is born in 1880);
  // whether it is plausible for a candidate is `checkCandidateIdNumber`'s question.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false, problem: { code: 'ID_BIRTH_DATE', message: `身份证号中的出生日期 ${value.slice(6, 14)} 不是有效的日期` } };
  if (birthDate > todayString(today)) return { ok: false, problem: { code: 'ID_BIRTH_DATE', message: `身份证号中的出生日期 ${birthDate} 晚于今天，不是有效的出生日期` } };
  const expected = checkDigit(value.slice(0, 17));
  if (value[17] !== expected) return { ok: false, problem: { code: 'ID_CHECK_DIGIT', message: `身份证号校验位不正确（最后一位应为 ${expected}），请核对是否有数字输错` } };
  return { ok: true, value, birthDate, sex: Number(value[16]) % 2 === 1 ? '男' : '女' };
}

/**
 * How much of an ID number a printed sheet shows: the first and last digits kept, the rest
 * printed as a fixed run of asterisks (so the length of what is hidden shows nothing either).
 * A setting (设置 → 打印); the default is the platform's own: 370285*****5910.
 */
export interface IdMaskRule {
  keepFirst: number;
  keepLast: number;
  stars: number;
}

export const DEFAULT_ID_MASK_RULE: IdMaskRule = { keepFirst: 6, keepLast: 4, stars: 5 };

/** Never more than 10 of the 18 characters on paper: the 8-digit birth date stays hidden whatever the rule. */
export const ID_MASK_MAX_SHOWN = 10;
export const ID_MASK_MAX_STARS = 12;

/**
 * 370285*****5910: what printed sheets show (DESIGN.md §4, PII). A rule out of its limits (a
 * hand-edited store, a newer version's value) is narrowed to them rather than printing more.
 */
export function maskIdNumber(id: string, rule: IdMaskRule = DEFAULT_ID_MASK_RULE): string {
  if (id.length !== 18) return id;
  const whole = (n: number, max: number) => (Number.isInteger(n) ? Math.min(Math.max(n, 0), max) : 0);
  const first = whole(rule.keepFirst, ID_MASK_MAX_SHOWN);
  const last = whole(rule.keepLast, ID_MASK_MAX_SHOWN - first);
  const stars = Math.max(1, whole(rule.stars, ID_MASK_MAX_STARS));
  return `${id.slice(0, first)}${'*'.repeat(stars)}${last ? id.slice(18 - last) : ''}`;
}

/** 保留前 6 位、后 4 位，中间 5 个星号: a rule as the settings page and the audit log say it. */
export function describeIdMaskRule(rule: IdMaskRule): string {
  return `保留前 ${rule.keepFirst} 位、后 ${rule.keepLast} 位，中间 ${rule.stars} 个星号`;
}
