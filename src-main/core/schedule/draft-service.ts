import { createHash } from 'node:crypto';
import type { DraftResult } from '../../../src-shared/api/schedule';
import { institutionDateTime } from '../../../src-shared/domain/institution-time';
import { canonicalJson } from '../../../src-shared/domain/package';
import { seat, type SeatRoom } from '../../../src-shared/domain/seating';
import { seatedSittings, seatingSubjects, seedOf } from '../../../src-shared/domain/seating-input';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { loadRooms } from '../sites/room-store';
import { loadPlan, servedBy } from '../sites/rooms-service';
import { loadSites } from '../sites/site-store';
import { loadPlanInfo } from './plan-sittings';
import { loadPlanEnrollments, replaceSchedule, type ScheduleContent } from './schedule-store';

export const sha256 = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** What the engine would seat for a plan from the site's own rooms and enrollments, and a fingerprint of those inputs. */
export function draftInputs(store: Store, planCode: string) {
  const plan = loadPlanInfo(store, planCode);
  const certificates = loadPlan(store, planCode);
  const sites = new Map(loadSites(store).map((s) => [s.id, s]));
  const rooms: SeatRoom[] = loadRooms(store, planCode)
    .map((r) => ({ r, serves: servedBy(r, sites.get(r.siteId), certificates) }))
    // A room that serves nothing (its site no longer approved) holds no one; to the engine an empty list means every certificate.
    .filter((x) => x.serves.length > 0)
    .map(({ r, serves }) => ({ key: String(r.id), name: r.name, type: r.type, seats: r.seats, certificates: serves.map((c) => `${c.certificateCode}/${c.level}`) }));
  const enrollments = loadPlanEnrollments(store, planCode);
  const subjects = seatingSubjects(
    plan.subjects.map((s) => ({ code: s.code, name: s.name, method: s.method, certificate: `${s.certificateCode}/${s.level}`, sessions: s.sessions })),
    enrollments.map((e) => ({ key: String(e.id), subjectCode: e.subjectCode, group: e.group })),
  );
  return { plan, rooms, subjects, enrollments: enrollments.length, inputsHash: sha256({ rooms, subjects }) };
}

function platformRefusal(store: Store, planCode: string): string | null {
  const current = store.get(store.q.selectFrom('schedule_plans').select(['source', 'issued_at']).where('plan_code', '=', planCode));
  if (current?.source !== 'platform') return null;
  return `已收到平台的排考（${institutionDateTime(new Date(current.issued_at!))} 发布），以平台排考为准，不再生成草稿。`;
}

/** Why a draft cannot be built for the plan now, or null. */
export function draftBlocked(store: Store, planCode: string, enrolled: number): string | null {
  return platformRefusal(store, planCode) ?? (enrolled === 0 ? '本考试计划还没有报考记录，无法生成排考草稿。' : null);
}

/**
 * 生成排考草稿: the seating engine over the site's rooms and the plan's enrollments, in place of
 * an earlier draft; never over the platform's schedule. The same inputs draft the same way.
 */
export function createDraft(call: CallContext, planCode: string): DraftResult {
  const { store } = call.app;
  return store.tx(() => {
    const inputs = draftInputs(store, planCode);
    const blocked = draftBlocked(store, planCode, inputs.enrollments);
    if (blocked) throw new AppError('STATE', blocked);
    const seated = seat({ subjects: inputs.subjects, rooms: inputs.rooms, seed: seedOf(planCode) });
    const sessions = seatedSittings(seated).map((s) => ({
      subjectCode: s.subjectCode,
      date: s.date,
      start: s.start,
      end: s.end,
      rooms: s.rooms.map((r) => ({ roomId: Number(r.roomKey), seats: r.seats.map((x) => ({ enrollmentId: Number(x.candidateKey), seat: x.seat, ticketNumber: null })) })),
    }));
    const shortfalls = seated.shortfalls.map((s) => s.message);
    const content: ScheduleContent = { planCode, source: 'draft', issuedAt: null, contentHash: sha256(sessions), shortfalls, inputsHash: inputs.inputsHash, sessions };
    const { kept, dropped } = replaceSchedule(store, content, call.app.now().toISOString());
    const result: DraftResult = {
      plan: planCode,
      sessions: sessions.length,
      rooms: sessions.reduce((n, s) => n + s.rooms.length, 0),
      seats: sessions.reduce((n, s) => n + s.rooms.reduce((m, r) => m + r.seats.length, 0), 0),
      shortfalls,
    };
    writeAudit(call, { operation: 'schedule.draft', entityType: 'schedule', entityId: planCode, after: { ...result, keptDuties: kept, droppedDuties: dropped.length } });
    return result;
  });
}
