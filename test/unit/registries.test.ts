import { describe, expect, it } from 'vitest';
import type { InboundKind } from '../../src-shared/domain/package-kinds';
import { PACKAGE_KINDS } from '../../src-shared/domain/package-kinds';
import { joinDisjoint } from '../../src-shared/join';
import { contract } from '../../src-shared/api';
import { applyOrder, type InboundModule, type InboundModules } from '../../src-main/core/packages/kind-module';
import { handlers, type Handlers } from '../../src-main/core/registry/handlers';
import { INBOUND, INBOUND_ORDER, OUTBOUND } from '../../src-main/core/registry/package-kinds';

const stub = (dependsOn: InboundKind[]): InboundModule<never> => ({ dependsOn, existing: () => new Map(), records: () => [] });

describe('registries', () => {
  it('have a module for every package kind of its direction, and a handler for every operation', () => {
    const inbound = Object.keys(PACKAGE_KINDS).filter((k) => PACKAGE_KINDS[k as keyof typeof PACKAGE_KINDS].direction === 'in');
    const outbound = Object.keys(PACKAGE_KINDS).filter((k) => PACKAGE_KINDS[k as keyof typeof PACKAGE_KINDS].direction === 'out');
    expect(Object.keys(INBOUND).sort()).toEqual(inbound.sort());
    expect(Object.keys(OUTBOUND).sort()).toEqual(outbound.sort());
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('fail the typecheck when a kind or an operation has no module or handler', () => {
    const { 'exam-plans': _plans, ...withoutPlans } = INBOUND;
    // @ts-expect-error — the registry must hold a module for every inbound kind of PACKAGE_KINDS.
    const inbound: InboundModules<InboundKind> = withoutPlans;
    // @ts-expect-error — a kind declared without its module (as a new 'certificate-revocations' would be).
    const withSchedule: InboundModules<InboundKind | 'certificate-revocations'> = INBOUND;
    const { 'candidates.list': _list, ...withoutList } = handlers;
    // @ts-expect-error — every operation of the contract needs its handler.
    const all: Handlers = withoutList;
    expect([inbound, withSchedule, all].every(Boolean)).toBe(true);
  });

  it('applies kinds after the kinds they depend on, whatever order they are declared in', () => {
    expect(INBOUND_ORDER.indexOf('catalog')).toBeLessThan(INBOUND_ORDER.indexOf('exam-subjects'));
    expect(INBOUND_ORDER.indexOf('exam-subjects')).toBeLessThan(INBOUND_ORDER.indexOf('exam-plans'));
    const reversed = { 'exam-plans': stub(['catalog', 'exam-subjects']), 'exam-subjects': stub(['catalog']), catalog: stub([]) } as unknown as InboundModules<InboundKind>;
    expect(applyOrder(reversed)).toEqual(['catalog', 'exam-subjects', 'exam-plans']);
  });

  it('refuses a dependency cycle, a dependency without a module, and a name declared twice', () => {
    const cycle = { catalog: stub(['exam-plans']), 'exam-plans': stub(['catalog']) } as unknown as InboundModules<InboundKind>;
    expect(() => applyOrder(cycle)).toThrow('cycle: catalog → exam-plans → catalog');
    const dangling = { 'exam-plans': stub(['exam-subjects']) } as unknown as InboundModules<InboundKind>;
    expect(() => applyOrder(dangling)).toThrow('depends on exam-subjects, which has no inbound module');
    expect(() => joinDisjoint('handler', { 'a.b': 1 }, { 'a.b': 2 })).toThrow('handler declared twice: a.b');
  });
});
