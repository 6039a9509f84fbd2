import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_LABELS, formatAuditValue, idNumbersIn, maskIdNumbersIn, OPERATION_LABELS } from '../../src-shared/domain/audit-labels';

/** Every `.ts` file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

describe('the audit page', () => {
  it('names every operation and entity the core writes to the audit log in Chinese', () => {
    const code = sources(join(import.meta.dirname, '../../src-main')).join('\n');
    const operations = new Set([...code.matchAll(/operation: '([\w.]+)'/g)].map((m) => m[1]!));
    const entities = new Set([...code.matchAll(/entityType: '([\w-]+)'/g)].map((m) => m[1]!));
    expect(operations.size).toBeGreaterThan(10);
    expect([...operations].filter((o) => !/\p{Script=Han}/u.test(OPERATION_LABELS[o] ?? ''))).toEqual([]);
    expect([...entities].filter((e) => !/\p{Script=Han}/u.test(ENTITY_LABELS[e] ?? ''))).toEqual([]);
  });
});

describe('audit values', () => {
  it('masks every ID number in a text, lower-case x too, but not a run of digits inside a longer one (a hash)', () => {
    expect(maskIdNumbersIn('realname:37028520060101123X，37068120070312351x.jpg')).toBe('realname:370285*****123X，370681*****351X.jpg');
    expect(maskIdNumbersIn('sha256 9f370285200601011234abc 1370285200601011234')).toBe('sha256 9f370285200601011234abc 1370285200601011234');
    expect(idNumbersIn('{"key":"37028520060101123x","n":"12345"}')).toEqual(['37028520060101123X']);
  });

  it('writes values as people read them', () => {
    expect(formatAuditValue('user', 'role', 'coordinator')).toBe('业务管理员');
    expect(formatAuditValue('user', 'disabled', false)).toBe('否');
    expect(formatAuditValue('candidate', 'kind', 'social')).toBe('社会考生');
    expect(formatAuditValue('candidate', 'realnameStatus', 'confirmed')).toBe('人工确认');
    expect(formatAuditValue('candidate', 'size', 2048)).toBe('2.0 KB');
    expect(formatAuditValue('candidate', 'phone', '')).toBeNull();
    expect(formatAuditValue('candidate-import', 'mode', 'update')).toBe('批量修改');
    expect(formatAuditValue('candidate-import', 'counts', { new: 3, updated: 1 })).toBe('新增 3，更新 1');
    expect(formatAuditValue('package', 'kinds', ['catalog', 'exam-plans'])).toBe('证书目录、考试计划');
    expect(formatAuditValue('package', 'counts', { catalog: { new: 3, changed: 0 }, 'exam-plans': { new: 1, changed: 2 } })).toBe(
      '证书目录：新增 3，更新 0；考试计划：新增 1，更新 2',
    );
    // Instants in Beijing time, whatever the PC's zone: 16:30 UTC is past midnight there.
    expect(formatAuditValue('user', 'lastLoginAt', '2026-03-01T16:30:00.000Z')).toBe('2026-03-02 00:30:00');
    expect(formatAuditValue('settings', 'platformPublicKeys', ['a', 'b'])).toBe('2 个公钥');
    expect(formatAuditValue('candidate', 'idNumber', '37028520060101123X')).toBe('370285*****123X');
  });
});
