import type { DeclarationDetail, DeclarationList, DeclarationPlanRow, DeclarationRow, QuotaReport, QuotaRow } from '../../../src-shared/api/declarations';
import {
  DECLARATION_STATUS_LABELS,
  DECLARATION_TABS,
  declarationWindowRefusal,
  nextStatus,
  quotaYear,
  type DeclarationFields,
  type DeclarationTab,
} from '../../../src-shared/domain/declaration';
import { CERT_LEVELS } from '../../../src-shared/domain/catalog';
import { profileProblems } from '../../../src-shared/domain/institution';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { readInstitution } from '../institution/institution-service';
import { listInstitutionMajors } from '../institution/majors-store';
import {
  deleteDeclarationRow,
  insertDeclaration,
  loadDeclaration,
  loadDeclarations,
  markSubmitted,
  updateDeclarationContent,
  type DeclarationRecord,
  type DeclaredMajor,
} from './declaration-store';

interface PlanRow {
  code: string;
  province: string;
  batch: string;
  window_start: string;
  window_end: string;
  by_major: number;
  city_approval: number;
  status: string;
}

function plans(store: Store): Map<string, PlanRow> {
  return new Map(store.all(store.q.selectFrom('declaration_plans').selectAll()).map((p) => [p.code, p]));
}

function certificates(store: Store): Map<string, { name: string; orgName: string; levels: string[] }> {
  const orgs = new Map(store.all(store.q.selectFrom('organisations').select(['code', 'name'])).map((o) => [o.code, o.name]));
  return new Map(
    store
      .all(store.q.selectFrom('certificates').select(['code', 'name', 'org_code', 'levels_json']))
      .map((c) => [c.code, { name: c.name, orgName: orgs.get(c.org_code) ?? c.org_code, levels: JSON.parse(c.levels_json) as string[] }]),
  );
}

export function listDeclarationPlanRows(call: CallContext): DeclarationPlanRow[] {
  const today = institutionDate(call.app.now());
  return [...plans(call.app.store).values()]
    .sort((a, b) => b.window_start.localeCompare(a.window_start))
    .map((p) => {
      const closedReason = declarationWindowRefusal({ batch: p.batch, windowStart: p.window_start, windowEnd: p.window_end }, today);
      return {
        code: p.code,
        province: p.province,
        batch: p.batch,
        windowStart: p.window_start,
        windowEnd: p.window_end,
        byMajor: p.by_major === 1,
        cityApproval: p.city_approval === 1,
        status: p.status,
        year: quotaYear(p.window_start),
        open: closedReason === null,
        closedReason,
      };
    });
}

function toRow(r: DeclarationRecord, ctx: { plans: Map<string, PlanRow>; certs: ReturnType<typeof certificates>; today: string }): DeclarationRow {
  const plan = ctx.plans.get(r.planCode);
  const cert = ctx.certs.get(r.certificateCode);
  const windowOpen = plan ? declarationWindowRefusal({ batch: plan.batch, windowStart: plan.window_start, windowEnd: plan.window_end }, ctx.today) === null : false;
  return {
    id: r.id,
    planCode: r.planCode,
    batch: plan?.batch ?? r.planCode,
    year: r.year,
    certificateCode: r.certificateCode,
    certificateName: cert?.name ?? r.certificateCode,
    orgName: cert?.orgName ?? '',
    level: r.level,
    proposedCount: r.proposedCount,
    approvedCount: r.approvedCount,
    status: r.status,
    statusLabel: r.status === 'rejected' && r.rejectedStage === 'city' ? '审核不通过（地市）' : DECLARATION_STATUS_LABELS[r.status],
    reason: r.reason,
    rejectedStage: r.rejectedStage,
    submittedAt: r.submittedAt,
    sentAt: r.sentAt,
    decidedAt: r.decidedAt,
    canEdit: nextStatus(r.status, 'edit') !== null,
    canSubmit: nextStatus(r.status, 'submit') !== null && windowOpen,
    canDelete: nextStatus(r.status, 'delete') !== null,
  };
}

function rowContext(call: CallContext) {
  const { store } = call.app;
  return { plans: plans(store), certs: certificates(store), today: institutionDate(call.app.now()) };
}

function detailOf(call: CallContext, r: DeclarationRecord): DeclarationDetail {
  return { ...toRow(r, rowContext(call)), majors: r.majors, teachers: r.teachers, facilities: r.facilities, notes: r.notes };
}

export function listDeclarations(call: CallContext, input: { tab: DeclarationTab; year?: number | undefined }): DeclarationList {
  const all = loadDeclarations(call.app.store, input.year !== undefined ? { year: input.year } : {});
  const ctx = rowContext(call);
  const counts = Object.fromEntries(
    DECLARATION_TABS.map((t) => [t.key, all.filter((d) => (t.statuses as readonly string[]).includes(d.status)).length]),
  ) as DeclarationList['counts'];
  const tab = DECLARATION_TABS.find((t) => t.key === input.tab)!;
  return { rows: all.filter((d) => (tab.statuses as readonly string[]).includes(d.status)).map((d) => toRow(d, ctx)), counts };
}

