import type { z } from 'zod';
import type { institutionUpdateInput } from '../../../src-shared/api/institution';
import type { Institution } from '../../../src-shared/domain/institution';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { updateInstitutionRow } from './institution-store';

export function readInstitution(store: Store): Institution | null {
  const r = store.get(store.q.selectFrom('institution').selectAll());
  if (!r) return null;
  return {
    code: r.code,
    name: r.name,
    province: r.province,
    city: r.city,
    district: r.district,
    address: r.address,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    schoolType: (r.school_type as Institution['schoolType']) ?? null,
    updatedAt: r.updated_at,
  };
}

export function getInstitution(call: CallContext): Institution {
  const inst = readInstitution(call.app.store);
  if (!inst) throw new AppError('STATE', '尚未完成首次设置。');
  return inst;
}

export function updateInstitution(call: CallContext, input: z.output<typeof institutionUpdateInput>): Institution {
  const { store } = call.app;
  return store.tx(() => {
    const before = getInstitution(call);
    updateInstitutionRow(store, input, call.app.now().toISOString());
    const after = getInstitution(call);
    writeAudit(call, { operation: 'institution.update', entityType: 'institution', entityId: after.code, before, after });
    return after;
  });
}
