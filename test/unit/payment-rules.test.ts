import { describe, expect, it } from 'vitest';
import { chineseAmount, formatYuan, groupLabel, PAYMENT_ORDER_NUMBER, paymentOrderNumber, yuanToFen } from '../../src-shared/domain/payment';

describe('amounts', () => {
  it('writes fen as yuan with two decimals and thousands separators', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(192_000)).toBe('1,920.00');
    expect(formatYuan(123_456_789)).toBe('1,234,567.89');
  });

  it('takes yuan typed into a form as fen, refusing more than two decimals', () => {
    expect(yuanToFen(12.34)).toBe(1234);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(280)).toBe(28_000);
    expect(yuanToFen(1.005)).toBeNull();
    expect(yuanToFen(Number.NaN)).toBeNull();
  });

  it('writes an amount in capitals as banks do: zeros read once, 整 when there are no jiao or fen', () => {
    const cases: [number, string][] = [
      [0, '零元整'],
      [5, '伍分'],
      [50, '伍角'],
      [1005, '壹拾元零伍分'],
      [10_050, '壹佰元伍角'],
      [168_032, '壹仟陆佰捌拾元叁角贰分'],
      [100_000, '壹仟元整'],
      [123_456, '壹仟贰佰叁拾肆元伍角陆分'],
      [192_000, '壹仟玖佰贰拾元整'],
      [100_500, '壹仟零伍元整'],
      [1_000_500, '壹万零伍元整'],
      [12_000_000, '壹拾贰万元整'],
      [100_000_000_00, '壹亿元整'],
      [100_010_000_00, '壹亿零壹万元整'],
      [2_030_400_500_00, '贰拾亿叁仟零肆拾万零伍佰元整'],
    ];
    for (const [fen, text] of cases) expect(chineseAmount(fen), String(fen)).toBe(text);
    expect(() => chineseAmount(-1)).toThrow(RangeError);
    expect(() => chineseAmount(1.5)).toThrow(RangeError);
  });
});

describe('order numbers', () => {
  it('are JF, the institution code, the Beijing date and a sequence of at least four digits, letters and digits only', () => {
    expect(paymentOrderNumber('4137014320', '2026-06-15', 7)).toBe('JF4137014320202606150007');
    expect(paymentOrderNumber('4137014320', '2026-06-15', 12_345)).toBe('JF41370143202026061512345');
    expect(PAYMENT_ORDER_NUMBER.test(paymentOrderNumber('4137014320', '2026-06-15', 1))).toBe(true);
    expect(PAYMENT_ORDER_NUMBER.test('JF-4137014320-20260615-0001')).toBe(false);
  });

  it('names a group by certificate and level, and its subject by name and code', () => {
    expect(groupLabel({ certificateName: '物流管理职业技能等级证书', level: '初级', subjectCode: null, subjectName: null })).toBe('物流管理职业技能等级证书（初级）');
    expect(groupLabel({ certificateName: '物流管理职业技能等级证书', level: '初级', subjectCode: '098694', subjectName: '基础考核' })).toBe(
      '物流管理职业技能等级证书（初级） · 基础考核（098694）',
    );
  });
});
