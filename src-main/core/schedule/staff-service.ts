import type { StaffList, StaffRow } from '../../../src-shared/api/schedule';
import type { StaffFields } from '../../../src-shared/domain/schedule';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { findUser } from '../users/user-store';
import { deleteStaffRow, insertStaff, updateStaff } from './schedule-store';

interface StaffQueryRow {
  id: number;
  name: string;
  phone: string;
  department: string;
  user_id: number | null;
  username: string | null;
  display_name: string | null;
  duties: number;
}

const STAFF_SELECT = `SELECT st.id, st.name, st.phone, st.department, st.user_id, u.username, u.display_name,
    (SELECT count(*) FROM invigilator_assignments a WHERE a.staff_id = st.id) + (SELECT count(*) FROM patrol_assignments p WHERE p.staff_id = st.id) AS duties
  FROM staff st LEFT JOIN users u ON u.id = st.user_id`;

const toRow = (r: StaffQueryRow): StaffRow => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  department: r.department,
  userId: r.user_id,
  account: r.username ? { username: r.username, displayName: r.display_name ?? r.username } : null,
  duties: r.duties,
});

export function loadStaff(store: Store, id: number): StaffRow | null {
  const r = store.prepare(`${STAFF_SELECT} WHERE st.id = ?`).get(id) as StaffQueryRow | undefined;
  return r ? toRow(r) : null;
}

export function listStaff(call: CallContext): StaffList {
  const { store } = call.app;
  const staff = (store.prepare(`${STAFF_SELECT} ORDER BY st.department, st.name, st.id`).all() as StaffQueryRow[]).map(toRow);
  const linked = new Map(staff.filter((s) => s.userId !== null).map((s) => [s.userId!, s.id]));
  const accounts = store
    .all(store.q.selectFrom('users').select(['id', 'username', 'display_name', 'phone', 'disabled']).where('role', '=', 'invigilator').orderBy('username'))
    .filter((u) => u.disabled === 0 || linked.has(u.id))
    .map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, phone: u.phone, staffId: linked.get(u.id) ?? null }));
  return { staff, accounts };
}

const invalid = (path: string, message: string, whole: string) => new AppError('VALIDATION', whole, { issues: [{ path, message }] });

/** The form against the store: one entry per phone, an account that exists, is an invigilator's and is nobody else's. */
function checkFields(store: Store, f: StaffFields, id: number | null): void {
  const samePhone = store.get(
    store.q
      .selectFrom('staff')
      .select(['id', 'name'])
      .where('phone', '=', f.phone)
      .where('id', '!=', id ?? -1),
  );
  if (samePhone) throw invalid('phone', '手机号已登记', `手机号 ${f.phone} 已登记为监考人员“${samePhone.name}”。`);
  if (f.userId === null) return;
  const user = findUser(store, f.userId);
  if (!user) throw invalid('userId', '账号不存在', `找不到编号为 ${f.userId} 的账号。`);
  if (user.role !== 'invigilator') throw invalid('userId', '只能关联监考/巡考账号', `账号 ${user.username} 不是监考/巡考账号，不能关联为监考人员。`);
  const owner = store.get(
    store.q
      .selectFrom('staff')
      .select(['id', 'name'])
      .where('user_id', '=', f.userId)
      .where('id', '!=', id ?? -1),
  );
  if (owner) throw invalid('userId', '账号已关联其他人', `账号 ${user.username} 已关联监考人员“${owner.name}”。`);
}

function mustLoad(store: Store, id: number): StaffRow {
  const s = loadStaff(store, id);
  if (!s) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的监考人员。`);
  return s;
}

const audited = (s: StaffRow) => ({ name: s.name, phone: s.phone, department: s.department, account: s.account?.username ?? null });

export function createStaff(call: CallContext, f: StaffFields): StaffRow {
  const { store } = call.app;
  return store.tx(() => {
    checkFields(store, f, null);
    const id = insertStaff(store, f, call.app.now().toISOString());
    const after = mustLoad(store, id);
    writeAudit(call, { operation: 'staff.create', entityType: 'staff', entityId: id, after: audited(after) });
    return after;
  });
}

export function editStaff(call: CallContext, f: StaffFields & { id: number }): StaffRow {
  const { store } = call.app;
  return store.tx(() => {
    const before = mustLoad(store, f.id);
    checkFields(store, f, f.id);
    updateStaff(store, f.id, f, call.app.now().toISOString());
    const after = mustLoad(store, f.id);
    writeAudit(call, { operation: 'staff.update', entityType: 'staff', entityId: f.id, before: audited(before), after: audited(after) });
    return after;
  });
}

/** A person with duties is not removed behind the coordinator's back: the duties are cancelled first. */
export function deleteStaff(call: CallContext, id: number): { ok: true } {
  const { store } = call.app;
  store.tx(() => {
    const before = mustLoad(store, id);
    if (before.duties > 0) throw new AppError('STATE', `“${before.name}”还有 ${before.duties} 项监考或巡考安排，请先在考场编排中取消这些安排后再删除。`);
    deleteStaffRow(store, id);
    writeAudit(call, { operation: 'staff.delete', entityType: 'staff', entityId: id, before: audited(before) });
  });
  return { ok: true };
}
