import { unifyName } from '../../../src-shared/domain/candidate';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { PACKAGE_YEARS, type Manifest } from '../../../src-shared/domain/package';
import { PACKAGE_KINDS, type InboundKind, type OutboundKind, type PayloadOf } from '../../../src-shared/domain/package-kinds';
import { AppError } from '../../../src-shared/errors';
import type { ExtraFile } from '../../pipelines/packages/write-package';
import type { SummarySection } from '../../pipelines/xlsx/summary-sheet';
import type { Store } from '../../store/store';

/** An entity's fields as a person reads them: what the preview shows as old → new. */
export type Fields = Record<string, unknown>;

/**
 * One thing a package would put in the store, and how to write it. Inbound imports are upserts:
 * the platform sends what it knows; nothing is deleted because a package left it out.
 */
export interface EntityRecord {
  kind: InboundKind;
  /** Chinese name of the entity type: 证书, 考试科目, 考试计划… */
  entity: string;
  key: string;
  title: string;
  fields: Fields;
  write(store: Store): void;
}

/** What a kind's reference checks may look at: the store, the other payloads of the same package, and the clock (a schedule is final once its exam starts). */
export interface ReferenceContext {
  store: Store;
  payloads: Partial<{ [K in InboundKind]: PayloadOf<K> }>;
  now: Date;
}

/**
 * How one inbound kind is applied. The registry (`core/registry/package-kinds.ts`) holds one per
 * inbound kind of PACKAGE_KINDS, and a package is applied kind by kind in `dependsOn` order.
 */
export interface InboundModule<K extends InboundKind> {
  /** Kinds whose entities this one refers to: applied before it when they come in the same package. */
  dependsOn: readonly InboundKind[];
  /** Rules on the payload and its manifest beyond the schema (a plan's weights, a time of issue after the package was made): a problem refuses the package. */
  validate?(payload: PayloadOf<K>, manifest: Manifest): string | null;
  /** What the payload refers to must exist, in the store or in the kinds it depends on; refuses with `refuseReference`. */
  checkReferences?(payload: PayloadOf<K>, ctx: ReferenceContext): void;
  /**
   * The entities of this kind in the store now, by record key: at least those the payload's
   * records could be (a kind whose store grows year by year reads only what the payload names).
   */
  existing(store: Store, payload: PayloadOf<K>): Map<string, Fields>;
  /** What the payload would write. The store is there for kinds that only touch what exists (real-name results); `now` dates what it writes. */
  records(payload: PayloadOf<K>, store: Store, now: Date): EntityRecord[];
}

export type InboundModules<K extends InboundKind> = { [P in K]: InboundModule<P> };

export interface OutboundPart<K extends OutboundKind> {
  payload: PayloadOf<K>;
  count: number;
  /** This kind's section of the package's summary sheet. */
  sheet: SummarySection;
  /** Files in the platform's own templates (xlsx, photo ZIPs), beside the JSON. */
  files?: ExtraFile[];
}

export interface ExportOptions {
  /** 考生信息: send candidates who cannot enroll yet too. */
  includeIncomplete?: boolean;
  /** 考勤: this plan only (default: every plan of the platform's schedule with attendance recorded). */
  planCode?: string;
}

export interface OutboundContext {
  options: ExportOptions;
  /** A scratch folder for this export's files, removed afterwards. */
  workDir: string;
  progress(phase: string, done: number, total: number): void;
  /** The job's clock: what a kind reads may depend on the plan's windows (scores lock after 公示). */
  now: Date;
}

/** How one outbound kind is read from the store and laid out for the platform. */
export interface OutboundModule<K extends OutboundKind> {
  build(store: Store, ctx: OutboundContext): Promise<OutboundPart<K>> | OutboundPart<K>;
  /** Runs in the transaction that records the written package: what was sent is marked so. */
  onSent?(store: Store, part: OutboundPart<K>, now: Date): void;
}

export type OutboundModules<K extends OutboundKind> = { [P in K]: OutboundModule<P> };

/** A reference check's refusal: the payload file and the JSON path of what does not exist. */
export function refuseReference(kind: InboundKind, path: string, message: string): never {
  const file = PACKAGE_KINDS[kind].file;
  throw new AppError('BAD_FILE', `${file} 的内容不符合格式：${path}：${message}`, { file, path });
}

export function existingMap<T>(rows: T[], key: (r: T) => string, fields: (r: T) => Fields): Map<string, Fields> {
  return new Map(rows.map((r) => [key(r), fields(r)]));
}

/**
 * The order kinds are applied in: each after the kinds it depends on, otherwise as declared.
 * A dependency on a kind with no module, or a cycle, is a programming error found at start-up.
 */
export function applyOrder<K extends InboundKind>(modules: InboundModules<K>): K[] {
  const kinds = Object.keys(modules) as K[];
  const order: K[] = [];
  const state = new Map<K, 'visiting' | 'done'>();
  const visit = (kind: K, path: K[]) => {
    if (state.get(kind) === 'done') return;
    if (state.get(kind) === 'visiting') throw new Error(`package kinds depend on each other in a cycle: ${[...path, kind].join(' → ')}`);
    state.set(kind, 'visiting');
    for (const dep of modules[kind].dependsOn) {
      if (!kinds.includes(dep as K)) throw new Error(`package kind ${kind} depends on ${dep}, which has no inbound module`);
      visit(dep as K, [...path, kind]);
    }
    state.set(kind, 'done');
    order.push(kind);
  };
  for (const kind of kinds) visit(kind, []);
  return order;
}

/**
 * The first time of issue (or date of issue) in a payload later than the package itself was
 * made, or before 2000, as a refusal: the platform cannot have issued what it had not yet made. Dates are
 * Beijing dates, compared with the package's Beijing date.
 */
export function issuedAfterPackage(kind: InboundKind, manifest: Manifest, times: Iterable<{ path: string; at: string }>): string | null {
  const created = new Date(manifest.createdAt).getTime();
  const createdDay = institutionDate(new Date(manifest.createdAt));
  for (const { path, at } of times) {
    const late = /^\d{4}-\d{2}-\d{2}$/.test(at) ? at > createdDay : new Date(at).getTime() > created;
    if (late) return `${PACKAGE_KINDS[kind].file} 的内容不符合格式：${path}：时间 ${at} 晚于数据包的生成时间 ${manifest.createdAt}`;
    if (Number(at.slice(0, 4)) < PACKAGE_YEARS.from) return `${PACKAGE_KINDS[kind].file} 的内容不符合格式：${path}：时间 ${at} 早于 ${PACKAGE_YEARS.from} 年`;
  }
  return null;
}

/**
 * An entry naming a candidate by ID number must carry that candidate's name as the store holds it:
 * a wrong name is a sign the entry is for someone else (a typo in the ID number), never taken silently.
 */
export function nameDisagreement(given: string, stored: string, idNumber: string): string | null {
  return comparableName(given) === comparableName(stored) ? null : `姓名“${given}”与本院校身份证号 ${maskIdNumber(idNumber)} 的考生“${stored}”不一致`;
}

/** A name as two systems may both spell it: full- and half-width alike (NFKC), then as the candidate rules spell it. */
const comparableName = (name: string) => unifyName(name.normalize('NFKC'));
