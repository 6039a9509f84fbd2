import type { InstitutionMajor } from '../../../src-shared/domain/institution-majors';
import { AppError } from '../../../src-shared/errors';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { deleteInstitutionMajor, listInstitutionMajors, majorByCode, upsertInstitutionMajor } from './majors-store';

export function saveMajor(call: CallContext, input: InstitutionMajor): InstitutionMajor[] {
  const { store } = call.app;
  return store.tx(() => {
    const before = majorByCode(store, input.code) ?? null;
    upsertInstitutionMajor(store, input, call.app.now().toISOString());
    writeAudit(call, { operation: before ? 'majors.update' : 'majors.create', entityType: 'major', entityId: input.code, before, after: input });
    return listInstitutionMajors(store);
  });
}

/** A submitted declaration keeps its own copy of the majors it named: removing one here leaves it as sent. */
export function removeMajor(call: CallContext, code: string): InstitutionMajor[] {
  const { store } = call.app;
  return store.tx(() => {
    const before = majorByCode(store, code);
    if (!before) throw new AppError('NOT_FOUND', `没有专业代码为 ${code} 的开设专业。`);
    deleteInstitutionMajor(store, code);
    writeAudit(call, { operation: 'majors.delete', entityType: 'major', entityId: code, before });
    return listInstitutionMajors(store);
  });
}
