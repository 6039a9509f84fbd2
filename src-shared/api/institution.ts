import { empty, op } from './contract';
import { institutionFields, type Institution } from '../domain/institution';
import { PRINCIPAL_ONLY } from '../roles';

/** The code identifies the institution in every package, so it is fixed after first run. */
export const institutionUpdateInput = institutionFields.omit({ code: true }).strict();

export const institutionOps = {
  'institution.get': op<Institution>()({ input: empty, access: 'user', summary: '院校信息' }),
  'institution.update': op<Institution>()({ input: institutionUpdateInput, access: PRINCIPAL_ONLY, mutates: true, summary: '修改院校信息' }),
};
