import { basename } from 'node:path';
import type { Actor } from '../../../src-shared/actor';
import type { EntityChange, ImportResult, KindCounts, PackagePreview } from '../../../src-shared/api/packages';
import { institutionDateTime } from '../../../src-shared/domain/institution-time';
import type { Manifest } from '../../../src-shared/domain/package';
import type { InboundKind } from '../../../src-shared/domain/package-kinds';
import { AppError } from '../../../src-shared/errors';
import { payloadSpecs, readPackage, type PackageTrust, type VerifiedPackage } from '../../pipelines/packages/read-package';
import type { Store } from '../../store/store';
import { insertAudit } from '../audit/audit-log';
import { insertHistory } from './history-store';
import { readInstitution } from '../institution/institution-service';
import { INBOUND, INBOUND_ORDER } from '../registry/package-kinds';
import { readSettings } from '../settings/settings-service';
import type { EntityRecord, InboundModule, ReferenceContext } from './kind-module';

const MAX_PREVIEW_CHANGES = 2000;

export function inboundTrust(store: Store): PackageTrust {
  const inst = readInstitution(store);
  if (!inst) throw new AppError('STATE', '尚未完成首次设置，不能导入数据包。');
  const settings = readSettings(store);
  return { institutionCode: inst.code, trustedKeys: settings.platformPublicKeys, allowUnsigned: settings.allowUnsignedPackages, direction: 'in' };
}

/** The kinds this version applies, each with its rules beyond the schema. */
const INBOUND_SPECS = payloadSpecs(
  'in',
  Object.fromEntries(
    INBOUND_ORDER.flatMap((k) => (INBOUND[k].validate ? [[k, (p: unknown, m: Manifest) => (INBOUND[k] as InboundModule<InboundKind>).validate!(p as never, m)]] : [])),
  ),
);

/** Reads and verifies an inbound package against this app's kinds and the institution's trust settings. */
export function readInbound(path: string, fileName: string, store: Store): Promise<VerifiedPackage> {
  return readPackage(path, fileName, inboundTrust(store), INBOUND_SPECS);
}

interface Planned {
  record: EntityRecord;
  status: 'new' | 'changed' | 'unchanged';
  before: Record<string, unknown> | undefined;
}

/** Compares what the package brings with the store, entity by entity, kind by kind in dependency order. */
function plan(store: Store, pkg: VerifiedPackage, now: Date): Planned[] {
  const present = INBOUND_ORDER.filter((k) => pkg.payloads[k] !== undefined);
  const refs: ReferenceContext = { store, payloads: pkg.payloads as ReferenceContext['payloads'], now };
  for (const kind of present) (INBOUND[kind] as InboundModule<InboundKind>).checkReferences?.(pkg.payloads[kind] as never, refs);
  const out: Planned[] = [];
  for (const kind of present) {
    const module = INBOUND[kind] as InboundModule<InboundKind>;
    const existing = module.existing(store, pkg.payloads[kind] as never);
    for (const record of module.records(pkg.payloads[kind] as never, store, now)) {
      const before = existing.get(record.key);
      const status = !before ? 'new' : JSON.stringify(before) === JSON.stringify(record.fields) ? 'unchanged' : 'changed';
      out.push({ record, status, before });
    }
  }
  return out;
}

function countsOf(kinds: string[], planned: Planned[]): KindCounts {
  const counts: KindCounts = Object.fromEntries(kinds.map((k) => [k, { new: 0, changed: 0, unchanged: 0 }]));
  for (const p of planned) counts[p.record.kind]![p.status]++;
  return counts;
}

function changeOf(p: Planned): EntityChange {
  const fields = Object.keys(p.record.fields);
  return {
    kind: p.record.kind,
    entity: p.record.entity,
    key: p.record.key,
    title: p.record.title,
    status: p.status as 'new' | 'changed',
    changes:
      p.status === 'new'
        ? fields.map((f) => ({ field: f, old: null, new: p.record.fields[f] }))
        : fields.filter((f) => JSON.stringify(p.before![f]) !== JSON.stringify(p.record.fields[f])).map((f) => ({ field: f, old: p.before![f] ?? null, new: p.record.fields[f] })),
  };
}

/**
 * The sequence rule: a sender's packages go forward. The same package again is harmless
 * (reported, nothing written); an older one, or another package reusing a sequence, is refused.
 */
