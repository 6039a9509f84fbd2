import { describe, expect, it } from 'vitest';
import { idMaskRuleSchema, settingsSchema } from '../../src-shared/api/settings';
import { DEFAULT_ID_MASK_RULE, describeIdMaskRule, maskIdNumber } from '../../src-shared/domain/id-number';

const ID = '370285200001015910';

describe('ID number masking rule', () => {
  it('prints by default as the platform does: first 6, five asterisks, last 4', () => {
    expect(maskIdNumber(ID)).toBe('370285*****5910');
    expect(maskIdNumber(ID, DEFAULT_ID_MASK_RULE)).toBe('370285*****5910');
    expect(maskIdNumber('37050220000101161X')).toBe('370502*****161X');
  });

  it('follows another rule', () => {
    expect(maskIdNumber(ID, { keepFirst: 3, keepLast: 4, stars: 11 })).toBe('370***********5910');
    expect(maskIdNumber(ID, { keepFirst: 0, keepLast: 4, stars: 4 })).toBe('****5910');
    expect(maskIdNumber(ID, { keepFirst: 6, keepLast: 0, stars: 8 })).toBe('370285********');
    expect(maskIdNumber(ID, { keepFirst: 10, keepLast: 0, stars: 1 })).toBe('3702852000*');
  });

  it('never shows more than 10 characters, whatever rule it is handed', () => {
    for (const rule of [
      { keepFirst: 18, keepLast: 18, stars: 5 },
      { keepFirst: 6, keepLast: 8, stars: 5 },
      { keepFirst: -3, keepLast: 12, stars: 5 },
      { keepFirst: 2.5, keepLast: Number.NaN, stars: 5 },
    ]) {
      const shown = maskIdNumber(ID, rule).replace(/\*/g, '');
      expect(shown.length, JSON.stringify(rule)).toBeLessThanOrEqual(10);
      expect(maskIdNumber(ID, rule)).not.toContain('20000101');
    }
    expect(maskIdNumber(ID, { keepFirst: 6, keepLast: 4, stars: 0 })).toBe('370285*5910');
    expect(maskIdNumber(ID, { keepFirst: 6, keepLast: 4, stars: 99 })).toBe(`370285${'*'.repeat(12)}5910`);
  });

  it('is a setting validated with Chinese messages, the default the platform’s', () => {
    expect(settingsSchema.shape.idMaskRule.parse(DEFAULT_ID_MASK_RULE)).toEqual(DEFAULT_ID_MASK_RULE);
    const tooMany = idMaskRuleSchema.safeParse({ keepFirst: 6, keepLast: 5, stars: 5 });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues[0]?.message).toContain('最多显示 10 位');
    expect(idMaskRuleSchema.safeParse({ keepFirst: 6, keepLast: 4, stars: 0 }).error?.issues[0]?.message).toBe('星号个数至少 1 个');
    expect(idMaskRuleSchema.safeParse({ keepFirst: 1.5, keepLast: 4, stars: 5 }).error?.issues[0]?.message).toBe('保留前几位必须是整数');
    expect(idMaskRuleSchema.safeParse({ keepFirst: 6, keepLast: 4, stars: 5, extra: 1 }).success).toBe(false);
    expect(describeIdMaskRule(DEFAULT_ID_MASK_RULE)).toBe('保留前 6 位、后 4 位，中间 5 个星号');
  });
});
