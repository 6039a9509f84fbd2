import type { Selectable } from 'kysely';
import type { SitePlace } from '../../../src-shared/api/sites';
import { CERT_LEVELS } from '../../../src-shared/domain/catalog';
import type { SiteCertificate, SiteFileFormat, SiteStatus } from '../../../src-shared/domain/exam-site';
import type { CheckedDocument } from '../../pipelines/documents/check-document';
import type { ExamSiteTable } from '../../store/schema';
import type { Store } from '../../store/store';

/**
 * The one place exam_sites, exam_site_certificates and exam_site_files are written. The
 * triggers of migration 0007 hold the same rules: a submitted or decided site is read-only.
 */
export interface SiteFileMeta {
  id: number;
  name: string;
  format: SiteFileFormat;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface SiteRecord extends SitePlace {
  description: string;
  certificates: SiteCertificate[];
  files: SiteFileMeta[];
  createdAt: string;
  updatedAt: string;
}

export type SiteContent = Pick<
  SiteRecord,
  'name' | 'province' | 'city' | 'district' | 'address' | 'orgCode' | 'description' | 'contactName' | 'contactPhone' | 'contactEmail' | 'certificates'
>;

/** By certificate code, then 初级, 中级, 高级 (not the levels' code points). */
export function byCertificate(a: SiteCertificate, b: SiteCertificate): number {
  return a.certificateCode.localeCompare(b.certificateCode) || CERT_LEVELS.indexOf(a.level) - CERT_LEVELS.indexOf(b.level);
}

function toRecord(store: Store, r: Selectable<ExamSiteTable>): SiteRecord {
  const certificates = store
    .all(store.q.selectFrom('exam_site_certificates').select(['certificate_code', 'level']).where('site_id', '=', r.id))
    .map((c) => ({ certificateCode: c.certificate_code, level: c.level }))
    .sort(byCertificate);
  const files = store
    .all(store.q.selectFrom('exam_site_files').select(['id', 'name', 'format', 'size', 'sha256', 'created_at']).where('site_id', '=', r.id).orderBy('id'))
    .map((f) => ({ id: f.id, name: f.name, format: f.format, size: f.size, sha256: f.sha256, createdAt: f.created_at }));
  return {
    id: r.id,
    name: r.name,
    province: r.province,
    city: r.city,
    district: r.district,
    address: r.address,
    orgCode: r.org_code,
    description: r.description,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    status: r.status,
    reason: r.reason,
    borrowed: r.borrowed_site ? { site: r.borrowed_site, institution: r.borrowed_institution ?? '', address: r.borrowed_address ?? '' } : null,
    certificates,
    files,
    submittedAt: r.submitted_at,
    sentAt: r.sent_at,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function loadSite(store: Store, id: number): SiteRecord | null {
  const r = store.get(store.q.selectFrom('exam_sites').selectAll().where('id', '=', id));
  return r ? toRecord(store, r) : null;
}

export function loadSites(store: Store, where: { statuses?: readonly SiteStatus[] } = {}): SiteRecord[] {
  let q = store.q.selectFrom('exam_sites').selectAll();
  if (where.statuses) q = q.where('status', 'in', [...where.statuses]);
  return store.all(q.orderBy('id', 'desc')).map((r) => toRecord(store, r));
}

function writeCertificates(store: Store, siteId: number, certificates: readonly SiteCertificate[]): void {
  store.prepare('DELETE FROM exam_site_certificates WHERE site_id = ?').run(siteId);
  const insert = store.prepare('INSERT INTO exam_site_certificates (site_id, certificate_code, level) VALUES (?, ?, ?)');
  for (const c of certificates) insert.run(siteId, c.certificateCode, c.level);
}

export function insertSite(store: Store, c: SiteContent, now: string): number {
  const r = store
    .prepare(
      `INSERT INTO exam_sites (name, province, city, district, address, org_code, description, contact_name, contact_phone, contact_email, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(c.name, c.province, c.city, c.district, c.address, c.orgCode, c.description, c.contactName, c.contactPhone, c.contactEmail, now, now);
  const id = Number(r.lastInsertRowid);
  writeCertificates(store, id, c.certificates);
  return id;
}

export function updateSiteContent(store: Store, id: number, c: SiteContent, now: string): void {
  store
    .prepare(
      `UPDATE exam_sites SET name = ?, province = ?, city = ?, district = ?, address = ?, org_code = ?, description = ?, contact_name = ?, contact_phone = ?,
         contact_email = ?, updated_at = ? WHERE id = ?`,
    )
    .run(c.name, c.province, c.city, c.district, c.address, c.orgCode, c.description, c.contactName, c.contactPhone, c.contactEmail, now, id);
  writeCertificates(store, id, c.certificates);
}

/** The site's documents become `keep` (stored ids) plus `add` (new, checked documents). */
export function replaceSiteFiles(store: Store, siteId: number, keep: readonly number[], add: readonly CheckedDocument[], now: string): void {
  const kept = new Set(keep);
  const stored = store.all(store.q.selectFrom('exam_site_files').select('id').where('site_id', '=', siteId)).map((f) => f.id);
  const remove = store.prepare('DELETE FROM exam_site_files WHERE id = ?');
  for (const id of stored) if (!kept.has(id)) remove.run(id);
  const insert = store.prepare('INSERT INTO exam_site_files (site_id, name, format, size, sha256, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const f of add) insert.run(siteId, f.name, f.format, f.size, f.sha256, f.data, now);
}

export function siteFileData(store: Store, fileId: number): { siteId: number; name: string; format: SiteFileFormat; data: Buffer } | null {
  const r = store.get(store.q.selectFrom('exam_site_files').select(['site_id', 'name', 'format', 'data']).where('id', '=', fileId));
  return r ? { siteId: r.site_id, name: r.name, format: r.format, data: r.data } : null;
}

export function deleteSiteRow(store: Store, id: number): void {
  store.prepare('DELETE FROM exam_sites WHERE id = ?').run(id);
}

/** 提交（申报）, again after a rejection: the last review's outcome is cleared. */
export function markSiteSubmitted(store: Store, id: number, now: string): void {
  store
    .prepare(
      `UPDATE exam_sites SET status = 'submitted', submitted_at = ?, sent_at = NULL, reason = NULL, borrowed_site = NULL, borrowed_institution = NULL,
         borrowed_address = NULL, decided_at = NULL, updated_at = ? WHERE id = ?`,
    )
    .run(now, now, id);
}

export function markSitesSent(store: Store, ids: readonly number[], now: string): void {
  const stmt = store.prepare('UPDATE exam_sites SET sent_at = ? WHERE id = ?');
  for (const id of ids) stmt.run(now, id);
}

export function recordSiteReview(
  store: Store,
  id: number,
  outcome: { status: 'approved' | 'rejected' | 'borrowed'; reason: string | null; borrowed: { site: string; institution: string; address: string } | null; at: string },
): void {
  store
    .prepare('UPDATE exam_sites SET status = ?, reason = ?, borrowed_site = ?, borrowed_institution = ?, borrowed_address = ?, decided_at = ?, updated_at = ? WHERE id = ?')
    .run(outcome.status, outcome.reason, outcome.borrowed?.site ?? null, outcome.borrowed?.institution ?? null, outcome.borrowed?.address ?? null, outcome.at, outcome.at, id);
}