function mustLoad(store: Store, id: number): DeclarationRecord {
  const d = loadDeclaration(store, id);
  if (!d) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的证书试点申报。`);
  return d;
}

export function getDeclaration(call: CallContext, id: number): DeclarationDetail {
  return detailOf(call, mustLoad(call.app.store, id));
}

/** 完善院校基础信息 comes first: a declaration names the institution as the platform knows it. */
function assertProfileComplete(store: Store): void {
  const inst = readInstitution(store);
  if (!inst) throw new AppError('STATE', '尚未完成首次设置。');
  const missing = profileProblems(inst, listInstitutionMajors(store).length);
  if (missing.length) throw new AppError('STATE', `请先完善院校基础信息：还缺${missing.join('、')}。`, { missing, field: 'profile' });
}

function assertWindowOpen(call: CallContext, plan: PlanRow): void {
  const refusal = declarationWindowRefusal({ batch: plan.batch, windowStart: plan.window_start, windowEnd: plan.window_end }, institutionDate(call.app.now()));
  if (refusal) throw new AppError('OUT_OF_WINDOW', `${refusal}，现在不能申报或提交。`, { windowStart: plan.window_start, windowEnd: plan.window_end });
}

/** The form's content checked against the catalog, the plan and the institution's majors. */
function resolveContent(store: Store, fields: DeclarationFields): { plan: PlanRow; content: Omit<DeclarationFields, 'majors'> & { majors: DeclaredMajor[]; year: number } } {
  const plan = plans(store).get(fields.planCode);
  if (!plan) throw new AppError('VALIDATION', `找不到申报批次 ${fields.planCode}。`, { issues: [{ path: 'planCode', message: '申报批次不存在' }] });
  const cert = certificates(store).get(fields.certificateCode);
  if (!cert) throw new AppError('VALIDATION', `证书目录中没有编号为 ${fields.certificateCode} 的证书。`, { issues: [{ path: 'certificateCode', message: '证书不存在' }] });
  if (!cert.levels.includes(fields.level))
    throw new AppError('VALIDATION', `证书“${cert.name}”没有“${fields.level}”等级。`, { issues: [{ path: 'level', message: `可选等级：${cert.levels.join('、')}` }] });
  const known = new Map(listInstitutionMajors(store).map((m) => [m.code, m]));
  const codes = [...new Set(fields.majors)];
  const unknown = codes.find((c) => !known.has(c));
  if (unknown) throw new AppError('VALIDATION', `专业 ${unknown} 不是本院校的开设专业，请先在院校信息中添加。`, { issues: [{ path: 'majors', message: '专业不存在' }] });
  if (plan.by_major === 1 && codes.length === 0)
    throw new AppError('VALIDATION', `“${plan.batch}”要求按专业填报：请选择拟申报的专业。`, { issues: [{ path: 'majors', message: '请选择专业' }] });
  const majors = codes.map((c) => {
    const m = known.get(c)!;
    return { code: m.code, name: m.name, level: m.level };
  });
  return { plan, content: { ...fields, majors, year: quotaYear(plan.window_start) } };
}

/** The same certificate and level twice in one batch is refused, whatever the status of the first. */
function duplicateRefusal(e: unknown, fields: DeclarationFields, store: Store): never {
  if (/UNIQUE constraint failed: declarations/.test((e as Error).message)) {
    const cert = certificates(store).get(fields.certificateCode);
    throw new AppError('CONFLICT', `本批次已经申报过“${cert?.name ?? fields.certificateCode}”${fields.level}，同一批次同一证书等级只能申报一次。`, {
      issues: [{ path: 'certificateCode', message: '本批次已申报过' }],
    });
  }
  throw e;
}

export function createDeclaration(call: CallContext, fields: DeclarationFields): DeclarationDetail {
  const { store } = call.app;
  return store.tx(() => {
    assertProfileComplete(store);
    const { plan, content } = resolveContent(store, fields);
    assertWindowOpen(call, plan);
    let id: number;
    try {
      id = insertDeclaration(store, content, call.app.now().toISOString());
    } catch (e) {
      duplicateRefusal(e, fields, store);
    }
    const after = mustLoad(store, id);
    writeAudit(call, { operation: 'declarations.create', entityType: 'declaration', entityId: id, after: auditView(after) });
    return detailOf(call, after);
  });
}

export function updateDeclaration(call: CallContext, input: DeclarationFields & { id: number }): DeclarationDetail {
  const { store } = call.app;
  return store.tx(() => {
    const before = mustLoad(store, input.id);
    if (!nextStatus(before.status, 'edit'))
      throw new AppError('STATE', `这份申报${DECLARATION_STATUS_LABELS[before.status]}，提交后不能修改（只有审核不通过的申报可以修改后重新提交）。`);
    const { content } = resolveContent(store, input);
    try {
      updateDeclarationContent(store, input.id, content, call.app.now().toISOString());
    } catch (e) {
      duplicateRefusal(e, input, store);
    }
    const after = mustLoad(store, input.id);
    writeAudit(call, { operation: 'declarations.update', entityType: 'declaration', entityId: input.id, before: auditView(before), after: auditView(after) });
    return detailOf(call, after);
  });
}

export function deleteDeclaration(call: CallContext, id: number): { ok: true } {
  const { store } = call.app;
  store.tx(() => {
    const before = mustLoad(store, id);
    if (!nextStatus(before.status, 'delete')) throw new AppError('STATE', `只有待提交的申报可以删除；这份申报${DECLARATION_STATUS_LABELS[before.status]}。`);
    deleteDeclarationRow(store, id);
    writeAudit(call, { operation: 'declarations.delete', entityType: 'declaration', entityId: id, before: auditView(before) });
  });
  return { ok: true };
}

export function submitDeclaration(call: CallContext, id: number): DeclarationDetail {
  const { store } = call.app;
  return store.tx(() => {
    const before = mustLoad(store, id);
    if (!nextStatus(before.status, 'submit')) throw new AppError('STATE', `这份申报${DECLARATION_STATUS_LABELS[before.status]}，不能再提交审核。`);
    assertProfileComplete(store);
    const plan = plans(store).get(before.planCode)!;
    assertWindowOpen(call, plan);
    if (plan.by_major === 1 && before.majors.length === 0) throw new AppError('VALIDATION', `“${plan.batch}”要求按专业填报：请先选择拟申报的专业。`);
    markSubmitted(store, id, call.app.now().toISOString());
    const after = mustLoad(store, id);
    writeAudit(call, { operation: 'declarations.submit', entityType: 'declaration', entityId: id, before: { status: before.status }, after: { status: after.status } });
    return detailOf(call, after);
  });
}

function auditView(d: DeclarationRecord) {
  return {
    planCode: d.planCode,
    certificateCode: d.certificateCode,
    level: d.level,
    majors: d.majors.map((m) => m.code),
    proposedCount: d.proposedCount,
    teachers: d.teachers.length,
    facilities: d.facilities.length,
    status: d.status,
  };
}

/** A year's 指标 as the home page and the capacity check need it: no earlier years. */
export type YearQuota = Omit<QuotaReport, 'past'>;

/**
 * The approved counts of one year per certificate and level, against the enrollments of that
 * year's plans only (one per candidate and plan, as enrolling counts them): the plans of other
 * years are never read, so the home page does not grow with the years the store has kept.
 */
function quotaRowsOf(store: Store, certs: ReturnType<typeof certificates>, year: number): QuotaRow[] {
  const approved = store.db
    .prepare("SELECT certificate_code AS code, level, SUM(approved_count) AS n FROM declarations WHERE status = 'approved' AND year = ? GROUP BY certificate_code, level")
    .all(year) as { code: string; level: string; n: number }[];
  if (!approved.length) return [];
  const used = store.db
    .prepare(
      `SELECT s.certificate_code AS code, s.level AS level, COUNT(DISTINCT e.candidate_id || '/' || e.plan_code) AS n
       FROM exam_plans p JOIN enrollments e ON e.plan_code = p.code JOIN exam_subjects s ON s.code = e.subject_code
       WHERE p.registration_start >= ? AND p.registration_start < ? GROUP BY 1, 2`,
    )
    .all(`${year}-`, `${year + 1}-`) as { code: string; level: string; n: number }[];
  const usedOf = new Map(used.map((u) => [`${u.code}/${u.level}`, u.n]));
  return approved
    .map((a) => {
      const n = usedOf.get(`${a.code}/${a.level}`) ?? 0;
      return { certificateCode: a.code, certificateName: certs.get(a.code)?.name ?? a.code, level: a.level, approved: a.n, used: n, left: Math.max(0, a.n - n) };
    })
    .sort((a, b) => a.certificateName.localeCompare(b.certificateName, 'zh-CN') || levelOrder(a.level) - levelOrder(b.level));
}

/** The year's 指标 alone; pilot when at least one of its declarations was approved. */
export function yearQuota(store: Store, year: number): YearQuota {
  const rows = quotaRowsOf(store, certificates(store), year);
  return { year, pilot: rows.length > 0, rows };
}

/**
 * 指标: the approved counts of a year per certificate and level, against the enrollments of
 * that year's plans. A year's quota is only for that year (指标不能跨年使用): earlier years are
 * listed as void.
 */
export function quotaReport(store: Store, year: number): QuotaReport {
  const certs = certificates(store);
  const rows = quotaRowsOf(store, certs, year);
  const pastYears = store.db.prepare("SELECT DISTINCT year FROM declarations WHERE status = 'approved' AND year < ? ORDER BY year DESC").pluck().all(year) as number[];
  return { year, pilot: rows.length > 0, rows, past: pastYears.map((y) => ({ year: y, rows: quotaRowsOf(store, certs, y) })) };
}

const levelOrder = (level: string) => (CERT_LEVELS as readonly string[]).indexOf(level);

export function currentYear(call: CallContext): number {
  return Number(institutionDate(call.app.now()).slice(0, 4));
}
