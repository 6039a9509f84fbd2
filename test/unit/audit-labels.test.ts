import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_LABELS, OPERATION_LABELS } from '../../src-shared/domain/audit-labels';

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
