import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileRef } from '../../../src-shared/api/files';
import type { MajorImportPreview, MajorImportResult } from '../../../src-shared/api/institution';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../files/private-fs';
import { majorTemplate } from '../../pipelines/xlsx/major-template';
import type { CallContext } from '../call-context';
import { exportsDir } from '../paths';
import { majorCheckJob, majorCommitJob, type MajorImportInput } from './majors-import-job';
import { listInstitutionMajors } from './majors-store';

/** 下载模板: the import template, filled with the majors the institution has now. */
export async function majorTemplateFile(call: CallContext): Promise<FileRef> {
  const dir = exportsDir(call.app.dataDir);
  makePrivateDir(dir);
  const name = '开设专业导入模板.xlsx';
  const path = join(dir, `${Date.now()}-${name}`);
  writeFileSync(path, await majorTemplate(listInstitutionMajors(call.app.store)), { mode: PRIVATE_FILE_MODE });
  return call.app.files.register(path, name, call.actor);
}

function importInputOf(call: CallContext, fileId: string): MajorImportInput {
  const file = call.app.files.resolve(fileId, call.actor);
  return { path: file.path, fileName: file.name };
}

export function startMajorCheck(call: CallContext, input: { fileId: string }): JobInfo<MajorImportPreview> {
  return call.app.jobs.start(majorCheckJob, importInputOf(call, input.fileId), { title: '检查开设专业表格', actor: call.actor, owner: call.sessionToken });
}

export function startMajorCommit(call: CallContext, input: { fileId: string; fileHash: string }): JobInfo<MajorImportResult> {
  return call.app.jobs.start(
    majorCommitJob,
    { ...importInputOf(call, input.fileId), commitHash: input.fileHash },
    { title: '导入开设专业', actor: call.actor, owner: call.sessionToken },
  );
}
