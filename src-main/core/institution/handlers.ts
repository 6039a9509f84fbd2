import { institutionOps } from '../../../src-shared/api/institution';
import { handlersFor } from '../handler-kit';
import { profileProblems } from '../../../src-shared/domain/institution';
import { getInstitution, updateInstitution } from './institution-service';
import { majorTemplateFile, startMajorCheck, startMajorCommit } from './majors-files';
import { removeMajor, saveMajor } from './majors-service';
import { listInstitutionMajors } from './majors-store';

export const institutionHandlers = handlersFor(institutionOps)({
  'institution.get': getInstitution,
  'institution.update': updateInstitution,
  'institution.profile': (call) => {
    const institution = getInstitution(call);
    const majors = listInstitutionMajors(call.app.store).map(({ code, name, level }) => ({ code, name, level }));
    return { institution, majors, problems: profileProblems(institution, majors.length) };
  },
  'majors.save': saveMajor,
  'majors.delete': (call, input) => removeMajor(call, input.code),
  'majors.template': majorTemplateFile,
  'majors.importPreview': startMajorCheck,
  'majors.importCommit': startMajorCommit,
});
