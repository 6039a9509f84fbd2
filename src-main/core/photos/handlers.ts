import { photoOps } from '../../../src-shared/api/photos';
import { handlersFor } from '../handler-kit';
import { setCandidatePhoto, startPhotoCheck, startPhotoCommit } from './photo-service';

export const photoHandlers = handlersFor(photoOps)({
  'photos.importPreview': startPhotoCheck,
  'photos.importCommit': startPhotoCommit,
  'candidates.setPhoto': setCandidatePhoto,
});
