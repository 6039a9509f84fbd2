import { join } from 'node:path';
import { AppCore } from '../../src-main/core/app-core';
import { dispatch } from '../../src-main/core/dispatch';
import { institutionDate } from '../../src-shared/domain/institution-time';
import { addDays, buildExamDay } from '../fixtures/exam-day-store';
import { recordAttendance, scoresFromAttendance } from '../fixtures/score-store';
import { PRINCIPAL } from '../helpers/served-app';

/**
 * Builds the scores end-to-end test's store before the app is served: `node --import tsx
 * scores-setup.ts DATA_DIR WORK_DIR`. The plan was issued 25 days back, so the real today is in
 * its 成绩登记 window when the test serves it: its exams are over, attendance recorded (every 7th
 * seat 缺考) and the simulator's 科目成绩 for it waits as a package file. Prints what the test needs.
 */
const [dataDir, workDir] = process.argv.slice(2) as [string, string];
const issueDay = addDays(institutionDate(new Date()), -25);
const clock = { now: new Date(`${issueDay}T02:00:00Z`) };
const app = await AppCore.open({ dataDir, transport: 'browser', now: () => clock.now, passwordCost: { N: 2 ** 10 } });
const ok = async <T>(name: string, input: unknown, session: string | null = null): Promise<T> => {
  const r = await dispatch(app, name, input, session);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
};
const login = async () => (await ok<{ sessionToken: string }>('auth.login', { username: PRINCIPAL.username, password: PRINCIPAL.password })).sessionToken;
await ok('setup.create', {
  institution: { code: '4137014320', name: '烟台职业学院', region: { province: '山东省', city: '烟台市', district: '莱山区' }, address: '烟台市莱山区滨海中路2018号' },
  principal: { username: PRINCIPAL.username, displayName: PRINCIPAL.name, password: PRINCIPAL.password },
});
const buildDir = join(workDir, 'build');
const built = await buildExamDay(app, await login(), { issueDay, candidates: 30, photos: 0, workDir: buildDir });
clock.now = new Date(`${addDays(issueDay, 6)}T09:00:00+08:00`);
const session = await login();
await recordAttendance(app, session, built.planCode);
const scores = await scoresFromAttendance(app, session, built.platform, workDir, clock.now);
await app.close();
process.stdout.write(JSON.stringify({ planCode: built.planCode, scoresZip: scores.path, keysDir: join(buildDir, 'keys'), scores: scores.scores }));
