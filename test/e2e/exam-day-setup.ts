import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppCore } from '../../src-main/core/app-core';
import { dispatch } from '../../src-main/core/dispatch';
import { ticketQrText, ticketSecret } from '../../src-main/core/tickets/check-code';
import { institutionDate } from '../../src-shared/domain/institution-time';
import { addDays, buildExamDay } from '../fixtures/exam-day-store';
import { BUNDLED_JOB_WORKER, PRINCIPAL } from '../helpers/served-app';

/**
 * Builds the end-to-end test's store before the app is served: `node --import tsx
 * exam-day-setup.ts DATA_DIR WORK_DIR`. Its clock is set four days back, so the real today is the
 * plan's first exam day when the test serves it; 王芳 invigilates that day's 实操 room (14:00–23:55),
 * 30 candidates with photos (60 over the two days). Prints what the test types — the room's seats
 * with their QR texts — and the day's room sittings. Its jobs run in the bundled worker the run's
 * global setup built.
 */
const [dataDir, workDir] = process.argv.slice(2) as [string, string];
const examDay = institutionDate(new Date());
const issueDay = addDays(examDay, -4);
const clock = new Date(`${issueDay}T02:00:00Z`);
const app = await AppCore.open({ dataDir, transport: 'browser', now: () => clock, passwordCost: { N: 2 ** 10 }, jobs: { workerEntry: pathToFileURL(BUNDLED_JOB_WORKER) } });
const ok = async <T>(name: string, input: unknown, session: string | null = null): Promise<T> => {
  const r = await dispatch(app, name, input, session);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
};
await ok('setup.create', {
  institution: { code: '4137014320', name: '烟台职业学院', region: { province: '山东省', city: '烟台市', district: '莱山区' }, address: '烟台市莱山区滨海中路2018号' },
  principal: { username: PRINCIPAL.username, displayName: PRINCIPAL.name, password: PRINCIPAL.password },
});
const { sessionToken } = await ok<{ sessionToken: string }>('auth.login', { username: PRINCIPAL.username, password: PRINCIPAL.password });
const built = await buildExamDay(app, sessionToken, { issueDay, candidates: 60, photos: 60, workDir: join(workDir, 'build') });
const room = built.rooms.find((r) => r.date === examDay && r.roomName === '物流实训室');
if (!room) throw new Error(`no 实操 room on ${examDay}`);
await ok('invigilation.setRoom', { scheduleRoomId: room.scheduleRoomId, staffIds: [built.staff.id] }, sessionToken);
const secret = ticketSecret(app.store);
const seats = app.store.db
  .prepare(
    `SELECT t.seat, t.ticket_number AS ticket, c.name FROM schedule_seats t JOIN enrollments e ON e.id = t.enrollment_id JOIN candidates c ON c.id = e.candidate_id
      WHERE t.schedule_room_id = ? ORDER BY t.seat`,
  )
  .all(room.scheduleRoomId) as { seat: number; ticket: string; name: string }[];
await app.close();
process.stdout.write(
  JSON.stringify({
    planCode: built.planCode,
    examDay,
    room: room.roomName,
    start: room.start,
    seats: seats.map((s) => ({ ...s, qr: ticketQrText(secret, s.ticket) })),
    day: built.rooms.filter((r) => r.date === examDay).map((r) => ({ room: r.roomName, start: r.start, expected: r.expected })),
  }),
);
