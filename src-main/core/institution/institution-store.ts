import type { z } from 'zod';
import type { institutionUpdateInput } from '../../../src-shared/api/institution';
import type { institutionFields } from '../../../src-shared/domain/institution';
import type { Store } from '../../store/store';

/** The one place the institution's row is written: created by the first-run wizard, then updated. */
export function insertInstitution(store: Store, i: z.output<typeof institutionFields>, now: string): void {
  store.run(
    store.q.insertInto('institution').values({
      id: 1,
      code: i.code,
      name: i.name,
      province: i.region.province,
      city: i.region.city,
      district: i.region.district,
      address: i.address || null,
      contact_name: i.contactName || null,
      contact_phone: i.contactPhone || null,
      contact_email: i.contactEmail || null,
      ...(i.schoolType ? { school_type: i.schoolType } : {}),
      created_at: now,
      updated_at: now,
    }),
  );
}

export function updateInstitutionRow(store: Store, input: z.output<typeof institutionUpdateInput>, now: string): void {
  store.run(
    store.q.updateTable('institution').set({
      name: input.name,
      province: input.region.province,
      city: input.region.city,
      district: input.region.district,
      address: input.address || null,
      contact_name: input.contactName || null,
      contact_phone: input.contactPhone || null,
      contact_email: input.contactEmail || null,
      ...(input.schoolType !== undefined ? { school_type: input.schoolType } : {}),
      updated_at: now,
    }),
  );
}
