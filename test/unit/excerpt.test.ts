import { describe, expect, it } from 'vitest';
import { findHeader, judgeRows } from '../../src-main/core/candidates/import-rows';
import type { Sheet } from '../../src-main/pipelines/xlsx/sheet-reader';
import { checkEntryYear, checkName, checkPhone, checkPinyin } from '../../src-shared/domain/candidate';
import { checkIdNumber } from '../../src-shared/domain/id-number';
import { excerpt } from '../../src-shared/excerpt';
import { SCHOOL_HEADERS } from '../fixtures/candidate-sheets';

const LONG = '张'.repeat(32_767);
const message = (r: { ok: boolean; problem?: { message: string } }) => (r.ok ? '' : r.problem!.message);

describe('messages quote a value by its excerpt only', () => {
  it('excerpt: the first characters and "…", never half a surrogate pair', () => {
    expect(excerpt('张伟')).toBe('张伟');
    expect(excerpt('张'.repeat(1_000_000))).toBe(`${'张'.repeat(20)}…`);
    expect(excerpt(`${'a'.repeat(19)}😀b`)).toBe(`${'a'.repeat(19)}…`);
    expect(excerpt(12345, 3)).toBe('123…');
    expect(excerpt(null)).toBe('');
  });

  it('the field checks', () => {
    expect(message(checkName(LONG))).toBe(`姓名“${'张'.repeat(20)}…”应为 2–30 个汉字（少数民族姓名可含“·”）`);
    expect(message(checkPhone('1'.repeat(32_767)))).toBe(`手机号“${'1'.repeat(20)}…”不是 11 位中国大陆手机号`);
    expect(message(checkPinyin('张伟', 'zhang'.repeat(6000))).length).toBeLessThan(100);
    expect(message(checkEntryYear('2'.repeat(32_767), 2026)).length).toBeLessThan(60);
    expect(message(checkIdNumber(`3.${'7'.repeat(32_000)}E+17`)).length).toBeLessThan(80);
  });

  it('the import rows: unknown majors and levels, formulas and error values', () => {
    const sheet: Sheet = {
      name: 'S',
      merges: [],
      rows: [
        { rowNumber: 1, cells: SCHOOL_HEADERS },
        { rowNumber: 2, cells: ['张伟', null, '370681200403156810', '13805351234', LONG, LONG, { formula: `A1&${'B1&'.repeat(10_000)}C1`, result: null }] },
        { rowNumber: 3, cells: ['李娜', null, '11010519491231002X', { error: `#${'N'.repeat(32_000)}` }, '物流管理', '高职专科', 2025] },
      ],
    };
    const outcomes = judgeRows(sheet, findHeader(sheet, 'school', '表格'), {
      kind: 'school',
      mode: 'create',
      existing: new Map(),
      majors: new Set(['物流管理']),
      currentYear: 2026,
      today: '2026-03-01',
    });
    const issues = outcomes.flatMap((o) => [...o.errors, ...o.warnings]);
    expect(issues.map((i) => i.code).sort()).toEqual(['CELL_UNREADABLE', 'CELL_UNREADABLE', 'LEVEL_UNKNOWN', 'MAJOR_UNKNOWN']);
    for (const i of issues) expect(i.message.length).toBeLessThan(100);
  });
});
