import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { CANDIDATE_COLUMNS } from '../../../src-shared/domain/candidate-columns';
import { hashFile } from '../../pipelines/hash-file';
import { writeRowsWorkbook } from '../../pipelines/xlsx/rows-workbook';
import type { AppCore } from '../app-core';
import { CLI_ACTOR } from '../../../src-shared/actor';
import type { JobDef } from '../../jobs/define-job';
import { candidateCheckJob, candidateCommitJob } from '../candidates/import-job';
import { exportJob } from '../packages/export-job';
import { applyPackageFile } from '../packages/import-service';
import { photoCommitJob } from '../photos/photo-import-job';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../files/private-fs';
import { fakePeople, seeded, type FakePerson } from './fake-people';
import { generatePhoto } from './photo-generator';

export interface DemoCandidates {
  school: number;
  social: number;
  photos: number;
  realnameFailed: number;
}

const EMPLOYERS = ['烟台港集团有限公司', '万华化学集团股份有限公司', '烟台张裕葡萄酿酒股份有限公司', '京东物流烟台分拣中心', '顺丰速运烟台分公司', '杰瑞集团', '个体'];
const EDUCATION = ['高中', '中专', '大专', '本科'];

/**
 * 2,000 candidates the way a school gets them in: spreadsheets through the import, a ZIP of
 * photos through the photo import (a few students never handed one in), then the candidate
 * package to the simulated platform and its real-name results back — so some are incomplete
 * and a few wait for 人工确认, as in a real year.
 */
export async function addDemoCandidates(app: AppCore, answer: (outbound: string) => Promise<string>, say: (m: string) => void): Promise<DemoCandidates> {
  const dir = join(app.dataDir, 'tmp', 'demo');
  makePrivateDir(dir);
  const run = <In, Out>(job: JobDef<In, Out>, input: In, title: string) => app.jobs.run(job, input, { title, actor: CLI_ACTOR, owner: null });
  const people = fakePeople(2000, 2026);
  const school = people.slice(0, 1850);
  const social = people.slice(1850);
  const rnd = seeded(7);

  say(`导入 ${people.length} 名考生…`);
  const schoolSheet = join(dir, '院校考生名单.xlsx');
  await writeRowsWorkbook(schoolSheet, [
    {
      name: '院校考生',
      columns: CANDIDATE_COLUMNS.school.map((c) => ({ header: c.header, text: c.text ?? false })),
      rows: school.map((p) => [p.name, '', p.idNumber, p.phone, p.major, p.majorLevel, p.entryYear]),
    },
  ]);
  const socialSheet = join(dir, '社会考生名单.xlsx');
  await writeRowsWorkbook(socialSheet, [
    {
      name: '社会考生',
      columns: CANDIDATE_COLUMNS.social.map((c) => ({ header: c.header, text: c.text ?? false })),
      rows: social.map((p) => [p.name, '', p.idNumber, p.phone, EDUCATION[Math.floor(rnd() * EDUCATION.length)], EMPLOYERS[Math.floor(rnd() * EMPLOYERS.length)]]),
    },
  ]);
  for (const [kind, path] of [
    ['school', schoolSheet],
    ['social', socialSheet],
  ] as const) {
    const input = { path, fileName: path.split(/[\\/]/).pop()!, kind, mode: 'create' as const };
    const preview = await run(candidateCheckJob, input, '检查考生表格');
    await run(candidateCommitJob, { ...input, commitHash: preview.fileHash }, '导入考生');
  }

  // About one in thirty never handed in a photo.
  const withPhoto = people.filter(() => rnd() > 1 / 30);
  say(`生成并导入 ${withPhoto.length} 张考生照片…`);
  const zipPath = join(dir, '考生照片.zip');
  await writePhotoZip(zipPath, withPhoto);
  const photos = await run(photoCommitJob, { path: zipPath, fileName: '考生照片.zip', fix: false, replaceExisting: false, commitHash: await hashFile(zipPath) }, '导入考生照片');

  say('向平台报送考生信息，取回实名认证结果…');
  const exported = await run(exportJob, { kinds: ['candidates'], options: { includeIncomplete: true } }, '生成数据包');
  const result = await applyPackageFile(app, CLI_ACTOR, await answer(exported.path));
  rmSync(dir, { recursive: true, force: true });
  const failed = (app.store.db.prepare("SELECT count(*) AS n FROM candidates WHERE realname_status = 'failed'").get() as { n: number }).n;
  say(`实名认证：${result.counts['realname-results']?.changed ?? 0} 人有结果，${failed} 人待人工确认。`);
  return { school: school.length, social: social.length, photos: photos.written, realnameFailed: failed };
}

async function writePhotoZip(path: string, people: FakePerson[]): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = new Promise<void>((resolve, reject) =>
    zip.outputStream
      .pipe(createWriteStream(path, { mode: PRIVATE_FILE_MODE }))
      .on('close', resolve)
      .on('error', reject),
  );
  for (let i = 0; i < people.length; i += 8) {
    const batch = people.slice(i, i + 8);
    const images = await Promise.all(batch.map((p) => generatePhoto(p.idNumber)));
    batch.forEach((p, j) => zip.addBuffer(images[j]!, `照片/${p.idNumber}.jpg`, { compress: false }));
  }
  zip.end();
  await done;
}