function priorOf(store: Store, pkg: VerifiedPackage): { at: string; by: string } | null {
  const { sender, sequence } = pkg.manifest;
  const last = store.get(
    store.q
      .selectFrom('package_history')
      .select(['sequence', 'file_hash', 'processed_at', 'actor'])
      .where('direction', '=', 'in')
      .where('sender_id', '=', sender.id)
      .orderBy('sequence', 'desc')
      .limit(1),
  );
  if (!last) return null;
  const same = store.get(
    store.q
      .selectFrom('package_history')
      .select(['file_hash', 'processed_at', 'actor'])
      .where('direction', '=', 'in')
      .where('sender_id', '=', sender.id)
      .where('sequence', '=', sequence),
  );
  if (same) {
    if (same.file_hash === pkg.fileHash) return { at: same.processed_at, by: same.actor };
    throw new AppError('CONFLICT', `序号 ${sequence} 已被另一个内容不同的数据包使用过，已拒绝。请向平台索取最新的数据包。`, { file: pkg.fileName, sequence });
  }
  if (sequence < last.sequence)
    throw new AppError('CONFLICT', `数据包序号 ${sequence} 早于已导入的 ${last.sequence}，这是一个旧的数据包，已拒绝。`, {
      file: pkg.fileName,
      sequence,
      lastSequence: last.sequence,
    });
  return null;
}

/** What importing the package would change, without writing anything. */
export function previewPackage(store: Store, pkg: VerifiedPackage, fileId: string, now: Date): PackagePreview {
  const alreadyApplied = priorOf(store, pkg);
  const planned = plan(store, pkg, now);
  const changes = planned.filter((p) => p.status !== 'unchanged').map(changeOf);
  return {
    fileId,
    fileName: pkg.fileName,
    fileHash: pkg.fileHash,
    kinds: pkg.manifest.kinds,
    sender: pkg.manifest.sender,
    sequence: pkg.manifest.sequence,
    createdAt: pkg.manifest.createdAt,
    formatVersion: pkg.manifest.formatVersion,
    signature: pkg.signature,
    alreadyApplied,
    counts: countsOf(pkg.manifest.kinds, planned),
    changes: changes.slice(0, MAX_PREVIEW_CHANGES),
    changesTruncated: changes.length > MAX_PREVIEW_CHANGES,
  };
}

/** What an import needs: the job worker has no AppCore, only its own connection. */
export interface ImportContext {
  store: Store;
  actor: Actor;
  now: Date;
}

/** Applies a verified package in one transaction, with its history entry and audit trail. */
export function applyPackage(ctx: ImportContext, pkg: VerifiedPackage): ImportResult {
  const { store } = ctx;
  const audit = (record: Parameters<typeof insertAudit>[2]) => insertAudit(store, ctx.actor, record, ctx.now);
  return store.tx(() => {
    const prior = priorOf(store, pkg);
    const planned = plan(store, pkg, ctx.now);
    const counts = countsOf(pkg.manifest.kinds, planned);
    if (prior) {
      const at = institutionDateTime(new Date(prior.at));
      return { applied: false, counts, message: `这个数据包已于 ${at} 导入，再次导入不会改变任何数据。`, historyId: null };
    }
    const changed = planned.filter((p) => p.status !== 'unchanged');
    for (const p of changed) p.record.write(store);
    const historyId = insertHistory(store, {
      direction: 'in',
      kinds_json: JSON.stringify(pkg.manifest.kinds),
      sender_id: pkg.manifest.sender.id,
      sender_name: pkg.manifest.sender.name,
      institution_code: pkg.manifest.institutionCode,
      sequence: pkg.manifest.sequence,
      package_created_at: pkg.manifest.createdAt,
      processed_at: ctx.now.toISOString(),
      actor: ctx.actor.name,
      result: 'applied',
      counts_json: JSON.stringify(counts),
      file_hash: pkg.fileHash,
      file_name: pkg.fileName,
      signature: pkg.signature.status === 'verified' ? `已验证（${pkg.signature.keyId}）` : '未签名',
      stored_path: null,
      uploaded_at: null,
    });
    // One entry for the package, its changes inside: the audit log reads as what a person did.
    audit({
      operation: 'packages.import',
      entityType: 'package',
      entityId: historyId,
      after: { file: pkg.fileName, sequence: pkg.manifest.sequence, kinds: pkg.manifest.kinds, counts, changes: changed.map(changeOf) },
    });
    const message =
      changed.length === 0
        ? '数据包已导入：内容与现有数据相同，没有任何改变。'
        : `数据包已导入：新增 ${planned.filter((p) => p.status === 'new').length} 项，更新 ${planned.filter((p) => p.status === 'changed').length} 项。`;
    return { applied: true, counts, message, historyId };
  });
}

/** Reads and applies a package file in this thread, for the app's own set-up steps (the demo). */
export async function applyPackageFile(app: { store: Store; now(): Date }, actor: Actor, path: string): Promise<ImportResult> {
  const pkg = await readInbound(path, basename(path), app.store);
  return applyPackage({ store: app.store, actor, now: app.now() }, pkg);
}
