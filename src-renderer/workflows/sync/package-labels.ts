import type { OpName } from '../../../src-shared/api';
import type { CertificateRow, PlanListRow } from '../../../src-shared/api/catalog';
import type { EntityChange, KindCount } from '../../../src-shared/api/packages';
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
  'declarations.list',
  'declarations.get',
  'declarations.plans',
  'quota.get',
  'yearboard.get',
  'sites.list',
  'sites.get',
  'rooms.list',
  'payments.list',
  'payments.get',
  'payments.plans',
  'schedule.plans',
  'schedule.summary',
  'schedule.overview',
  'schedule.rooms',
  'schedule.seats',
  'scores.plans',
  'scores.list',
  'scores.candidate',
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

/** The preview's fields that hold an evaluation organisation's code (PJ001), shown by its name. */
const ORGANISATION_FIELDS = new Set(['考核单位', '培训评价组织']);

/**
 * Organisation code → name: what the store knows (through the catalog it lists), then what the
 * package itself brings (a new or renamed organisation in its catalog), which wins.
 */
export function organisationNames(
  changes: readonly EntityChange[],
  certificates: readonly Pick<CertificateRow, 'orgCode' | 'orgName'>[] = [],
  plans: readonly Pick<PlanListRow, 'orgCode' | 'orgName'>[] = [],
): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const r of [...certificates, ...plans]) if (r.orgName && r.orgName !== r.orgCode) names.set(r.orgCode, r.orgName);
  for (const c of changes) {
    if (c.entity !== '培训评价组织' || !c.key.startsWith('org:')) continue;
    const name = c.changes.find((f) => f.field === '名称')?.new;
    names.set(c.key.slice('org:'.length), typeof name === 'string' && name ? name : c.title);
  }
  return names;
}

/** A field's value as the preview shows it: an organisation by its name where it is known. */
export function fieldValue(field: string, v: unknown, organisations: ReadonlyMap<string, string>): unknown {
  return ORGANISATION_FIELDS.has(field) && typeof v === 'string' ? (organisations.get(v) ?? v) : v;
}
