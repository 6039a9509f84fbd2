import type { PlanRooms, RoomCopyReport, RoomPlanRow, RoomRow, RoomSiteRow } from '../../../src-shared/api/sites';
import type { RoomFields } from '../../../src-shared/domain/exam-room';
import { SITE_STATUS_LABELS, type SiteCertificate } from '../../../src-shared/domain/exam-site';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { listPlans } from '../catalog/catalog-service';
import { deleteRoomRow, insertRoom, loadRoom, loadRooms, updateRoom, type RoomContent, type RoomRecord } from './room-store';
import { byCertificate, loadSite, loadSites, type SiteRecord } from './site-store';
import { catalogNames, namedCertificates } from './sites-service';

const key = (c: SiteCertificate) => `${c.certificateCode}/${c.level}`;

export interface PlanInfo {
  code: string;
  name: string;
  registrationStart: string;
  certificates: SiteCertificate[];
}

export function loadPlan(store: Store, code: string): PlanInfo {
  const plan = store.get(store.q.selectFrom('exam_plans').select(['code', 'name', 'registration_start']).where('code', '=', code));
  if (!plan) throw new AppError('NOT_FOUND', `找不到考试计划 ${code}。`, { issues: [{ path: 'planCode', message: '考试计划不存在' }] });
  const certificates = store
    .all(store.q.selectFrom('exam_plan_certificates').select(['certificate_code', 'level']).where('plan_code', '=', code))
    .map((c) => ({ certificateCode: c.certificate_code, level: c.level as SiteCertificate['level'] }))
    .sort(byCertificate);
  return { code: plan.code, name: plan.name, registrationStart: plan.registration_start, certificates };
}

/** The plan's certificates a site is approved for: what its rooms can examine in that plan. */
export function planCertificatesOf(site: SiteRecord, plan: PlanInfo): SiteCertificate[] {
  const approved = new Set(site.certificates.map(key));
  return plan.certificates.filter((c) => approved.has(key(c)));
}

/** The certificates a room serves: its own list, or when empty every certificate of the plan its site is approved for. */
export function servedBy(room: RoomRecord, site: SiteRecord | undefined, plan: PlanInfo): SiteCertificate[] {
  return room.certificates.length ? room.certificates : site ? planCertificatesOf(site, plan) : [];
}

function eligibleSites(store: Store, plan: PlanInfo): { site: SiteRecord; certificates: SiteCertificate[] }[] {
  return loadSites(store, { statuses: ['approved'] })
    .map((site) => ({ site, certificates: planCertificatesOf(site, plan) }))
    .filter((s) => s.certificates.length > 0);
}

export function listRoomPlans(call: CallContext): RoomPlanRow[] {
  const { store } = call.app;
  const totals = new Map(
    (
      store.prepare('SELECT plan_code AS code, COUNT(*) AS rooms, SUM(seats) AS seats FROM exam_rooms GROUP BY plan_code').all() as { code: string; rooms: number; seats: number }[]
    ).map((t) => [t.code, t]),
  );
  return listPlans(call).map((p) => ({
    code: p.code,
    name: p.name,
    orgName: p.orgName,
    phase: p.phase,
    roomCount: totals.get(p.code)?.rooms ?? 0,
    seatCount: totals.get(p.code)?.seats ?? 0,
  }));
}

function toRow(r: RoomRecord, sites: Map<number, SiteRecord>, names: ReturnType<typeof catalogNames>): RoomRow {
  return { ...r, siteName: sites.get(r.siteId)?.name ?? String(r.siteId), certificates: namedCertificates(names, r.certificates) };
}

const siteMap = (store: Store) => new Map(loadSites(store).map((s) => [s.id, s]));

export function listRooms(call: CallContext, planCode: string): PlanRooms {
  const { store } = call.app;
  const plan = loadPlan(store, planCode);
  const names = catalogNames(store);
  const sites = siteMap(store);
  const eligible: RoomSiteRow[] = eligibleSites(store, plan).map(({ site, certificates }) => ({
    id: site.id,
    name: site.name,
    province: site.province,
    city: site.city,
    district: site.district,
    address: site.address,
    certificates: namedCertificates(names, certificates),
  }));
  return {
    plan: { code: plan.code, name: plan.name, certificates: namedCertificates(names, plan.certificates) },
    rooms: loadRooms(store, planCode).map((r) => toRow(r, sites, names)),
    sites: eligible,
  };
}

const invalid = (path: string, message: string, whole: string) => new AppError('VALIDATION', whole, { issues: [{ path, message }] });

/** A room's form against its plan and site: only the school's approved sites, only the plan's certificates that site is approved for. */
function resolveRoom(store: Store, f: RoomFields): RoomContent {
  const plan = loadPlan(store, f.planCode);
  const site = loadSite(store, f.siteId);
  if (!site) throw invalid('siteId', '站点不存在', `找不到编号为 ${f.siteId} 的考核站点。`);
  if (site.status === 'borrowed') throw invalid('siteId', '该站点安排借考', `“${site.name}”由培训评价组织安排借考，不能设置本校考场。`);
  if (site.status !== 'approved') throw invalid('siteId', '站点尚未审核通过', `“${site.name}”${SITE_STATUS_LABELS[site.status]}，审核通过后才能设置考场。`);
  const allowed = planCertificatesOf(site, plan);
  if (!allowed.length) throw invalid('siteId', '站点没有获批本计划的证书', `“${site.name}”没有获批考试计划“${plan.name}”中的任何证书。`);
  const names = catalogNames(store);
  f.certificates.forEach((c, i) => {
    if (!allowed.some((a) => key(a) === key(c)))
      throw invalid(
        `certificates.${i}`,
        '不是本计划中该站点获批的证书',
        `“${names.certs.get(c.certificateCode)?.name ?? c.certificateCode}”${c.level}不是考试计划“${plan.name}”中该站点获批的证书。`,
      );
  });
  return {
    planCode: plan.code,
    siteId: site.id,
    name: f.name,
    type: f.type,
    seats: f.seats,
    province: f.region.province,
    city: f.region.city,
    district: f.region.district,
    address: f.address,
    certificates: f.certificates,
  };
}

