import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import type { JobInfo } from '../../../src-shared/api/jobs';
import type { PhotoCommitReport, PhotoFileReport, PhotoImportReport } from '../../../src-shared/api/photos';
import { PHOTO_RULES, type photoOps } from '../../../src-shared/api/photos';
import { AppError } from '../../../src-shared/errors';
import { checkPhoto, tooLargeMessage, type PhotoCheck } from '../../pipelines/photos/check-photo';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { getCandidate } from '../candidates/candidates-service';
import { photoCheckJob, photoCommitJob } from './photo-import-job';
import { photoMeta, upsertPhoto } from './photo-store';

type PreviewInput = z.output<(typeof photoOps)['photos.importPreview']['input']>;
type CommitInput = z.output<(typeof photoOps)['photos.importCommit']['input']>;
type SetPhotoInput = z.output<(typeof photoOps)['candidates.setPhoto']['input']>;

export function startPhotoCheck(call: CallContext, input: PreviewInput): JobInfo<PhotoImportReport> {
  const file = call.app.files.resolve(input.fileId, call.actor);
  return call.app.jobs.start(
    photoCheckJob,
    { path: file.path, fileName: file.name, fix: input.fix, replaceExisting: null },
    { title: '检查照片压缩包', actor: call.actor, owner: call.sessionToken },
  );
}

export function startPhotoCommit(call: CallContext, input: CommitInput): JobInfo<PhotoCommitReport> {
  const file = call.app.files.resolve(input.fileId, call.actor);
  return call.app.jobs.start(
    photoCommitJob,
    { path: file.path, fileName: file.name, fix: input.fix, replaceExisting: input.replaceExisting, commitHash: input.fileHash },
    { title: '导入考生照片', actor: call.actor, owner: call.sessionToken },
  );
}

/**
 * 上传考生照片 from the form: the ZIP's checks for one file. A refusal is an error carrying
 * the file's report (`details.photo`), so the form can show the reason beside the picture;
 * replacing a photo needs `replace: true` (CONFLICT until then, for the page to ask).
 */
export async function setCandidatePhoto(call: CallContext, input: SetPhotoInput): Promise<PhotoFileReport> {
  const { store } = call.app;
  const file = call.app.files.resolve(input.fileId, call.actor);
  const candidate = getCandidate(store, input.id);
  const base = { name: file.name, id: candidate.idNumber };
  const size = statSync(file.path).size;
  const checked: PhotoCheck =
    size > PHOTO_RULES.maxBytes ? { ok: false, code: 'TOO_LARGE', message: tooLargeMessage(size) } : await checkPhoto(readFileSync(file.path), { fix: input.fix });
  if (!checked.ok) {
    const photo: PhotoFileReport = { ...base, status: 'refused', code: checked.code, message: checked.message };
    throw new AppError('BAD_FILE', `照片未通过检查：${checked.message}`, { photo, issues: [{ path: 'photo', message: checked.message }] });
  }
  const fixed = checked.fixed ? { fixed: true } : {};
  return store.tx(() => {
    const before = photoMeta(store, candidate.id);
    if (before && !input.replace) {
      const message = `考生“${candidate.name}”已有照片；替换已有照片需要确认`;
      throw new AppError('CONFLICT', `${message}。`, {
        photo: { ...base, status: 'refused', code: 'REPLACE_UNCONFIRMED', message, replaces: true, ...fixed } satisfies PhotoFileReport,
      });
    }
    const p = checked.photo;
    upsertPhoto(store, candidate.id, p, call.app.now().toISOString());
    writeAudit(call, {
      operation: 'candidates.setPhoto',
      entityType: 'candidate',
      entityId: candidate.id,
      before,
      after: { sha256: p.sha256, size: p.size, width: p.width, height: p.height, format: p.format, file: file.name, fixed: checked.fixed },
    });
    return { ...base, status: 'accepted', code: 'OK', message: before ? `${checked.message}，已替换原有照片` : checked.message, ...(before ? { replaces: true } : {}), ...fixed };
  });
}
