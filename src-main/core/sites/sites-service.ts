import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileRef } from '../../../src-shared/api/files';
import type { NamedCertificate, SiteDetail, SiteList, SiteRow } from '../../../src-shared/api/sites';
import {
  borrowedText,
  nextSiteStatus,
  SITE_FILE_RULES,
  SITE_STATUS_LABELS,
  SITE_STATUSES,
  siteRefusal,
  type SiteFields,
  type SiteStatus,
} from '../../../src-shared/domain/exam-site';
import { AppError } from '../../../src-shared/errors';
import { checkDocument, type CheckedDocument } from '../../pipelines/documents/check-document';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import {
  deleteSiteRow,
  insertSite,
  loadSite,
  loadSites,
  markSiteSubmitted,
  replaceSiteFiles,
  siteFileData,
  updateSiteContent,
  type SiteContent,
  type SiteRecord,
} from './site-store';

interface CatalogNames {
  orgs: Map<string, string>;
  certs: Map<string, { name: string; orgCode: string; levels: string[] }>;
}

export function catalogNames(store: Store): CatalogNames {
  return {
    orgs: new Map(store.all(store.q.selectFrom('organisations').select(['code', 'name'])).map((o) => [o.code, o.name])),
    certs: new Map(
      store
        .all(store.q.selectFrom('certificates').select(['code', 'name', 'org_code', 'levels_json']))
        .map((c) => [c.code, { name: c.name, orgCode: c.org_code, levels: JSON.parse(c.levels_json) as string[] }]),
    ),
  };
}

export function namedCertificates(names: CatalogNames, list: readonly { certificateCode: string; level: string }[]): NamedCertificate[] {
  return list.map((c) => ({ certificateCode: c.certificateCode, certificateName: names.certs.get(c.certificateCode)?.name ?? c.certificateCode, level: c.level }));
}

function toRow(r: SiteRecord, names: CatalogNames): SiteRow {
  const { description: _description, certificates, files, createdAt: _createdAt, updatedAt: _updatedAt, ...place } = r;
  return {
    ...place,
    orgName: names.orgs.get(r.orgCode) ?? r.orgCode,
    certificates: namedCertificates(names, certificates),
    statusLabel: SITE_STATUS_LABELS[r.status],
    borrowedText: r.status === 'borrowed' && r.borrowed ? borrowedText(r.borrowed) : null,
    fileCount: files.length,
    canEdit: nextSiteStatus(r.status, 'edit') !== null,
    canSubmit: nextSiteStatus(r.status, 'submit') !== null,
    canDelete: nextSiteStatus(r.status, 'delete') !== null,
  };
}

function detailOf(store: Store, r: SiteRecord): SiteDetail {
  return {
    ...toRow(r, catalogNames(store)),
    description: r.description,
    files: r.files.map((f) => ({ id: f.id, name: f.name, format: f.format, size: f.size, createdAt: f.createdAt })),
  };
}

export function listSites(call: CallContext, input: { status?: SiteStatus | undefined }): SiteList {
  const { store } = call.app;
  const all = loadSites(store);
  const names = catalogNames(store);
  const counts = Object.fromEntries([['all', all.length], ...SITE_STATUSES.map((s) => [s, all.filter((r) => r.status === s).length])]) as SiteList['counts'];
  return { rows: all.filter((r) => !input.status || r.status === input.status).map((r) => toRow(r, names)), counts };
}