function duplicateName(e: unknown, store: Store, c: RoomContent): never {
  if (/UNIQUE constraint failed: exam_rooms/.test((e as Error).message)) {
    const site = loadSite(store, c.siteId);
    throw new AppError('CONFLICT', `本考试计划中“${site?.name ?? c.siteId}”已有名为“${c.name}”的考场。`, { issues: [{ path: 'name', message: '考场名称重复' }] });
  }
  throw e;
}

function mustLoad(store: Store, id: number): RoomRecord {
  const r = loadRoom(store, id);
  if (!r) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的考场。`);
  return r;
}

function rowOf(store: Store, r: RoomRecord): RoomRow {
  return toRow(r, siteMap(store), catalogNames(store));
}

export function createRoom(call: CallContext, f: RoomFields): RoomRow {
  const { store } = call.app;
  return store.tx(() => {
    const content = resolveRoom(store, f);
    let id: number;
    try {
      id = insertRoom(store, content, call.app.now().toISOString());
    } catch (e) {
      duplicateName(e, store, content);
    }
    const after = mustLoad(store, id);
    writeAudit(call, { operation: 'rooms.create', entityType: 'exam-room', entityId: id, after });
    return rowOf(store, after);
  });
}

export function editRoom(call: CallContext, f: RoomFields & { id: number }): RoomRow {
  const { store } = call.app;
  return store.tx(() => {
    const before = mustLoad(store, f.id);
    if (before.planCode !== f.planCode) throw invalid('planCode', '考场不能换到其他考试计划', '考场不能换到其他考试计划；请在那个考试计划中新建考场，或用“沿用考场”。');
    const content = resolveRoom(store, f);
    try {
      updateRoom(store, f.id, content, call.app.now().toISOString());
    } catch (e) {
      duplicateName(e, store, content);
    }
    const after = mustLoad(store, f.id);
    writeAudit(call, { operation: 'rooms.update', entityType: 'exam-room', entityId: f.id, before, after });
    return rowOf(store, after);
  });
}

export function deleteRoom(call: CallContext, id: number): { ok: true } {
  const { store } = call.app;
  store.tx(() => {
    const before = mustLoad(store, id);
    deleteRoomRow(store, id);
    writeAudit(call, { operation: 'rooms.delete', entityType: 'exam-room', entityId: id, before });
  });
  return { ok: true };
}

/**
 * 考场沿用: every room of `from` that `to` can take, with the certificates `to` has; a room is
 * left out when `to` already has a room of that name at that site, when its site is approved for
 * none of `to`'s certificates, or when none of the certificates it listed are in `to`.
 */
function planCopy(store: Store, fromCode: string, toCode: string): { report: RoomCopyReport; add: RoomContent[] } {
  if (fromCode === toCode) throw invalid('from', '请选择另一个考试计划', '不能把考试计划的考场沿用到它自己，请选择另一个考试计划。');
  const from = loadPlan(store, fromCode);
  const to = loadPlan(store, toCode);
  const rooms = loadRooms(store, from.code);
  if (!rooms.length) throw new AppError('STATE', `考试计划“${from.name}”还没有考场，无法沿用。`);
  const sites = siteMap(store);
  const existing = new Set(loadRooms(store, to.code).map((r) => `${r.siteId}/${r.name}`));
  const report: RoomCopyReport = { from: from.code, to: to.code, copied: [], skipped: [] };
  const add: RoomContent[] = [];
  for (const room of rooms) {
    const site = sites.get(room.siteId);
    const siteName = site?.name ?? String(room.siteId);
    const allowed = site && site.status === 'approved' ? planCertificatesOf(site, to) : [];
    const certificates = room.certificates.filter((c) => allowed.some((a) => key(a) === key(c)));
    const skip = (reason: string) => report.skipped.push({ name: room.name, siteName, reason });
    if (existing.has(`${room.siteId}/${room.name}`)) skip('本计划已有同名考场');
    else if (!allowed.length) skip('站点没有获批本计划的证书');
    else if (room.certificates.length && !certificates.length) skip('考场的证书都不在本计划中');
    else {
      add.push({ ...room, planCode: to.code, certificates });
      report.copied.push({ name: room.name, siteName, type: room.type, seats: room.seats });
    }
  }
  return { report, add };
}

export function previewRoomCopy(call: CallContext, input: { from: string; to: string }): RoomCopyReport {
  return planCopy(call.app.store, input.from, input.to).report;
}

export function copyRooms(call: CallContext, input: { from: string; to: string }): RoomCopyReport {
  const { store } = call.app;
  return store.tx(() => {
    const { report, add } = planCopy(store, input.from, input.to);
    const now = call.app.now().toISOString();
    for (const room of add) insertRoom(store, room, now);
    writeAudit(call, {
      operation: 'rooms.copy',
      entityType: 'exam-room',
      entityId: input.to,
      after: { from: input.from, to: input.to, copied: report.copied.map((r) => r.name), skipped: report.skipped.map((r) => `${r.name}：${r.reason}`) },
    });
    return report;
  });
}
