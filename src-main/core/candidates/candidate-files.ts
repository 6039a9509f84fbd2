import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { CandidateExportInput, CandidateExportResult, CandidateImportPreview, CandidateImportResult, importInput } from '../../../src-shared/api/candidates';
import type { FileRef } from '../../../src-shared/api/files';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { CANDIDATE_KIND_LABELS, type CandidateKind } from '../../../src-shared/domain/candidate';
import { candidateTemplate } from '../../pipelines/xlsx/candidate-template';
import type { CallContext } from '../call-context';
import { candidateExportJob } from './export-job';
import { exportsDir } from '../paths';
import { candidateCheckJob, candidateCommitJob, type CandidateImportInput } from './import-job';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../files/private-fs';

/** Majors for the template's drop-down: the platform's catalog, then what the school already uses. */
function majorChoices(call: CallContext): string[] {
  const { store } = call.app;
  const catalog = store.all(store.q.selectFrom('majors').select('name').orderBy('name')).map((m) => m.name);
  const used = (store.prepare('SELECT DISTINCT major FROM candidates WHERE major IS NOT NULL ORDER BY major').all() as { major: string }[]).map((r) => r.major);
  return [...new Set([...catalog, ...used])];
}

export async function templateFile(call: CallContext, kind: CandidateKind): Promise<FileRef> {
  const dir = exportsDir(call.app.dataDir);
  makePrivateDir(dir);
  const name = `${CANDIDATE_KIND_LABELS[kind]}导入模板.xlsx`;
  const path = join(dir, `${Date.now()}-${name}`);
  writeFileSync(path, await candidateTemplate(kind, majorChoices(call)), { mode: PRIVATE_FILE_MODE });
  return call.app.files.register(path, name, call.actor);
}

function importInputOf(call: CallContext, input: z.output<typeof importInput>): CandidateImportInput {
  const file = call.app.files.resolve(input.fileId, call.actor);
  return { path: file.path, fileName: file.name, kind: input.kind, mode: input.mode };
}

export function startCheck(call: CallContext, input: z.output<typeof importInput>): JobInfo<CandidateImportPreview> {
  return call.app.jobs.start(candidateCheckJob, importInputOf(call, input), { title: '检查考生表格', actor: call.actor, owner: call.sessionToken });
}

export function startCommit(call: CallContext, input: z.output<typeof importInput> & { fileHash: string }): JobInfo<CandidateImportResult> {
  const title = input.mode === 'update' ? '批量修改考生' : '导入考生';
  return call.app.jobs.start(candidateCommitJob, { ...importInputOf(call, input), commitHash: input.fileHash }, { title, actor: call.actor, owner: call.sessionToken });
}

export function startExport(call: CallContext, filter: CandidateExportInput): JobInfo<CandidateExportResult> {
  return call.app.jobs.start(candidateExportJob, filter, { title: '导出考生', actor: call.actor, owner: call.sessionToken });
}

export function photoOf(call: CallContext, id: number): { dataUrl: string; width: number; height: number } | null {
  const { store } = call.app;
  const photo = store.get(store.q.selectFrom('candidate_photos').select(['data', 'format', 'width', 'height']).where('candidate_id', '=', id));
  if (!photo) return null;
  return { dataUrl: `data:image/${photo.format};base64,${Buffer.from(photo.data).toString('base64')}`, width: photo.width, height: photo.height };
}