function mustLoad(store: Store, id: number): SiteRecord {
  const r = loadSite(store, id);
  if (!r) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的考核站点。`);
  return r;
}

export function getSite(call: CallContext, id: number): SiteDetail {
  return detailOf(call.app.store, mustLoad(call.app.store, id));
}

const invalid = (path: string, message: string, whole = message) => new AppError('VALIDATION', whole, { issues: [{ path, message }] });

/** The form against the catalog: an organisation that exists, and only its certificates, at levels they have. */
function resolveContent(store: Store, f: SiteFields): SiteContent {
  const names = catalogNames(store);
  const orgName = names.orgs.get(f.orgCode);
  if (!orgName) throw invalid('orgCode', '培训评价组织不存在', `证书目录中没有编码为 ${f.orgCode} 的培训评价组织。`);
  f.certificates.forEach((c, i) => {
    const cert = names.certs.get(c.certificateCode);
    if (!cert) throw invalid(`certificates.${i}`, '证书不存在', `证书目录中没有编号为 ${c.certificateCode} 的证书。`);
    if (cert.orgCode !== f.orgCode) throw invalid(`certificates.${i}`, '不是所选培训评价组织的证书', `“${cert.name}”不属于${orgName}，不能向它申报。`);
    if (!cert.levels.includes(c.level)) throw invalid(`certificates.${i}`, `可选等级：${cert.levels.join('、')}`, `证书“${cert.name}”没有“${c.level}”等级。`);
  });
  return {
    name: f.name,
    province: f.region.province,
    city: f.region.city,
    district: f.region.district,
    address: f.address,
    orgCode: f.orgCode,
    description: f.description,
    contactName: f.contactName,
    contactPhone: f.contactPhone,
    contactEmail: f.contactEmail,
    certificates: f.certificates,
  };
}

/** New uploads, read and checked by content before any transaction opens. */
async function checkUploads(call: CallContext, fileIds: readonly string[]): Promise<CheckedDocument[]> {
  const out: CheckedDocument[] = [];
  for (const fileId of fileIds) {
    const file = call.app.files.resolve(fileId, call.actor);
    out.push(await checkDocument(file.path, file.name, SITE_FILE_RULES.maxBytes));
  }
  return out;
}

function assertFileCount(before: SiteRecord | null, f: SiteFields): void {
  const unknown = f.keepFiles.find((id) => !before?.files.some((x) => x.id === id));
  if (unknown !== undefined) throw invalid('keepFiles', '文件不属于这个站点', `佐证材料 ${unknown} 不是这个站点的文件。`);
  const total = new Set(f.keepFiles).size + f.addFiles.length;
  if (total > SITE_FILE_RULES.maxFiles)
    throw invalid('files', `最多 ${SITE_FILE_RULES.maxFiles} 个文件`, `其他佐证材料最多 ${SITE_FILE_RULES.maxFiles} 个文件，现在有 ${total} 个。`);
}

function auditView(r: SiteRecord) {
  return {
    name: r.name,
    region: `${r.province}${r.city}${r.district}`,
    orgCode: r.orgCode,
    certificates: r.certificates.map((c) => `${c.certificateCode}/${c.level}`),
    files: r.files.map((f) => `${f.name}（${f.sha256.slice(0, 12)}）`),
    status: r.status,
  };
}

export async function createSite(call: CallContext, f: SiteFields): Promise<SiteDetail> {
  const { store } = call.app;
  assertFileCount(null, f);
  const uploads = await checkUploads(call, f.addFiles);
  return store.tx(() => {
    const content = resolveContent(store, f);
    const now = call.app.now().toISOString();
    const id = insertSite(store, content, now);
    replaceSiteFiles(store, id, [], uploads, now);
    const after = mustLoad(store, id);
    writeAudit(call, { operation: 'sites.create', entityType: 'exam-site', entityId: id, after: auditView(after) });
    return detailOf(store, after);
  });
}

export async function updateSite(call: CallContext, input: SiteFields & { id: number }): Promise<SiteDetail> {
  const { store } = call.app;
  const first = mustLoad(store, input.id);
  const refusal = siteRefusal(first.status, 'edit');
  if (refusal) throw new AppError('STATE', `${refusal}。`);
  assertFileCount(first, input);
  const uploads = await checkUploads(call, input.addFiles);
  return store.tx(() => {
    // Read again inside the transaction: the status may have moved while the files were read.
    const before = mustLoad(store, input.id);
    const again = siteRefusal(before.status, 'edit');
    if (again) throw new AppError('STATE', `${again}。`);
    const now = call.app.now().toISOString();
    updateSiteContent(store, input.id, resolveContent(store, input), now);
    replaceSiteFiles(store, input.id, input.keepFiles, uploads, now);
    const after = mustLoad(store, input.id);
    writeAudit(call, { operation: 'sites.update', entityType: 'exam-site', entityId: input.id, before: auditView(before), after: auditView(after) });
    return detailOf(store, after);
  });
}

export function deleteSite(call: CallContext, id: number): { ok: true } {
  const { store } = call.app;
  store.tx(() => {
    const before = mustLoad(store, id);
    const refusal = siteRefusal(before.status, 'delete');
    if (refusal) throw new AppError('STATE', `${refusal}。`);
    deleteSiteRow(store, id);
    writeAudit(call, { operation: 'sites.delete', entityType: 'exam-site', entityId: id, before: auditView(before) });
  });
  return { ok: true };
}

export function submitSite(call: CallContext, id: number): SiteDetail {
  const { store } = call.app;
  return store.tx(() => {
    const before = mustLoad(store, id);
    const refusal = siteRefusal(before.status, 'submit');
    if (refusal) throw new AppError('STATE', `${refusal}。`);
    markSiteSubmitted(store, id, call.app.now().toISOString());
    const after = mustLoad(store, id);
    writeAudit(call, { operation: 'sites.submit', entityType: 'exam-site', entityId: id, before: { status: before.status }, after: { status: after.status } });
    return detailOf(store, after);
  });
}

export async function checkSiteFile(call: CallContext, fileId: string): Promise<{ name: string; size: number; format: CheckedDocument['format'] }> {
  const [doc] = await checkUploads(call, [fileId]);
  return { name: doc!.name, size: doc!.size, format: doc!.format };
}

/**
 * A stored document offered back to the caller: written into the work folder of uploads (swept a
 * day later, so copies of the documents do not pile up beside the store) and registered.
 */
export function siteFile(call: CallContext, fileId: number): FileRef {
  const file = siteFileData(call.app.store, fileId);
  if (!file) throw new AppError('NOT_FOUND', `找不到编号为 ${fileId} 的佐证材料。`);
  const dir = call.app.files.uploadDir;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${Date.now()}-site-file-${fileId}.${file.format}`);
  writeFileSync(path, file.data);
  return call.app.files.register(path, file.name, call.actor);
}
