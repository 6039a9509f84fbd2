import { pinyin } from 'pinyin-pro';
import { excerpt } from '../excerpt';
import { MAJOR_LEVELS } from './catalog';
import { checkIdNumber, todayString, type IdCheck } from './id-number';

/**
 * 考生 (the manual's 2.2.4): one record per person, unique by ID number, imported once and kept
 * across exams. Field rules live here so the form, the spreadsheet import and main agree.
 */
export const CANDIDATE_KINDS = ['school', 'social'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];
export const CANDIDATE_KIND_LABELS: Record<CandidateKind, string> = { school: '院校考生', social: '社会考生' };

export const REALNAME_STATUSES = ['unverified', 'verified', 'failed', 'confirmed'] as const;
export type RealnameStatus = (typeof REALNAME_STATUSES)[number];
export const REALNAME_LABELS: Record<RealnameStatus, string> = {
  unverified: '未认证',
  verified: '已认证',
  failed: '认证失败',
  confirmed: '人工确认',
};

export const EDUCATION_LEVELS = ['初中', '高中', '中专', '大专', '本科', '硕士研究生', '博士研究生'] as const;

export interface Candidate {
  id: number;
  kind: CandidateKind;
  name: string;
  namePinyin: string;
  idNumber: string;
  phone: string | null;
  /** 院校考生: 就读专业 / 专业层次 / 入学年份. */
  major: string | null;
  majorLevel: string | null;
  entryYear: number | null;
  /** 社会考生: 最高学历 / 工作单位. */
  education: string | null;
  employer: string | null;
  hasPhoto: boolean;
  realnameStatus: RealnameStatus;
  realnameReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export type FieldProblem = { code: string; message: string };
export type FieldCheck<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

const FULL_WIDTH_DIGITS = /[\uFF10-\uFF19]/g;
const halfWidth = (s: string) => s.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** A name as people type it, one spelling: no spaces (ideographic ones too), one middle dot for minority names (买买提·艾力). */
export function unifyName(raw: string): string {
  return raw.replace(/\s/g, '').replace(/[.．•・‧]/g, '·');
}

/** Chinese names: Han characters, with the middle dot of minority names; inner spaces dropped. */
export function checkName(raw: unknown): FieldCheck<string> {
  const value = unifyName(String(raw ?? ''));
  if (!value) return { ok: false, problem: { code: 'NAME_EMPTY', message: '姓名不能为空' } };
  if (!/^[\p{Script=Han}·]{2,30}$/u.test(value) || value.startsWith('·') || value.endsWith('·'))
    return { ok: false, problem: { code: 'NAME_FORMAT', message: `姓名“${excerpt(value)}”应为 2–30 个汉字（少数民族姓名可含“·”）` } };
  return { ok: true, value };
}

/**
 * Ages a candidate can have on the day they are entered, in full years: 1+X candidates are
 * students from 中职 up and working adults, and no one younger than 10 or older than 100
 * sits these exams. A birth date outside is a typo, not a person.
 */
export const CANDIDATE_AGE = { min: 10, max: 100 } as const;

/** A valid GB 11643 number whose holder is of an age to be a candidate on `today` (YYYY-MM-DD, Beijing). */
export function checkCandidateIdNumber(raw: string | number | null | undefined, today?: string): IdCheck {
  const id = checkIdNumber(raw, today);
  if (!id.ok) return id;
  const day = todayString(today);
  const yearsBefore = (n: number) => `${String(Number(day.slice(0, 4)) - n).padStart(4, '0')}${day.slice(4)}`;
  // Compared as YYYY-MM-DD text: born on or before the day `min` years ago, and after the day `max + 1` years ago.
  if (id.birthDate > yearsBefore(CANDIDATE_AGE.min) || id.birthDate <= yearsBefore(CANDIDATE_AGE.max + 1))
    return {
      ok: false,
      problem: { code: 'ID_BIRTH_RANGE', message: `身份证号中的出生日期 ${id.birthDate} 不在合理范围内（考生年龄应为 ${CANDIDATE_AGE.min}–${CANDIDATE_AGE.max} 周岁）` },
    };
  return id;
}

/** 11-digit mainland mobile; +86, spaces and dashes forgiven. */
export function checkPhone(raw: unknown): FieldCheck<string> {
  if (raw === null || raw === undefined || String(raw).trim() === '') return { ok: false, problem: { code: 'PHONE_EMPTY', message: '手机号不能为空' } };
  const value = halfWidth(String(raw))
    .replace(/[\s\-－()（）]/g, '')
    .replace(/^(\+?86)(?=1\d{10}$)/, '');
  if (!/^1[3-9]\d{9}$/.test(value)) return { ok: false, problem: { code: 'PHONE_FORMAT', message: `手机号“${excerpt(String(raw).trim())}”不是 11 位中国大陆手机号` } };
  return { ok: true, value };
}

/** Pinyin as the platform wants it: lower-case syllables separated by spaces, surnames read as surnames. */
export function pinyinOf(name: string): string {
  return pinyin(name.replace(/·/g, ''), { toneType: 'none', surname: 'head', type: 'array', v: true }).join(' ').toLowerCase();
}

/**
 * Pinyin as plain letters: lower case, tone marks and spaces gone, ü (also typed u: or v) as v.
 * Decomposed first, so a ü that carries a tone (ǚ) is a ü too.
 */
export function plainPinyin(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/u\u0308|u:/g, 'v')
    .replace(/[\u0300-\u036f\s]/g, '');
}

