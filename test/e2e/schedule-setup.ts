import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_ACTOR } from '../../src-shared/actor';
import type { Contract, OpName } from '../../src-shared/api';
import type { InputOf } from '../../src-shared/api/contract';
import type { RoomsPayload } from '../../src-shared/domain/site-kinds';
import { AppCore } from '../../src-main/core/app-core';
import { addDemoSites } from '../../src-main/core/demo/demo-sites';
import { invokeAs } from '../../src-main/core/dispatch';
import { exportJob } from '../../src-main/core/packages/export-job';
import { applyPackageFile } from '../../src-main/core/packages/import-service';
import { loadPlanEnrollments } from '../../src-main/core/schedule/schedule-store';
import { addCandidates } from '../fixtures/candidates';
import { answerPackage, readOutbound } from '../tools/platform/answer-package';
import { issueSchedulePackage } from '../tools/platform/answer-schedule';
import { issueDayOf } from '../tools/platform/dates';
import { issueCatalogPackage } from '../tools/platform/issue-package';
import { openPlatform } from '../tools/platform/platform';
import { BUNDLED_JOB_WORKER } from '../helpers/served-app';

/**
 * The workspace schedule.spec.ts starts from, built through the core (run as
 * `node --import tsx test/e2e/schedule-setup.ts DATA_DIR WORK_DIR PASSWORD`, before the app is
 * served): the catalog issued today, the demo's approved 物流管理 site and rooms, 150 school
 * candidates enrolled in the next plan's 初级 subjects, an invigilator account, and the
 * simulator's schedule for that plan as a package file the test imports through the UI.
 * Enrollments go straight into the store, as the fixtures of the later workflows do, until the
 * enrollment workflow (issue 12) is merged.
 */
async function main(dataDir: string, work: string, password: string): Promise<void> {
  mkdirSync(work, { recursive: true });
  // The bundled worker the run's global setup built: one on the sources would load tsx first.
  const app = await AppCore.open({ dataDir, transport: 'browser', passwordCost: { N: 2 ** 10 }, jobs: { workerEntry: pathToFileURL(BUNDLED_JOB_WORKER) } });
  const call = <K extends OpName>(name: K, input: InputOf<Contract[K]>) => invokeAs(app, CLI_ACTOR, name, input);
  try {
    await call('setup.create', {
      institution: { code: '4137014320', name: '烟台职业学院', region: { province: '山东省', city: '烟台市', district: '莱山区' }, address: '烟台市莱山区滨海中路2018号' },
      principal: { username: 'zhaoxz', displayName: '赵校长', password },
    });
    await call('users.create', { username: 'wangfang', displayName: '王芳', role: 'invigilator', phone: '13705353456', password: 'wangfang-pass-1' });
    const platform = openPlatform({ keysDir: join(work, 'keys') });
    await call('settings.update', { platformPublicKeys: [platform.keys.publicPem] });
    const catalog = await issueCatalogPackage(platform, { institutionCode: '4137014320', out: join(work, 'catalog.zip') });
    await applyPackageFile(app, CLI_ACTOR, catalog.written.path);
    let replies = 0;
    await addDemoSites(
      app,
      async (outbound) => {
        const out = join(work, `reply-${++replies}.zip`);
        const { written } = await answerPackage(platform, await readOutbound(outbound, 'out.zip'), out);
        if (!written) throw new Error('the simulator did not answer');
        return written.path;
      },
      () => {},
    );
    // The next 物流管理 plan of the default scenario (exams a few days ahead), whose rooms the demo set.
    const planCode = `K${issueDayOf(new Date()).slice(0, 4)}31000002`;
    addCandidates(app.store, 150, 21);
    const ids = app.store.db.prepare('SELECT id FROM candidates ORDER BY id').pluck().all() as number[];
    const insert = app.store.db.prepare('INSERT INTO enrollments (candidate_id, plan_code, subject_code, created_at) VALUES (?, ?, ?, ?)');
    app.store.tx(() => {
      for (const id of ids) for (const s of ['098694', '794690', '609371']) insert.run(id, planCode, s, new Date().toISOString());
    });
    const rooms = await app.jobs.run(exportJob, { kinds: ['rooms'] }, { title: '生成数据包', actor: CLI_ACTOR, owner: null });
    const sent = (await readOutbound(rooms.path, 'rooms.zip')).payloads.rooms as RoomsPayload;
    const enrollments = loadPlanEnrollments(app.store, planCode).map((e) => ({ planCode, idNumber: e.idNumber, subjectCode: e.subjectCode, group: e.group }));
    const schedule = join(work, '排考数据包.zip');
    const issued = await issueSchedulePackage(platform, { institutionCode: '4137014320', planCode, rooms: sent.rooms, enrollments, out: schedule });
    process.stdout.write(`${JSON.stringify({ planCode, schedule: issued.written.path, sessions: issued.schedule.sessions.length })}\n`);
  } finally {
    await app.close();
  }
}

const [dataDir, work, password] = process.argv.slice(2);
main(dataDir!, work!, password!).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
