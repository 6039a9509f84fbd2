import type { OpName } from '../../../src-shared/api';
import type { KindCount } from '../../../src-shared/api/packages';
import { isPackageKind, PACKAGE_KINDS } from '../../../src-shared/domain/package-kinds';

export function kindLabel(kind: string): string {
  return isPackageKind(kind) ? PACKAGE_KINDS[kind].label : kind;
}

/** What an inbound package can change: refetched after an import or an online exchange. */
export const INBOUND_QUERIES: OpName[] = [
  'catalog.certificates',
  'catalog.subjects',
  'catalog.majors',
  'catalog.declarationPlans',
  'plans.list',
  'plans.get',
  'packages.history',
  'candidates.list',
  'candidates.summary',
  'candidates.get',
  'sites.list',
  'sites.get',
  'rooms.list',
];

/**
 * A history row's counts in a line: inbound rows count new/changed/unchanged per kind,
 * outbound rows (written by the export job) count records per kind.
 */
export function countsSummary(counts: Record<string, KindCount | number>): string {
  const entries = Object.entries(counts);
  if (entries.length === 0) return '—';
  if (entries.every(([, c]) => typeof c === 'number')) return entries.map(([k, n]) => `${kindLabel(k)} ${n as number} 条`).join('，');
  const sum = { new: 0, changed: 0, unchanged: 0 };
  for (const [, c] of entries) {
    if (typeof c === 'number') continue;
    sum.new += c.new;
    sum.changed += c.changed;
    sum.unchanged += c.unchanged;
  }
  return `新增 ${sum.new}，变更 ${sum.changed}，未变 ${sum.unchanged}`;
}

function primitive(v: unknown): string {
  if (v === null || v === undefined || v === '') return '无';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** Nested data (a plan's certificates and subjects) in words: "证书 ZS2019003，等级 初级，科目 3 项；…". */
function describe(v: unknown): string {
  if (Array.isArray(v)) return v.every((x) => x === null || typeof x !== 'object') ? v.map(primitive).join('、') : v.map(describe).join('；');
  if (v && typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => `${k} ${Array.isArray(x) ? `${x.length} 项` : x && typeof x === 'object' ? '…' : primitive(x)}`)
      .join('，');
  return primitive(v);
}

/** A value from the preview's old → new, as text a person reads. */
export function displayValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'string') {
    if (!/^[[{]/.test(v)) return v;
    try {
      return describe(JSON.parse(v));
    } catch {
      return v;
    }
  }
  return describe(v);
}
