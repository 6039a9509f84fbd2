import type { CallContext } from '../call-context';

/**
 * What of the schedule a caller may see. Coordinators and the principal see everything. An
 * invigilator account sees the rooms it invigilates and, where it patrols a site in a session,
 * that site's rooms of the session — nothing else, whatever it asks for; an account not on the
 * staff list sees nothing.
 */
export type Scope = { all: true } | { all: false; staffId: number | null; staffName: string | null };

export function scopeOf(call: CallContext): Scope {
  if (call.actor.role !== 'invigilator') return { all: true };
  const staff = call.app.store.get(
    call.app.store.q
      .selectFrom('staff')
      .select(['id', 'name'])
      .where('user_id', '=', call.actor.id ?? -1),
  );
  return { all: false, staffId: staff?.id ?? null, staffName: staff?.name ?? null };
}

/**
 * `schedule_rooms.id IN (…)` for a scope: an SQL condition on the column `column` and its
 * parameters (none for a coordinator's, where the condition always holds).
 */
export function scopeCondition(scope: Scope, column: string): { sql: string; params: number[] } {
  if (scope.all) return { sql: '1', params: [] };
  const staff = scope.staffId ?? -1;
  return {
    sql: `${column} IN (
      SELECT a.schedule_room_id FROM invigilator_assignments a WHERE a.staff_id = ?
      UNION SELECT r.id FROM patrol_assignments p JOIN schedule_rooms r ON r.session_id = p.session_id JOIN exam_rooms x ON x.id = r.room_id AND x.site_id = p.site_id
       WHERE p.staff_id = ?)`,
    params: [staff, staff],
  };
}
