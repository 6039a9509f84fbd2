import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_AGE, checkCandidateIdNumber, checkEntryYear, checkName, checkPhone, checkPinyin, pinyinOf } from '../../src-shared/domain/candidate';
import { checkDigit, checkIdNumber, maskIdNumber, normaliseIdNumber } from '../../src-shared/domain/id-number';

const problem = (r: { ok: boolean; problem?: { code: string } }) => (r.ok ? 'ok' : r.problem!.code);

describe('ID number (GB 11643)', () => {
  it('accepts valid numbers and reads birth date and sex', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', sex: '女' });
    expect(checkIdNumber('370681200403156810')).toMatchObject({ ok: true, birthDate: '2004-03-15', sex: '男' });
  });

  it('normalises lower-case x, full-width digits and stray spaces', () => {
    expect(normaliseIdNumber(' １１０１０５ 19491231002x ')).toBe('11010519491231002X');
    expect(checkIdNumber('11010519491231002x')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('names each way a number can be wrong', () => {
    expect(problem(checkIdNumber(''))).toBe('ID_EMPTY');
    expect(problem(checkIdNumber('3.70285E+17'))).toBe('ID_EXCEL_NUMBER');
    expect(problem(checkIdNumber(370681200403156810))).toBe('ID_EXCEL_NUMBER');
    expect(problem(checkIdNumber('370285200301015000'))).toBe('ID_EXCEL_NUMBER');
    expect(problem(checkIdNumber('370285030101591'))).toBe('ID_LENGTH');
    expect(checkIdNumber('370285030101591')).toMatchObject({ problem: { message: expect.stringContaining('15 位的旧身份证号') } });
    expect(problem(checkIdNumber('37028520030101591'))).toBe('ID_LENGTH');
    expect(problem(checkIdNumber('37028520030101591A'))).toBe('ID_CHARACTERS');
    expect(problem(checkIdNumber(`990285200301015${'91'}0`))).toBe('ID_REGION');
    expect(problem(checkIdNumber(`370285200302305910`))).toBe('ID_BIRTH_DATE');
    expect(problem(checkIdNumber('370681200403156811'))).toBe('ID_CHECK_DIGIT');
    expect(checkIdNumber('370681200403156811')).toMatchObject({ problem: { message: '身份证号校验位不正确（最后一位应为 0），请核对是否有数字输错' } });
    expect(problem(checkIdNumber('370285209901015910', '2026-11-29'))).toBe('ID_BIRTH_DATE');
  });

  it('accepts every number built with the right check digit, and refuses every single-digit typo', () => {
    const body = fc.tuple(
      fc.constantFrom('11', '37', '44', '65'),
      fc.integer({ min: 0, max: 9999 }),
      fc.date({ min: new Date('1950-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 999 }),
    );
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), ([p, r, d, s], pos, delta) => {
        const first17 = `${p}${String(r).padStart(4, '0')}${d.toISOString().slice(0, 10).replace(/-/g, '')}${String(s).padStart(3, '0')}`;
        const id = first17 + checkDigit(first17);
        if (!checkIdNumber(id).ok) return false;
        if (pos < 6 || (pos >= 6 && pos < 14)) return true; // region and date typos may form another valid number
        const typo = first17.slice(0, pos) + String((Number(first17[pos]) + delta) % 10) + first17.slice(pos + 1) + id[17];
        return !checkIdNumber(typo).ok;
      }),
    );
  });

  it('takes any real calendar date, as old as the example in the standard (born 1880-01-01)', () => {
    expect(checkIdNumber('440524188001010014', '2026-03-01')).toEqual({ ok: true, value: '440524188001010014', birthDate: '1880-01-01', sex: '男' });
    expect(checkIdNumber('370285200302305910')).toMatchObject({ ok: false, problem: { code: 'ID_BIRTH_DATE', message: '身份证号中的出生日期 20030230 不是有效的日期' } });
    expect(checkIdNumber('370285209901015910', '2026-11-29')).toMatchObject({ ok: false, problem: { message: '身份证号中的出生日期 2099-01-01 晚于今天，不是有效的出生日期' } });
  });

  it('masks for printing as 370681*****6810', () => {
    expect(maskIdNumber('370681200403156810')).toBe('370681*****6810');
  });
});

describe('ID number of a candidate', () => {
  const id = (birth: string) => {
    const first17 = `370602${birth.replace(/-/g, '')}358`;
    return first17 + checkDigit(first17);
  };

  it('refuses a real but implausible birth date, saying so truly, and keeps every rule of the number itself', () => {
    expect(CANDIDATE_AGE).toEqual({ min: 10, max: 100 });
    expect(checkCandidateIdNumber('440524188001010014', '2026-03-01')).toEqual({
      ok: false,
      problem: { code: 'ID_BIRTH_RANGE', message: '身份证号中的出生日期 1880-01-01 不在合理范围内（考生年龄应为 10–100 周岁）' },
    });
    expect(checkCandidateIdNumber('370681200403156811', '2026-03-01')).toMatchObject({ ok: false, problem: { code: 'ID_CHECK_DIGIT' } });
    expect(checkCandidateIdNumber('370285200302305910', '2026-03-01')).toMatchObject({ ok: false, problem: { code: 'ID_BIRTH_DATE' } });
    expect(checkCandidateIdNumber('370681200403156810', '2026-03-01')).toMatchObject({ ok: true, birthDate: '2004-03-15' });
  });

  it('draws the line at 10 and at 100 full years of age on the day', () => {
    const today = '2026-03-01';
    expect(checkCandidateIdNumber(id('2016-03-01'), today)).toMatchObject({ ok: true }); // 10 today
    expect(checkCandidateIdNumber(id('2016-03-02'), today)).toMatchObject({ ok: false, problem: { code: 'ID_BIRTH_RANGE' } }); // 9
    expect(checkCandidateIdNumber(id('1925-03-02'), today)).toMatchObject({ ok: true }); // 100
    expect(checkCandidateIdNumber(id('1925-03-01'), today)).toMatchObject({ ok: false, problem: { code: 'ID_BIRTH_RANGE' } }); // 101 today
  });
});

describe('names, phones, pinyin, years', () => {
  it('checks names, allowing the middle dot and dropping inner spaces', () => {
    expect(checkName(' 张 伟 ')).toEqual({ ok: true, value: '张伟' });
    expect(checkName('买买提·艾力')).toMatchObject({ ok: true });
    expect(problem(checkName('Zhang Wei'))).toBe('NAME_FORMAT');
    expect(problem(checkName('张'))).toBe('NAME_FORMAT');
    expect(problem(checkName(''))).toBe('NAME_EMPTY');
  });

  it('checks mainland mobiles, forgiving +86, spaces and full-width digits', () => {
    expect(checkPhone('+86 138-0535-1234')).toEqual({ ok: true, value: '13805351234' });
    expect(checkPhone('１３８０５３５１２３４')).toEqual({ ok: true, value: '13805351234' });
    expect(checkPhone(13805351234)).toEqual({ ok: true, value: '13805351234' });
    expect(problem(checkPhone('0535-6927000'))).toBe('PHONE_FORMAT');
    expect(problem(checkPhone('12805351234'))).toBe('PHONE_FORMAT');
  });

  it('fills pinyin reading surnames as surnames, and checks given pinyin', () => {
    expect(pinyinOf('单雄信')).toBe('shan xiong xin');
    expect(pinyinOf('曾国藩')).toBe('zeng guo fan');
    expect(pinyinOf('吕布')).toBe('lv bu');
    expect(checkPinyin('张伟', 'ZHANG Wei')).toEqual({ ok: true, value: 'zhang wei' });
    expect(checkPinyin('张伟', 'zhāng wěi')).toMatchObject({ ok: true });
    expect(checkPinyin('张伟', '')).toEqual({ ok: true, value: 'zhang wei' });
    expect(checkPinyin('张伟', 'li wei')).toMatchObject({ ok: false, problem: { code: 'PINYIN_MISMATCH' } });
    // ü however it is typed, a tone mark on it too.
    for (const given of ['lv bu', 'lü bu', 'lu: bu', 'lǚ bù']) expect(checkPinyin('吕布', given), given).toMatchObject({ ok: true });
  });

  it('checks entry years in range', () => {
    expect(checkEntryYear('2024', 2026)).toEqual({ ok: true, value: 2024 });
    expect(checkEntryYear('2024年', 2026)).toEqual({ ok: true, value: 2024 });
    expect(problem(checkEntryYear('1999', 2026))).toBe('YEAR_RANGE');
    expect(problem(checkEntryYear('2028', 2026))).toBe('YEAR_RANGE');
  });
});
