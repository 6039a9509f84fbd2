import type { Selectable } from 'kysely';
import type { RoomPlace } from '../../../src-shared/api/sites';
import type { SiteCertificate } from '../../../src-shared/domain/exam-site';
import type { ExamRoomTable } from '../../store/schema';
import type { Store } from '../../store/store';

/** The one place exam_rooms and capacity_expectations are written. */
export interface RoomRecord extends RoomPlace {
  certificates: SiteCertificate[];
}

export type RoomContent = Omit<RoomRecord, 'id'>;

function toRecord(r: Selectable<ExamRoomTable>): RoomRecord {
  return {
    id: r.id,
    planCode: r.plan_code,
    siteId: r.site_id,
    name: r.name,
    type: r.type,
    seats: r.seats,
    province: r.province,
    city: r.city,
    district: r.district,
    address: r.address,
    certificates: JSON.parse(r.certificates_json) as SiteCertificate[],
  };
}

export function loadRoom(store: Store, id: number): RoomRecord | null {
  const r = store.get(store.q.selectFrom('exam_rooms').selectAll().where('id', '=', id));
  return r ? toRecord(r) : null;
}

export function loadRooms(store: Store, planCode?: string): RoomRecord[] {
  let q = store.q.selectFrom('exam_rooms').selectAll();
  if (planCode !== undefined) q = q.where('plan_code', '=', planCode);
  return store.all(q.orderBy('plan_code').orderBy('site_id').orderBy('name')).map(toRecord);
}

export function insertRoom(store: Store, c: RoomContent, now: string): number {
  const r = store
    .prepare(
      `INSERT INTO exam_rooms (plan_code, site_id, name, type, seats, province, city, district, address, certificates_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(c.planCode, c.siteId, c.name, c.type, c.seats, c.province, c.city, c.district, c.address, JSON.stringify(c.certificates), now, now);
  return Number(r.lastInsertRowid);
}

export function updateRoom(store: Store, id: number, c: RoomContent, now: string): void {
  store
    .prepare(
      `UPDATE exam_rooms SET plan_code = ?, site_id = ?, name = ?, type = ?, seats = ?, province = ?, city = ?, district = ?, address = ?, certificates_json = ?,
         updated_at = ? WHERE id = ?`,
    )
    .run(c.planCode, c.siteId, c.name, c.type, c.seats, c.province, c.city, c.district, c.address, JSON.stringify(c.certificates), now, id);
}

export function deleteRoomRow(store: Store, id: number): void {
  store.prepare('DELETE FROM exam_rooms WHERE id = ?').run(id);
}

export function loadExpectations(store: Store, planCode: string): Map<string, number> {
  return new Map(
    store.all(store.q.selectFrom('capacity_expectations').select(['subject_code', 'expected']).where('plan_code', '=', planCode)).map((e) => [e.subject_code, e.expected]),
  );
}

/** Null removes the expected number. */
export function setExpectation(store: Store, planCode: string, subjectCode: string, expected: number | null): void {
  if (expected === null) store.prepare('DELETE FROM capacity_expectations WHERE plan_code = ? AND subject_code = ?').run(planCode, subjectCode);
  else
    store
      .prepare(
        'INSERT INTO capacity_expectations (plan_code, subject_code, expected) VALUES (?, ?, ?) ON CONFLICT(plan_code, subject_code) DO UPDATE SET expected = excluded.expected',
      )
      .run(planCode, subjectCode, expected);
}
