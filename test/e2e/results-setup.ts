import { join } from 'node:path';
import { AppCore } from '../../src-main/core/app-core';
import { invokeAs } from '../../src-main/core/dispatch';
import { applyPackageFile } from '../../src-main/core/packages/import-service';
import { CLI_ACTOR } from '../../src-shared/actor';
import { buildResultsStore, enrollCertificate, insertScores, LOGISTICS, BASIC, people, scoreFourCandidates, scoresPayloadOf, INSTITUTION_CODE } from '../fixtures/results-store';
import { PRINCIPAL } from '../helpers/served-app';
import { issueResultsPackage } from '../tools/platform/platform-results';

/**
 * The store results.spec.ts serves (`node --import tsx test/e2e/results-setup.ts DATA_DIR WORK_DIR`):
 * the catalog issued today, 60 candidates in 物流管理 第2次 初级 with scores — the first four
 * those of scoreFourCandidates (two the platform's truncation makes disagree, one 中级 the
 * platform cannot decide yet), the rest one score for all three subjects, so their composites
 * agree — and the simulator's results package of those scores, imported. Prints who is who.
 */
const [dataDir, workDir] = process.argv.slice(2) as [string, string];
const app = await AppCore.open({ dataDir, transport: 'browser', passwordCost: { N: 2 ** 10 } });
try {
  await invokeAs(app, CLI_ACTOR, 'setup.create', {
    institution: { code: INSTITUTION_CODE, name: '烟台职业学院', region: { province: '山东省', city: '烟台市', district: '莱山区' }, address: '烟台市莱山区滨海中路2018号' },
    principal: { username: PRINCIPAL.username, displayName: PRINCIPAL.name, password: PRINCIPAL.password },
  });
  const { platform, plans } = await buildResultsStore(app, { workDir: join(workDir, 'build'), candidates: 60 });
  const four = scoreFourCandidates(app.store, plans.logistics);
  const rest = people(app.store).slice(5);
  for (const p of rest) enrollCertificate(app.store, plans.logistics, p.idNumber, LOGISTICS, '初级');
  insertScores(app.store, plans.logistics, Object.fromEntries(rest.map((p, i) => [p.idNumber, Object.fromEntries(BASIC.map((s) => [s, 40 + ((i * 7) % 55)]))])));
  const issued = await issueResultsPackage(platform, {
    institutionCode: INSTITUTION_CODE,
    scores: scoresPayloadOf(app.store, plans.logistics),
    out: join(workDir, '考证结果.zip'),
  });
  await applyPackageFile(app, CLI_ACTOR, issued.written.path);
  process.stdout.write(JSON.stringify({ planCode: plans.logistics, a: four.a, c: four.c, d: four.d, rows: 4 + 1 + rest.length }));
} finally {
  await app.close();
}
