import type { EntityChange, ImportResult, KindCounts, PackagePreview } from '../../../src-shared/api/packages';
import { institutionDateTime } from '../../../src-shared/domain/institution-time';
import { PACKAGE_KINDS, type PackageKind } from '../../../src-shared/domain/package';
import { AppError } from '../../../src-shared/errors';
import { readPackage, type PackageTrust, type VerifiedPackage } from '../../pipelines/packages/read-package';
import type { Store } from '../../store/store';
import { insertAudit } from '../audit/audit-log';
import type { Actor, CallContext } from '../call-context';
import { readInstitution } from '../institution/institution-service';
import { readSettings } from '../settings/settings-service';
import { INBOUND, type EntityRecord } from './inbound-kinds';
import { checkReferences } from './references';

const MAX_PREVIEW_CHANGES = 2000;

export function inboundTrust(store: Store): PackageTrust {
  const inst = readInstitution(store);
  if (!inst) throw new AppError('STATE', '尚未完成首次设置，不能导入数据包。');
  const settings = readSettings(store);
  return { institutionCode: inst.code, trustedKeys: settings.platformPublicKeys, allowUnsigned: settings.allowUnsignedPackages, direction: 'in' };
}

interface Planned {
  record: EntityRecord;
  status: 'new' | 'changed' | 'unchanged';
  before: Record<string, unknown> | undefined;
}

/** Compares what the package brings with the store, entity by entity. */
function plan(store: Store, pkg: VerifiedPackage): Planned[] {
  checkReferences(store, pkg.payloads);
  const out: Planned[] = [];
  // Catalog first, then subjects, then plans: the order references go in.
  for (const kind of Object.keys(INBOUND) as PackageKind[]) {
    const payload = pkg.payloads[kind];
    if (payload === undefined) continue;
    const handler = INBOUND[kind]!;
    const existing = handler.existing(store);
    for (const record of handler.records(payload as never, store)) {
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

export async function verifyUpload(call: CallContext, fileId: string): Promise<VerifiedPackage> {
  const file = call.app.files.resolve(fileId, call.actor);
  return readPackage(file.path, file.name, inboundTrust(call.app.store));
}

export async function inspectPackage(call: CallContext, fileId: string): Promise<PackagePreview> {
  const pkg = await verifyUpload(call, fileId);
  const { store } = call.app;
  const alreadyApplied = priorOf(store, pkg);
  const planned = plan(store, pkg);
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
    const planned = plan(store, pkg);
    const counts = countsOf(pkg.manifest.kinds, planned);
    if (prior) {
      const at = institutionDateTime(new Date(prior.at));
      return { applied: false, counts, message: `这个数据包已于 ${at} 导入，再次导入不会改变任何数据。`, historyId: null };
    }
    for (const p of planned) {
      if (p.status === 'unchanged') continue;
      p.record.write(store);
      audit({ operation: 'packages.import', entityType: p.record.entity, entityId: p.record.key, before: p.before ?? null, after: p.record.fields });
    }
    const { lastInsertRowid } = store.run(
      store.q.insertInto('package_history').values({
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
      }),
    );
    audit({ operation: 'packages.import', entityType: 'package', entityId: Number(lastInsertRowid), after: { file: pkg.fileName, sequence: pkg.manifest.sequence, counts } });
    const changed = planned.filter((p) => p.status !== 'unchanged').length;
    const message =
      changed === 0
        ? '数据包已导入：内容与现有数据相同，没有任何改变。'
        : `数据包已导入：新增 ${planned.filter((p) => p.status === 'new').length} 项，更新 ${planned.filter((p) => p.status === 'changed').length} 项。`;
    return { applied: true, counts, message, historyId: Number(lastInsertRowid) };
  });
}

export async function importPackage(call: CallContext, fileId: string, expectedHash: string): Promise<ImportResult> {
  const pkg = await verifyUpload(call, fileId);
  if (pkg.fileHash !== expectedHash) throw new AppError('CONFLICT', '文件在检查之后被改动过，请重新检查后再导入。', { file: pkg.fileName });
  const result = applyPackage({ store: call.app.store, actor: call.actor, now: call.app.now() }, pkg);
  // Entries were written through the shared insert; the dispatcher's audit check counts calls.
  if (result.applied) call.audited++;
  return result;
}

export function kindLabel(kind: string): string {
  return kind in PACKAGE_KINDS ? PACKAGE_KINDS[kind as PackageKind].label : kind;
}