const squash = (s: string) => plainPinyin(s).replace(/[^a-z]/g, '');

/** The readings a name's pinyin may give: surnames read as surnames (the default), or every character as usual. */
export function pinyinReadings(name: string): [string, string] {
  return [pinyinOf(name), pinyin(name.replace(/·/g, ''), { toneType: 'none', type: 'array', v: true }).join(' ')];
}

/**
 * The syllables `namePinyin` spells, one per character of the name, as plain letters. A person
 * may have typed the pinyin without spaces, or spaced it by word: then the reading it matches
 * gives the syllables.
 */
export function pinyinSyllables(name: string, namePinyin: string): string[] {
  const given = namePinyin.trim().split(/\s+/).filter(Boolean);
  if (!given.length || given.length === [...name.replace(/·/g, '')].length) return given.map(squash);
  const reading = pinyinReadings(name).find((r) => squash(r) === squash(namePinyin));
  return (reading?.split(' ') ?? given).map(squash);
}

/** Accepts the given pinyin when it reads the name (any spacing, case or tone marks). */
export function checkPinyin(name: string, raw: unknown): FieldCheck<string> {
  const given = String(raw ?? '').trim();
  if (!given) return { ok: true, value: pinyinOf(name) };
  const readings = pinyinReadings(name);
  if (!readings.some((r) => squash(r) === squash(given)))
    return { ok: false, problem: { code: 'PINYIN_MISMATCH', message: `姓名拼音“${excerpt(given, 40)}”与姓名“${excerpt(name, 30)}”的读音（${excerpt(readings[0], 40)}）不符` } };
  return { ok: true, value: given.toLowerCase().replace(/\s+/g, ' ') };
}

export function checkEntryYear(raw: unknown, currentYear: number): FieldCheck<number> {
  const text = halfWidth(String(raw ?? '').trim()).replace(/年$/, '');
  if (!text) return { ok: false, problem: { code: 'YEAR_EMPTY', message: '入学年份不能为空' } };
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > currentYear + 1)
    return { ok: false, problem: { code: 'YEAR_RANGE', message: `入学年份“${excerpt(text)}”应为 2000–${currentYear + 1} 之间的年份` } };
  return { ok: true, value: year };
}

export function isKnownMajorLevel(level: string): boolean {
  return (MAJOR_LEVELS as readonly string[]).includes(level);
}

/** What keeps a candidate from being enrolled (the manual: complete data, photo, real-name check). */
export function missingForEnrollment(c: Pick<Candidate, 'kind' | 'phone' | 'namePinyin' | 'major' | 'majorLevel' | 'entryYear' | 'hasPhoto' | 'realnameStatus'>): string[] {
  const missing: string[] = [];
  if (!c.namePinyin) missing.push('姓名拼音');
  if (!c.phone) missing.push('手机号');
  if (c.kind === 'school') {
    if (!c.major) missing.push('就读专业');
    if (!c.majorLevel) missing.push('专业层次');
    if (!c.entryYear) missing.push('入学年份');
  }
  if (!c.hasPhoto) missing.push('照片');
  if (c.realnameStatus !== 'verified' && c.realnameStatus !== 'confirmed') missing.push(c.realnameStatus === 'failed' ? '实名认证失败待确认' : '未实名认证');
  return missing;
}

/**
 * Why 人工确认 cannot be done (yet), or null. The coordinator confirms that the name, the ID
 * number and the photo are this person's, so without a photo there is nothing to confirm.
 */
export function realnameConfirmRefusal(c: Pick<Candidate, 'name' | 'hasPhoto' | 'realnameStatus'>): string | null {
  if (c.realnameStatus === 'verified' || c.realnameStatus === 'confirmed') return `考生“${c.name}”已通过实名认证，无需人工确认。`;
  if (!c.hasPhoto) return `考生“${c.name}”还没有照片。人工确认要核对照片确属本人，请先上传照片再人工确认。`;
  return null;
}

/** What would still keep a candidate from enrolling once 人工确认 is done: the dialog says it before, not after. */
export function missingAfterConfirm(c: Parameters<typeof missingForEnrollment>[0]): string[] {
  return missingForEnrollment({ ...c, realnameStatus: 'confirmed' });
}
